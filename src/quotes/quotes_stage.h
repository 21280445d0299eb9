// The quotes stage: direct quotes and reported speech of each new article,
// with speaker, cue and chain of attribution (quote_finder.h), kept in the
// store and reported as the "quotes" section (docs/schema.md).
//
// Runs after the entities stage: by add_batch time each mention carries its
// entity id, so a speaker found through a mention is reported as that entity.
//
// Table (component "quotes"):
//   quotes(article_row, position, speaker, speaker_entity, cue, direct,
//          text, begin, end, via)   begin/end in code points, via a JSON array
#pragma once

#include <memory>

#include "pipeline/stage.h"
#include "quotes/quote_finder.h"

namespace storyline::quotes {

class QuotesStage : public pipeline::Stage {
 public:
  static Result<std::unique_ptr<QuotesStage>> create(const std::string& data_dir);

  std::string_view name() const override { return "quotes"; }
  // English only: its cue verbs and attribution words are English.
  pipeline::Coverage coverage(std::string_view language) const override {
    return language == "en" ? pipeline::Coverage::kFull : pipeline::Coverage::kNone;
  }
  std::vector<store::Migration> migrations() const override;
  Status add_batch(store::Database& db, std::vector<Article>& articles) override;
  Status report(const pipeline::ReportScope& scope, nlohmann::json& report) override;

 private:
  explicit QuotesStage(QuoteFinder finder) : finder_(std::move(finder)) {}
  QuoteFinder finder_;
};

// A quote as the report shows it (spans in code points of `article.text`).
nlohmann::json quote_json(const FoundQuote& quote, const Article& article);

}  // namespace storyline::quotes
