#include "serve/story_listing.h"

#include <algorithm>
#include <cmath>
#include <vector>

#include "stories/stories_stage.h"
#include "stories/story_queries.h"

namespace storyline::serve {

namespace {

constexpr size_t kMaxSearchHits = 20000;  // articles a query may match before the rest are ignored
constexpr double kHalfLifeDays = 7;

using Ranked = RankedStory;

double coverage(const Ranked& r) { return 1 + std::log1p(double(r.outlets)) + 0.5 * std::log1p(double(r.size)); }

Result<int64_t> store_version(store::Database& db) {
  auto query = db.prepare("SELECT coalesce(max(row), 0) FROM articles");
  if (!query) return query.status();
  if (!query->step()) return query->status();
  return query->column_int(0);
}

}  // namespace

std::string StoryFilter::key() const {
  return query + '\x1f' + from.value_or("") + '\x1f' + to.value_or("") + '\x1f' + (outlet ? "=" + *outlet : "") + '\x1f' +
         (entity ? std::to_string(*entity) : "") + '\x1f' + event_type.value_or("");
}

std::shared_ptr<const Ranking> RankingCache::find(const std::string& key, int64_t version) {
  std::lock_guard<std::mutex> lock(mutex_);
  auto it = entries_.find(key);
  if (it == entries_.end() || it->second.version != version) return nullptr;
  it->second.used = ++clock_;
  return it->second.ranking;
}

void RankingCache::put(const std::string& key, int64_t version, std::shared_ptr<const Ranking> ranking) {
  std::lock_guard<std::mutex> lock(mutex_);
  if (entries_.size() >= capacity_ && !entries_.count(key)) {
    auto oldest = entries_.begin();
    for (auto it = entries_.begin(); it != entries_.end(); ++it)
      if (it->second.used < oldest->second.used) oldest = it;
    entries_.erase(oldest);
  }
  entries_[key] = {version, ++clock_, std::move(ranking)};
}

std::optional<nlohmann::json> RankingCache::summary(int64_t story, int64_t version) {
  std::lock_guard<std::mutex> lock(mutex_);
  if (version != summaries_version_) return std::nullopt;
  auto it = summaries_.find(story);
  if (it == summaries_.end()) return std::nullopt;
  return it->second;
}

void RankingCache::put_summary(int64_t story, int64_t version, const nlohmann::json& summary) {
  constexpr size_t kMaxSummaries = 50000;
  std::lock_guard<std::mutex> lock(mutex_);
  if (version != summaries_version_ || summaries_.size() >= kMaxSummaries) {
    summaries_.clear();
    summaries_version_ = version;
  }
  summaries_[story] = summary;
}

namespace {

Result<std::shared_ptr<const Ranking>> rank_stories(store::Database& db, const StoryFilter& filter) {
  // The stories whose articles pass the filters, with how many do.
  std::string where;
  if (!filter.query.empty())
    where += " AND a.row IN (SELECT rowid FROM article_search WHERE article_search MATCH ?1 ORDER BY rank LIMIT " +
             std::to_string(kMaxSearchHits) + ")";
  if (filter.from) where += " AND substr(a.published, 1, 10) >= ?2";
  if (filter.to) where += " AND substr(a.published, 1, 10) <= ?3";
  if (filter.outlet) where += " AND (a.source = ?4 COLLATE NOCASE OR a.source_domain = ?4 COLLATE NOCASE)";
  if (filter.entity) where += " AND a.row IN (SELECT article_row FROM entity_mentions WHERE entity_id = ?5)";
  if (filter.event_type)
    where += " AND a.row IN (SELECT em.article_row FROM event_mentions em JOIN events e ON e.id = em.event_id"
             " WHERE e.code LIKE ?6 || '%')";
  bool filtered = !where.empty();
  // Unfiltered, every story qualifies; filtered, the matching articles name
  // their stories first (small with a selective filter), then each story's
  // size and dates come from all its members.
  std::string sql =
      filtered ? "WITH hits AS (SELECT m.story_id AS story, count(*) AS matches FROM articles a"
                 " JOIN story_members m ON m.article_row = a.row WHERE 1" +
                     where +
                     " GROUP BY m.story_id)"
                     " SELECT h.story, count(*), count(DISTINCT coalesce(a.source, a.source_domain)),"
                     " max(coalesce(substr(a.published, 1, 10), '')), max(a.row), h.matches"
                     " FROM hits h JOIN story_members m ON m.story_id = h.story JOIN articles a ON a.row = m.article_row"
                     " GROUP BY h.story"
               : "SELECT m.story_id, count(*), count(DISTINCT coalesce(a.source, a.source_domain)),"
                 " max(coalesce(substr(a.published, 1, 10), '')), max(a.row), 0"
                 " FROM story_members m JOIN articles a ON a.row = m.article_row GROUP BY m.story_id";
  auto query = db.prepare(sql);
  if (!query) return query.status();
  if (!filter.query.empty()) query->bind(1, filter.query);
  if (filter.from) query->bind(2, *filter.from);
  if (filter.to) query->bind(3, *filter.to);
  if (filter.outlet) query->bind(4, *filter.outlet);
  if (filter.entity) query->bind(5, *filter.entity);
  if (filter.event_type) query->bind(6, *filter.event_type);
  std::vector<Ranked> stories;
  std::string newest_day;
  while (query->step()) {
    Ranked r;
    r.story = query->column_int(0);
    r.size = query->column_int(1);
    r.outlets = query->column_int(2);
    r.last_day = query->column_text(3);
    r.newest_row = query->column_int(4);
    r.matches = query->column_int(5);
    newest_day = std::max(newest_day, r.last_day);
    stories.push_back(std::move(r));
  }
  if (!query->status().is_ok()) return query->status();

  // Recency is measured from the newest article in the whole store, so a
  // story's score does not depend on the filter that found it.
  auto newest = db.prepare("SELECT max(published) FROM articles");  // the index answers at once
  if (!newest) return newest.status();
  if (newest->step() && !newest->column_is_null(0))
    newest_day = std::max(newest_day, newest->column_text(0).substr(0, 10));
  int64_t today = stories::day_number(newest_day);
  for (Ranked& r : stories) {
    int64_t day = stories::day_number(r.last_day);
    double recency = day < 0 || today < 0 ? 0 : std::pow(0.5, double(std::max<int64_t>(0, today - day)) / kHalfLifeDays);
    r.score = recency * coverage(r);
  }
  std::sort(stories.begin(), stories.end(), [](const Ranked& a, const Ranked& b) {
    if (a.score != b.score) return a.score > b.score;
    double ca = coverage(a), cb = coverage(b);
    if (ca != cb) return ca > cb;
    return a.newest_row > b.newest_row;
  });

  return std::shared_ptr<const Ranking>(std::make_shared<Ranking>(std::move(stories)));
}

}  // namespace

Result<nlohmann::json> list_stories(store::Database& db, const StoryFilter& filter, RankingCache* cache) {
  auto version = store_version(db);
  if (!version) return version.status();
  std::shared_ptr<const Ranking> ranking = cache ? cache->find(filter.key(), *version) : nullptr;
  if (!ranking) {
    auto ranked = rank_stories(db, filter);
    if (!ranked) return ranked.status();
    ranking = std::move(*ranked);
    if (cache) cache->put(filter.key(), *version, ranking);
  }
  const Ranking& stories = *ranking;
  nlohmann::json page = nlohmann::json::array();
  for (size_t i = filter.offset; i < stories.size() && i < filter.offset + filter.limit; ++i) {
    std::optional<nlohmann::json> cached = cache ? cache->summary(stories[i].story, *version) : std::nullopt;
    if (!cached) {
      auto story = stories::story_json(db, stories[i].story);
      if (!story) return story.status();
      if (story->empty()) continue;
      cached = nlohmann::json{{"id", (*story)["id"]},       {"label", (*story)["label"]},
                              {"size", (*story)["size"]},   {"outlets", (*story)["outlets"]},
                              {"first", (*story)["first"]}, {"last", (*story)["last"]}};
      if (cache) cache->put_summary(stories[i].story, *version, *cached);
    }
    nlohmann::json summary = std::move(*cached);
    summary["score"] = std::round(stories[i].score * 1000) / 1000;
    if (!filter.query.empty()) summary["matches"] = stories[i].matches;
    page.push_back(std::move(summary));
  }
  return nlohmann::json{{"stories", std::move(page)},
                        {"total", stories.size()},
                        {"limit", filter.limit},
                        {"offset", filter.offset}};
}

}  // namespace storyline::serve
