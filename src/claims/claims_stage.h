// The claims stage: extracts each new article's claim mentions (figures,
// statements, framing, speakers) and keeps them in the store; the report
// aligns them per story (story_claims.h), so that a story's claims always
// reflect its current members.
//
// Table (component "claims"):
//   claim_mentions(article_row, claims)  the article's mentions as JSON
#pragma once

#include <memory>

#include "claims/claim_extractor.h"
#include "pipeline/stage.h"

namespace storyline::claims {

class ClaimsStage : public pipeline::Stage {
 public:
  static Result<std::unique_ptr<ClaimsStage>> create(const std::string& data_dir);

  std::string_view name() const override { return "claims"; }
  // English only: its claim patterns, hedges and number words are English.
  pipeline::Coverage coverage(std::string_view language) const override {
    return language == "en" ? pipeline::Coverage::kFull : pipeline::Coverage::kNone;
  }
  std::vector<store::Migration> migrations() const override;
  Status add_batch(store::Database& db, std::vector<Article>& articles) override;
  Status report(const pipeline::ReportScope& scope, nlohmann::json& report) override;

 private:
  explicit ClaimsStage(ClaimExtractor extractor) : extractor_(std::move(extractor)) {}
  ClaimExtractor extractor_;
};

}  // namespace storyline::claims
