// GET /api/stories: stories filtered by their articles and ranked by
// recency and coverage.
#pragma once

#include <nlohmann/json.hpp>

#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "store/database.h"

namespace storyline::serve {

struct StoryFilter {
  std::string query;                    // an FTS5 query (search::fts_query), empty: none
  std::optional<std::string> from, to;  // YYYY-MM-DD, inclusive, on publication dates
  std::optional<std::string> outlet;    // outlet name or domain, exact (case-insensitive)
  std::optional<int64_t> entity;        // an entity's row id (entities stage)
  std::optional<std::string> event_type;  // a CAMEO code prefix: "05" (root) or "057" (events stage)
  size_t limit = 20, offset = 0;
  // What identifies the ranking (all but the page).
  std::string key() const;
};

struct RankedStory {
  int64_t story = 0;
  int64_t size = 0, outlets = 0, matches = 0, newest_row = 0;
  std::string last_day;
  double score = 0;
};
using Ranking = std::vector<RankedStory>;

// Rankings by filter, valid while the store holds the same articles (the
// newest article row is the version: every change to stories comes with new
// articles). Ranking all stories is the expensive part of a list request;
// each page of it is cheap. Bounded; the least recently used goes first.
class RankingCache {
 public:
  explicit RankingCache(size_t capacity = 128) : capacity_(capacity) {}
  std::shared_ptr<const Ranking> find(const std::string& key, int64_t version);
  void put(const std::string& key, int64_t version, std::shared_ptr<const Ranking> ranking);
  // A story's summary (label, outlets, dates), under the same versions:
  // the label compares the story's articles, so it is worth keeping.
  std::optional<nlohmann::json> summary(int64_t story, int64_t version);
  void put_summary(int64_t story, int64_t version, const nlohmann::json& summary);

 private:
  struct Entry {
    int64_t version = 0;
    uint64_t used = 0;
    std::shared_ptr<const Ranking> ranking;
  };
  size_t capacity_;
  std::mutex mutex_;
  uint64_t clock_ = 0;
  std::map<std::string, Entry> entries_;
  int64_t summaries_version_ = -1;
  std::map<int64_t, nlohmann::json> summaries_;
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
Result<nlohmann::json> list_stories(store::Database& db, const StoryFilter& filter, RankingCache* cache = nullptr);

}  // namespace storyline::serve
