#include "search/search_query.h"

namespace storyline::search {

namespace {
// ASCII punctuation and spaces split words; every byte >= 0x80 (UTF-8 of
// letters in other scripts) belongs to a word, and unicode61 splits it
// further where it must.
bool is_word_byte(unsigned char c) { return c >= 0x80 || std::isalnum(c) || c == '_'; }
}  // namespace

std::string fts_query(const std::string& text) {
  std::string query;
  size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && !is_word_byte(static_cast<unsigned char>(text[i]))) ++i;
    size_t begin = i;
    while (i < text.size() && is_word_byte(static_cast<unsigned char>(text[i]))) ++i;
    if (begin == i) break;
    bool prefix = i < text.size() && text[i] == '*';
    if (!query.empty()) query += ' ';
    query += '"' + text.substr(begin, i - begin) + '"';  // no '"' inside: it is not a word byte
    if (prefix) query += '*';
  }
  return query;
}

Result<std::vector<int64_t>> matching_articles(store::Database& db, const std::string& query, size_t limit) {
  auto statement =
      db.prepare("SELECT rowid FROM article_search WHERE article_search MATCH ?1 ORDER BY rank LIMIT ?2");
  if (!statement) return statement.status();
  statement->bind(1, query).bind(2, static_cast<int64_t>(limit));
  std::vector<int64_t> rows;
  while (statement->step()) rows.push_back(statement->column_int(0));
  if (!statement->status().is_ok()) return statement->status();
  return rows;
}

bool has_search_index(store::Database& db) {
  auto statement = db.prepare("SELECT 1 FROM sqlite_master WHERE name = 'article_search'");
  return statement && statement->step();
}

}  // namespace storyline::search
