#include "claims/claims_stage.h"

#include "claims/story_claims.h"
#include "stories/story_queries.h"

namespace storyline::claims {

Result<std::unique_ptr<ClaimsStage>> ClaimsStage::create(const std::string& data_dir) {
  auto extractor = ClaimExtractor::load(data_dir);
  if (!extractor) return extractor.status();
  return std::unique_ptr<ClaimsStage>(new ClaimsStage(std::move(*extractor)));
}

std::vector<store::Migration> ClaimsStage::migrations() const {
  return {{"claims", 1,
           "CREATE TABLE claim_mentions (article_row INTEGER PRIMARY KEY REFERENCES articles(row),"
           " claims TEXT NOT NULL);"}};
}

// Extracted here rather than in analyze(): by now the entities stage has
// filled the article's mentions, which name the speakers.
Status ClaimsStage::add_batch(store::Database& db, std::vector<Article>& articles) {
  auto insert = db.prepare("INSERT OR REPLACE INTO claim_mentions(article_row, claims) VALUES (?1, ?2)");
  if (!insert) return insert.status();
  for (const Article& article : articles) {
    nlohmann::json claims = nlohmann::json::array();
    for (const ClaimMention& mention : extractor_.extract(article)) claims.push_back(to_json(mention));
    if (Status s = insert->bind(1, article.store_row).bind(2, claims.dump()).run(); !s.is_ok()) return s;
  }
  return Status::ok();
}

Status ClaimsStage::report(const pipeline::ReportScope& scope, nlohmann::json& report) {
  auto stories = stories::stories_of_articles(*scope.db, scope.article_rows);
  if (!stories) {
    // No stories stage: the report's articles are aligned as one set.
    auto claims = claims_json(*scope.db, scope.article_rows, "");
    if (!claims) return claims.status();
    for (auto& claim : *claims) report["claims"].push_back(std::move(claim));
    return Status::ok();
  }
  auto members = scope.db->prepare("SELECT article_row FROM story_members WHERE story_id = ?1 ORDER BY article_row");
  if (!members) return members.status();
  for (int64_t story : *stories) {
    std::vector<int64_t> rows;
    members->reset();
    members->bind(1, story);
    while (members->step()) rows.push_back(members->column_int(0));
    if (!members->status().is_ok()) return members->status();
    auto claims = claims_json(*scope.db, rows, stories::story_key(story));
    if (!claims) return claims.status();
    for (auto& claim : *claims) report["claims"].push_back(std::move(claim));
  }
  return Status::ok();
}

}  // namespace storyline::claims
