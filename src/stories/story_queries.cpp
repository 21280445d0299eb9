#include "stories/story_queries.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "core/text_util.h"
#include "store/article_store.h"
#include "stories/text_features.h"

namespace storyline::stories {

namespace {

constexpr size_t kLabelCandidates = 40;

double plain_cosine(const std::vector<TermCount>& a, const std::vector<TermCount>& b) {
  double dot = 0, na = 0, nb = 0;
  for (const auto& t : a) na += double(t.count) * t.count;
  for (const auto& t : b) nb += double(t.count) * t.count;
  size_t i = 0, j = 0;
  while (i < a.size() && j < b.size()) {
    if (a[i].term < b[j].term) ++i;
    else if (a[i].term > b[j].term) ++j;
    else dot += double(a[i++].count) * b[j++].count;
  }
  return na > 0 && nb > 0 ? dot / std::sqrt(na * nb) : 0;
}

// The label: the headline of the story's most central article (the one most
// like the others), so it names what the story is about, not its first or
// loudest article.
Result<std::string> story_label(store::Database& db, int64_t story) {
  auto query = db.prepare(
      "SELECT a.title, f.features FROM story_members m JOIN articles a ON a.row = m.article_row"
      " JOIN story_features f ON f.article_row = m.article_row WHERE m.story_id = ?1"
      " ORDER BY m.article_row DESC LIMIT ?2");
  if (!query) return query.status();
  query->bind(1, story).bind(2, static_cast<int64_t>(kLabelCandidates));
  std::vector<std::pair<std::string, std::vector<TermCount>>> members;
  while (query->step()) {
    auto features = decode_features(query->column_blob(1));
    if (!features) return features.status();
    members.push_back({query->column_text(0), std::move(features->terms)});
  }
  if (!query->status().is_ok()) return query->status();
  double best = -1;
  std::string label;
  for (size_t i = 0; i < members.size(); ++i) {
    if (members[i].first.empty()) continue;
    double sum = 0;
    for (size_t j = 0; j < members.size(); ++j)
      if (i != j) sum += plain_cosine(members[i].second, members[j].second);
    if (sum > best) best = sum, label = members[i].first;
  }
  return label.empty() ? std::string("(untitled story)") : label;
}

int64_t survivor(store::Database& db, int64_t story) {
  for (int hops = 0; hops < 64; ++hops) {
    auto query = db.prepare("SELECT merged_into FROM stories WHERE id = ?1");
    if (!query) return story;
    query->bind(1, story);
    if (!query->step() || query->column_is_null(0)) return story;
    story = query->column_int(0);
  }
  return story;
}

}  // namespace

std::string story_key(int64_t id) { return "story-" + std::to_string(id); }

int64_t parse_story_key(const std::string& key) {
  std::string digits = key.rfind("story-", 0) == 0 ? key.substr(6) : key;
  if (digits.empty() || digits.size() > 18 || !std::all_of(digits.begin(), digits.end(), ::isdigit)) return 0;
  return std::stoll(digits);
}

Result<nlohmann::json> story_json(store::Database& db, int64_t story_id) {
  int64_t story = survivor(db, story_id);
  auto members = db.prepare(
      "SELECT a.row, a.id, a.title, a.source, a.published, m.score FROM story_members m"
      " JOIN articles a ON a.row = m.article_row WHERE m.story_id = ?1 ORDER BY a.row");
  if (!members) return members.status();
  members->bind(1, story);
  nlohmann::json out = {{"id", story_key(story)}, {"articles", nlohmann::json::array()},
                        {"members", nlohmann::json::array()}, {"relations", nlohmann::json::array()}};
  std::map<int64_t, std::string> id_of_row;
  std::set<std::string> outlets;
  std::string first, last;
  while (members->step()) {
    int64_t row = members->column_int(0);
    std::string id = members->column_text(1), source = members->column_text(3), published = members->column_text(4);
    id_of_row[row] = id;
    out["articles"].push_back(id);
    out["members"].push_back({{"id", id},
                              {"title", members->column_text(2)},
                              {"source", source.empty() ? nlohmann::json(nullptr) : nlohmann::json(source)},
                              {"published", published.empty() ? nlohmann::json(nullptr) : nlohmann::json(published)},
                              {"score", std::round(members->column_double(5) * 1000) / 1000}});
    if (!source.empty()) outlets.insert(source);
    if (!published.empty()) {
      std::string day = published.substr(0, 10);
      if (first.empty() || day < first) first = day;
      if (last.empty() || day > last) last = day;
    }
  }
  if (!members->status().is_ok()) return members->status();
  if (id_of_row.empty()) return nlohmann::json::object();
  auto relations = db.prepare(
      "SELECT r.type, r.from_row, r.to_row, r.score, r.evidence FROM article_relations r"
      " JOIN story_members m ON m.article_row = r.from_row WHERE m.story_id = ?1 ORDER BY r.id");
  if (!relations) return relations.status();
  relations->bind(1, story);
  while (relations->step()) {
    auto from = id_of_row.find(relations->column_int(1)), to = id_of_row.find(relations->column_int(2));
    if (from == id_of_row.end() || to == id_of_row.end()) continue;
    nlohmann::json relation = {{"type", relations->column_text(0)},
                               {"from", from->second},
                               {"to", to->second},
                               {"score", std::round(relations->column_double(3) * 1000) / 1000}};
    auto evidence = nlohmann::json::parse(relations->column_text(4), nullptr, false);
    if (evidence.is_object())
      for (auto& [key, value] : evidence.items()) relation[key] = value;
    out["relations"].push_back(std::move(relation));
  }
  if (!relations->status().is_ok()) return relations->status();
  // A rewrite of an article also re-tells that article's copies; whichever
  // arrived first, show only the rewrite of the original.
  // Originals by copy, so that each rewrite looks up only its target's
  // originals (a 500-article story has thousands of relations).
  std::map<std::string, std::vector<std::string>> originals_of_copy;
  std::set<std::pair<std::string, std::string>> rewrites;
  for (const auto& relation : out["relations"]) {
    const std::string& type = relation["type"].get_ref<const std::string&>();
    if (type == "duplicate")
      originals_of_copy[relation["from"].get<std::string>()].push_back(relation["to"].get<std::string>());
    if (type == "rewrite") rewrites.insert({relation["from"].get<std::string>(), relation["to"].get<std::string>()});
  }
  nlohmann::json kept = nlohmann::json::array();
  for (auto& relation : out["relations"]) {
    bool redundant = false;
    if (relation["type"] == "rewrite") {
      auto originals = originals_of_copy.find(relation["to"].get<std::string>());
      if (originals != originals_of_copy.end())
        for (const std::string& original : originals->second)
          if (rewrites.count({relation["from"].get<std::string>(), original})) redundant = true;
    }
    if (!redundant) kept.push_back(std::move(relation));
  }
  out["relations"] = std::move(kept);
  auto label = story_label(db, story);
  if (!label) return label.status();
  out["label"] = *label;
  out["size"] = id_of_row.size();
  out["outlets"] = outlets;
  out["first"] = first.empty() ? nlohmann::json(nullptr) : nlohmann::json(first);
  out["last"] = last.empty() ? nlohmann::json(nullptr) : nlohmann::json(last);
  return out;
}

Result<nlohmann::json> list_stories(store::Database& db, size_t limit, size_t offset) {
  auto query = db.prepare(
      "SELECT m.story_id, count(*), max(coalesce(substr(a.published, 1, 10), '')) AS last_day, max(a.row)"
      " FROM story_members m JOIN articles a ON a.row = m.article_row GROUP BY m.story_id"
      " ORDER BY last_day DESC, max(a.row) DESC LIMIT ?1 OFFSET ?2");
  if (!query) return query.status();
  query->bind(1, static_cast<int64_t>(limit)).bind(2, static_cast<int64_t>(offset));
  std::vector<int64_t> ids;
  while (query->step()) ids.push_back(query->column_int(0));
  if (!query->status().is_ok()) return query->status();
  nlohmann::json out = nlohmann::json::array();
  for (int64_t id : ids) {
    auto story = story_json(db, id);
    if (!story) return story.status();
    nlohmann::json summary = {{"id", (*story)["id"]},       {"label", (*story)["label"]},
                              {"size", (*story)["size"]},   {"outlets", (*story)["outlets"]},
                              {"first", (*story)["first"]}, {"last", (*story)["last"]}};
    out.push_back(std::move(summary));
  }
  return out;
}

Result<std::vector<int64_t>> stories_of_articles(store::Database& db, const std::vector<int64_t>& rows) {
  auto query = db.prepare("SELECT story_id FROM story_members WHERE article_row = ?1");
  if (!query) return query.status();
  std::vector<int64_t> stories;
  std::set<int64_t> seen;
  for (int64_t row : rows) {
    query->bind(1, row);
    if (query->step()) {
      int64_t story = survivor(db, query->column_int(0));
      if (seen.insert(story).second) stories.push_back(story);
    }
    Status status = query->status();
    query->reset();
    if (!status.is_ok()) return status;
  }
  return stories;
}

Result<std::vector<int64_t>> story_article_rows(store::Database& db, int64_t story_id) {
  auto story = story_json(db, story_id);
  if (!story) return story.status();
  std::vector<int64_t> rows;
  if (story->empty()) return rows;
  auto articles = store::ArticleStore::open(db);
  if (!articles) return articles.status();
  for (const auto& id : (*story)["articles"]) {
    auto row = articles->find(id.get<std::string>());
    if (!row) return row.status();
    if (*row > 0) rows.push_back(*row);
  }
  return rows;
}

}  // namespace storyline::stories
