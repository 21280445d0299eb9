// How a stage plugs into the pipeline. A stage owns its tables (migrations),
// may analyse each article on its own (before it is stored), may update its
// corpus-wide state with each batch of new articles (inside the batch's
// transaction, so the store never holds half a batch), and fills its part of
// the report.
#pragma once

#include <nlohmann/json.hpp>

#include <string_view>
#include <vector>

#include "storyline/document.h"
#include "store/database.h"
#include "store/migrations.h"

namespace storyline::pipeline {

// What a report covers: articles by store row, in arrival order.
struct ReportScope {
  store::Database* db = nullptr;
  std::vector<int64_t> article_rows;
  std::vector<std::string> article_ids;  // same order as article_rows
};

// How a stage treats the articles of one language.
enum class Coverage {
  kNone,     // not analysed: its rules are for other languages
  kReduced,  // a language-independent part only (the entities stage's knowledge-base names)
  kFull,
};

std::string_view coverage_name(Coverage coverage);  // "none", "reduced", "full"

class Stage {
 public:
  virtual ~Stage() = default;
  virtual std::string_view name() const = 0;
  // What this stage does with an article in `language` (Article::language:
  // ISO 639-1, or "und"). The engine hands analyze() and add_batch() only
  // the articles it covers. Default: every language, fully.
  virtual Coverage coverage(std::string_view language) const {
    (void)language;
    return Coverage::kFull;
  }
  virtual std::vector<store::Migration> migrations() const { return {}; }
  // Called once after migrations, before any batch: prepare statements,
  // load in-memory indexes from the store.
  virtual Status open(store::Database& db) {
    (void)db;
    return Status::ok();
  }
  // Per article, before storing. Must not touch the store.
  virtual void analyze(Article& article) { (void)article; }
  // Inside the batch transaction, with the batch's new articles (store_row
  // set). A failure rolls the whole batch back. Another process may have
  // written to the store since open(): a stage with in-memory state checks
  // and catches up here, under the transaction's write lock.
  virtual Status add_batch(store::Database& db, std::vector<Article>& articles) {
    (void)db, (void)articles;
    return Status::ok();
  }
  // Called after a batch transaction rolled back, so that in-memory state
  // can forget what that batch added.
  virtual Status rollback(store::Database& db) {
    (void)db;
    return Status::ok();
  }
  // Adds this stage's sections ("stories", "entities", ...) to `report`.
  virtual Status report(const ReportScope& scope, nlohmann::json& report) {
    (void)scope, (void)report;
    return Status::ok();
  }
};

}  // namespace storyline::pipeline
