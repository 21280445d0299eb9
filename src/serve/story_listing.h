// GET /api/stories: stories filtered by their articles and ranked by
// recency and coverage.
#pragma once

#include <nlohmann/json.hpp>

#include <optional>
#include <string>

#include "store/database.h"

namespace storyline::serve {

struct StoryFilter {
  std::string query;                    // an FTS5 query (search::fts_query), empty: none
  std::optional<std::string> from, to;  // YYYY-MM-DD, inclusive, on publication dates
  std::optional<std::string> outlet;    // outlet name or domain, exact (case-insensitive)
  size_t limit = 20, offset = 0;
};

// Stories with at least one article that passes every filter, best first:
//   score = recency × coverage
//   recency  = 0.5^(days between the story's last article and the newest
//              article in the store / 7): a week-old story counts half
//   coverage = 1 + ln(1 + outlets) + 0.5 ln(1 + articles)
// so a story many outlets carry outranks a single report of the same day,
// and a big story fades slowly instead of pinning the top. Stories without
// any dated article rank by coverage after dated ones.
// Returns {"stories": [summaries], "total": N, "limit", "offset"}; each
// summary: id, label, size, outlets, first, last, score (and, with a query,
// "matches": how many of its articles match).
Result<nlohmann::json> list_stories(store::Database& db, const StoryFilter& filter);

}  // namespace storyline::serve
