// Turning what a person types into an FTS5 query, and running it.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "store/database.h"

namespace storyline::search {

// Words (letters and digits) of `text` as an FTS5 query that needs every
// word: each one quoted, so that no character a person types (quotes,
// AND/OR/NEAR, '*', ':', '-') is read as FTS5 syntax. A trailing '*' on a
// word keeps its prefix meaning. Empty when `text` has no word.
std::string fts_query(const std::string& text);

// Article rows matching `query` (an fts_query), best first (bm25), at most
// `limit`.
Result<std::vector<int64_t>> matching_articles(store::Database& db, const std::string& query, size_t limit);

// Whether the store has the search index (a store made by a build with it).
bool has_search_index(store::Database& db);

}  // namespace storyline::search
