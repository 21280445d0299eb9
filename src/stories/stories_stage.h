// The stories stage: copies, rewrites and containment between articles, and
// streaming story assignment, kept in the store as articles arrive.
//
// Tables (component "stories"):
//   story_features(article_row, day, features)   what the indexes are rebuilt from
//   stories(id, merged_into, created_row)        a merged story points to its survivor
//   story_members(article_row, story_id, score)  one story per article
//   article_relations(type, from_row, to_row, score, evidence)
#pragma once

#include <memory>
#include <optional>

#include "pipeline/stage.h"
#include "stories/story_index.h"
#include "stories/text_features.h"
#include "store/article_store.h"

namespace storyline::stories {

class StoriesStage : public pipeline::Stage {
 public:
  static Result<std::unique_ptr<StoriesStage>> create(const std::string& data_dir, StoryIndexOptions options = {});

  std::string_view name() const override { return "stories"; }
  std::vector<store::Migration> migrations() const override;
  Status open(store::Database& db) override;
  Status add_batch(store::Database& db, std::vector<Article>& articles) override;
  Status rollback(store::Database& db) override;
  Status report(const pipeline::ReportScope& scope, nlohmann::json& report) override;

 private:
  explicit StoriesStage(FeatureExtractor extractor, StoryIndexOptions options)
      : extractor_(std::move(extractor)), options_(options), index_(options) {}
  Status rebuild(store::Database& db);
  Status add_relation(store::Database& db, const std::string& type, int64_t from, int64_t to, double score,
                      const std::string& evidence);
  Status check_rewrites(store::Database& db, const Article& article, const Placement& placement,
                        const std::vector<Article>& batch);

  FeatureExtractor extractor_;
  StoryIndexOptions options_;
  StoryIndex index_;
  std::unique_ptr<store::ArticleStore> articles_;
  int64_t last_row_seen_ = -1;  // the newest article the indexes hold; -1: not loaded yet
};

// Days since 1970-01-01 of an ISO date ("2025-01-17..."), or -1.
int64_t day_number(const std::string& iso_date);

}  // namespace storyline::stories
