#include "events/event_queries.h"

#include <unordered_map>
#include <algorithm>
#include <map>
#include <numeric>
#include <set>

#include "core/json_fields.h"
#include "core/text_util.h"

namespace storyline::events {

namespace {
nlohmann::json null_if_empty(const std::string& value) {
  return value.empty() ? nlohmann::json(nullptr) : nlohmann::json(value);
}

// The most frequent non-empty value, ties to the first seen.
std::string most_common(const std::vector<std::string>& values) {
  std::map<std::string, int> counts;
  std::string best;
  int best_count = 0;
  for (const auto& v : values) {
    if (v.empty()) continue;
    int c = ++counts[v];
    if (c > best_count) best = v, best_count = c;
  }
  return best;
}

int find_root(std::vector<int>& parent, int i) {
  while (parent[i] != i) i = parent[i] = parent[parent[i]];
  return i;
}

// Distinct outlets among the articles, where a copy or rewrite of another
// article (stories stage: article_relations) counts with its original.
Result<int> count_sources(store::Database& db, const std::vector<StoredMention>& mentions) {
  std::vector<int64_t> rows;
  std::vector<std::string> outlets;
  for (const auto& m : mentions)
    if (std::find(rows.begin(), rows.end(), m.article_row) == rows.end()) {
      rows.push_back(m.article_row);
      outlets.push_back(core::ascii_lower(m.outlet.empty() ? m.url : m.outlet));
    }
  std::vector<int> parent(rows.size());
  std::iota(parent.begin(), parent.end(), 0);
  for (size_t i = 0; i < rows.size(); ++i)
    for (size_t j = i + 1; j < rows.size(); ++j)
      if (!outlets[i].empty() && outlets[i] == outlets[j]) parent[find_root(parent, j)] = find_root(parent, i);
  // Each direction on its own, so that SQLite seeks on from_row (its index)
  // instead of scanning every copy and rewrite of the store per pair (with
  // the OR it used the unique index on type alone: 87 s for one
  // 500-article story).
  auto related = db.prepare(
      "SELECT 1 FROM article_relations WHERE from_row = ?1 AND to_row = ?2 AND type IN ('duplicate', 'rewrite')"
      " UNION ALL SELECT 1 FROM article_relations WHERE from_row = ?2 AND to_row = ?1"
      " AND type IN ('duplicate', 'rewrite') LIMIT 1");
  if (!related) return related.status();
  for (size_t i = 0; i < rows.size(); ++i)
    for (size_t j = i + 1; j < rows.size(); ++j) {
      related->bind(1, rows[i]).bind(2, rows[j]);
      bool joined = related->step();
      if (!related->status().is_ok()) return related->status();
      related->reset();
      if (joined) parent[find_root(parent, j)] = find_root(parent, i);
    }
  std::set<int> roots;
  for (size_t i = 0; i < rows.size(); ++i) roots.insert(find_root(parent, i));
  return static_cast<int>(roots.size());
}

void summarise(StoredEvent& event) {
  std::vector<std::string> modalities, locations, text_dates;
  std::set<int64_t> articles;
  for (const auto& m : event.mentions) {
    modalities.push_back(m.modality);
    if (!m.location.empty()) locations.push_back(m.location);
    if (m.date_from_text) text_dates.push_back(m.date + "|" + m.date_granularity);
    articles.insert(m.article_row);
    if (event.denied_by.empty()) event.denied_by = m.denied_by;
    // A mention with a resolved entity names the actor best.
    if (event.source_entity == 0 && m.source_entity != 0 && m.source_code == event.source_code)
      event.source_name = m.source_name, event.source_entity = m.source_entity;
    if (event.target_entity == 0 && m.target_entity != 0 && m.target_code == event.target_code)
      event.target_name = m.target_name, event.target_entity = m.target_entity;
  }
  // Once someone denies it, what others only reported is an allegation:
  // "X sent drones, according to officials" + "X denied sending drones".
  if (!event.denied_by.empty())
    for (auto& m : modalities)
      if (m == "reported") m = "alleged";
  event.modality = most_common(modalities);
  // A disputed act — someone attributes it, someone denies it — is alleged
  // at the event level, whatever some outlets assert; each mention keeps
  // its own framing.
  if (!event.denied_by.empty() && std::find(modalities.begin(), modalities.end(), "alleged") != modalities.end())
    event.modality = "alleged";
  std::vector<std::string> attributions;
  for (const auto& m : event.mentions)
    if (m.modality == event.modality || (event.modality == "alleged" && m.modality == "reported"))
      attributions.push_back(m.attributed_to);
  event.attributed_to = most_common(attributions);
  event.location = most_common(locations);
  for (const auto& m : event.mentions)
    if (m.location == event.location) event.location_country = m.location_country;
  std::string dated = most_common(text_dates);
  event.date_from_text = !dated.empty();
  if (!dated.empty()) {
    event.date = dated.substr(0, dated.find('|'));
    event.date_granularity = dated.substr(dated.find('|') + 1);
  } else {
    for (const auto& m : event.mentions)
      if (!m.date.empty() && (event.date.empty() || m.date < event.date))
        event.date = m.date, event.date_granularity = m.date_granularity;
  }
  event.num_articles = static_cast<int>(articles.size());
}

nlohmann::json actor_json(const std::string& name, const std::string& code, int64_t entity) {
  if (name.empty() && code.empty()) return nullptr;
  return {{"entity", entity != 0 ? nlohmann::json("entity-" + std::to_string(entity)) : nlohmann::json(nullptr)},
          {"name", null_if_empty(name)},
          {"actor_code", null_if_empty(code)}};
}
}  // namespace

std::string event_key(int64_t id) { return "event-" + std::to_string(id); }

Result<std::vector<StoredEvent>> load_events(store::Database& db, const std::vector<int64_t>& rows) {
  std::set<int64_t> ids;
  if (rows.empty()) {
    auto all = db.prepare("SELECT id FROM events");
    if (!all) return all.status();
    while (all->step()) ids.insert(all->column_int(0));
    if (!all->status().is_ok()) return all->status();
  } else {
    auto of_row = db.prepare("SELECT DISTINCT event_id FROM event_mentions WHERE article_row = ?1");
    if (!of_row) return of_row.status();
    for (int64_t row : rows) {
      of_row->bind(1, row);
      while (of_row->step()) ids.insert(of_row->column_int(0));
      if (!of_row->status().is_ok()) return of_row->status();
      of_row->reset();
    }
  }
  auto event_row = db.prepare(
      "SELECT code, source_name, source_code, source_entity, target_name, target_code, target_entity FROM events"
      " WHERE id = ?1");
  auto mention_rows = db.prepare(
      "SELECT m.article_row, a.id, coalesce(a.source, a.source_domain, ''), coalesce(a.url, a.origin),"
      " coalesce(a.published, ''), 0, m.sentence_index, m.modality, coalesce(m.attributed_to, ''),"
      " coalesce(m.denied_by, ''), coalesce(m.source_name, ''), coalesce(m.source_code, ''), m.source_entity,"
      " coalesce(m.target_name, ''), coalesce(m.target_code, ''), m.target_entity, m.sentence_begin, m.sentence_end,"
      " m.trigger_begin, m.trigger_end, coalesce(m.source_offset, -1), coalesce(m.target_offset, -1),"
      " coalesce(m.date, ''), coalesce(m.date_granularity, ''), m.date_from_text, coalesce(m.location, ''),"
      " coalesce(m.location_country, '')"
      " FROM event_mentions m JOIN articles a ON a.row = m.article_row WHERE m.event_id = ?1"
      " ORDER BY m.article_row, m.id");
  // An article's length (in characters: SQLite reads the whole text to
  // count them) once per article, not once per event mention: an article
  // with thousands of events would be read thousands of times.
  auto length_query = db.prepare("SELECT length(text) FROM articles WHERE row = ?1");
  if (!event_row) return event_row.status();
  if (!mention_rows) return mention_rows.status();
  if (!length_query) return length_query.status();
  std::unordered_map<int64_t, int64_t> article_lengths;
  auto article_length = [&](int64_t row) -> int64_t {
    auto [it, inserted] = article_lengths.emplace(row, 0);
    if (inserted) {
      length_query->bind(1, row);
      if (length_query->step()) it->second = length_query->column_int(0);
      length_query->reset();
    }
    return it->second;
  };
  std::vector<StoredEvent> events;
  for (int64_t id : ids) {
    StoredEvent event;
    event.id = id;
    event_row->bind(1, id);
    if (!event_row->step()) {
      if (!event_row->status().is_ok()) return event_row->status();
      event_row->reset();
      continue;
    }
    event.code = event_row->column_text(0);
    event.source_name = event_row->column_text(1);
    event.source_code = event_row->column_text(2);
    event.source_entity = event_row->column_int(3);
    event.target_name = event_row->column_text(4);
    event.target_code = event_row->column_text(5);
    event.target_entity = event_row->column_int(6);
    event_row->reset();
    mention_rows->bind(1, id);
    while (mention_rows->step()) {
      const auto& q = *mention_rows;
      StoredMention m;
      m.article_row = q.column_int(0);
      m.article_id = q.column_text(1);
      m.outlet = q.column_text(2);
      m.url = q.column_text(3);
      m.published = q.column_text(4);
      m.article_length = article_length(m.article_row);
      m.sentence_index = q.column_int(6);
      m.modality = q.column_text(7);
      m.attributed_to = q.column_text(8);
      m.denied_by = q.column_text(9);
      m.source_name = q.column_text(10);
      m.source_code = q.column_text(11);
      m.source_entity = q.column_int(12);
      m.target_name = q.column_text(13);
      m.target_code = q.column_text(14);
      m.target_entity = q.column_int(15);
      m.sentence_begin = q.column_int(16);
      m.sentence_end = q.column_int(17);
      m.trigger_begin = q.column_int(18);
      m.trigger_end = q.column_int(19);
      m.source_offset = q.column_int(20);
      m.target_offset = q.column_int(21);
      m.date = q.column_text(22);
      m.date_granularity = q.column_text(23);
      m.date_from_text = q.column_int(24) != 0;
      m.location = q.column_text(25);
      m.location_country = q.column_text(26);
      event.mentions.push_back(std::move(m));
    }
    if (!mention_rows->status().is_ok()) return mention_rows->status();
    mention_rows->reset();
    summarise(event);
    auto sources = count_sources(db, event.mentions);
    if (!sources) return sources.status();
    event.num_sources = *sources;
    events.push_back(std::move(event));
  }
  return events;
}

nlohmann::json event_json(const StoredEvent& event, const EventTypes& types) {
  const EventType* type = types.find(event.code);
  nlohmann::json mentions = nlohmann::json::array();
  for (const auto& m : event.mentions)
    mentions.push_back({{"article", m.article_id},
                        {"span", {m.sentence_begin, m.sentence_end}},
                        {"trigger", {m.trigger_begin, m.trigger_end}},
                        {"modality", m.modality},
                        {"attributed_to", null_if_empty(m.attributed_to)},
                        {"denied_by", null_if_empty(m.denied_by)}});
  return {{"id", event_key(event.id)},
          {"code", event.code},
          {"label", type ? nlohmann::json(type->label) : nlohmann::json(nullptr)},
          {"root_code", type ? nlohmann::json(type->root_code) : nlohmann::json(event.code.substr(0, 2))},
          {"quad_class", type ? nlohmann::json(type->quad_class) : nlohmann::json(nullptr)},
          {"goldstein", type ? nlohmann::json(type->goldstein) : nlohmann::json(nullptr)},
          {"plover", type ? null_if_empty(type->plover) : nlohmann::json(nullptr)},
          {"source", actor_json(event.source_name, event.source_code, event.source_entity)},
          {"target", actor_json(event.target_name, event.target_code, event.target_entity)},
          {"date", null_if_empty(event.date)},
          {"date_granularity", null_if_empty(event.date_granularity)},
          {"date_from", event.date.empty() ? nlohmann::json(nullptr) : nlohmann::json(event.date_from_text ? "text" : "publication")},
          {"location", null_if_empty(event.location)},
          {"modality", event.modality},
          {"attributed_to", null_if_empty(event.attributed_to)},
          {"denied_by", null_if_empty(event.denied_by)},
          {"mentions", mentions},
          {"num_articles", event.num_articles},
          {"num_sources", event.num_sources}};
}

void add_timelines(const std::vector<StoredEvent>& events, const EventTypes& types, nlohmann::json& report) {
  if (!report.contains("stories")) return;
  for (auto& story : report["stories"]) {
    std::set<std::string> members;
    for (const auto& id : core::array_field(story, "articles"))
      if (id.is_string()) members.insert(id.get<std::string>());
    std::vector<const StoredEvent*> in_story;
    for (const auto& event : events)
      for (const auto& m : event.mentions)
        if (members.count(m.article_id)) {
          in_story.push_back(&event);
          break;
        }
    // By date, undated last; a coarser date sorts before the days it holds
    // ("2026-03" before "2026-03-03"), as its start does.
    std::stable_sort(in_story.begin(), in_story.end(), [](const StoredEvent* a, const StoredEvent* b) {
      if (a->date.empty() != b->date.empty()) return !a->date.empty();
      return a->date < b->date;
    });
    std::string first = core::text_field(story, "first");
    nlohmann::json timeline = nlohmann::json::array();
    for (const StoredEvent* event : in_story) {
      const EventType* type = types.find(event->code);
      timeline.push_back({{"event", event_key(event->id)},
                          {"date", null_if_empty(event->date)},
                          {"date_granularity", null_if_empty(event->date_granularity)},
                          {"code", event->code},
                          {"label", type ? nlohmann::json(type->label) : nlohmann::json(nullptr)},
                          {"source", null_if_empty(event->source_name)},
                          {"target", null_if_empty(event->target_name)},
                          {"modality", event->modality},
                          {"background", !event->date.empty() && !first.empty() && event->date < first}});
    }
    story["timeline"] = std::move(timeline);
  }
}

}  // namespace storyline::events
