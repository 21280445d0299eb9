// The search stage: a full-text index (SQLite FTS5) over every article's
// headline and text, filled with each batch, read by the HTTP API's story
// search (`GET /api/stories?q=`).
//
// Table (component "search"):
//   article_search(title, text)  FTS5, external content: the articles table
//                                holds the text once, the index only terms;
//                                rowid = articles.row
#pragma once

#include "pipeline/stage.h"

namespace storyline::search {

class SearchStage : public pipeline::Stage {
 public:
  std::string_view name() const override { return "search"; }
  std::vector<store::Migration> migrations() const override;
  Status add_batch(store::Database& db, std::vector<Article>& articles) override;
};

}  // namespace storyline::search
