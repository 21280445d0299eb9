// The articles table: the cleaned, segmented documents every stage reads.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "storyline/document.h"
#include "store/database.h"
#include "store/migrations.h"

namespace storyline::store {

std::vector<Migration> article_migrations();

// Spans packed as varint deltas: compact and fast to read back.
std::string encode_spans(const std::vector<Span>& spans);
Result<std::vector<Span>> decode_spans(std::string_view bytes, size_t text_size);

class ArticleStore {
 public:
  // REQUIRES: the article migrations are applied on `db`; `db` outlives this.
  static Result<ArticleStore> open(Database& db);

  // Stores `article` unless an article with the same id exists. Sets
  // article.store_row either way; returns true when it was new.
  Result<bool> insert(Article& article);

  // The row of the article with this id, 0 when none.
  Result<int64_t> find(const std::string& id);
  Result<std::optional<Article>> load_by_row(int64_t row);
  Result<std::optional<Article>> load_by_id(const std::string& id);
  // Rows in arrival order, optionally only those after `after_row`.
  Result<std::vector<int64_t>> rows(int64_t after_row = 0);
  Result<int64_t> count();

 private:
  explicit ArticleStore(Database& db) : db_(&db) {}
  Result<std::optional<Article>> load(Statement& query);
  Database* db_;
  Statement find_row_;
  Statement insert_;
  Statement load_by_row_;
  Statement load_by_id_;
};

}  // namespace storyline::store
