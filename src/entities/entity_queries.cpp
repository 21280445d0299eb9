#include "entities/entity_queries.h"

#include <algorithm>
#include <map>
#include <unordered_map>

#include "core/text_util.h"

namespace storyline::entities {
namespace {

nlohmann::json null_if_empty(const std::string& value) {
  return value.empty() ? nlohmann::json(nullptr) : nlohmann::json(value);
}

struct ArticleText {
  std::string id;
  std::string text;
};

Result<ArticleText> article_text(store::Database& db, int64_t row) {
  auto query = db.prepare("SELECT id, text FROM articles WHERE row = ?");
  if (!query) return query.status();
  query->bind(1, row);
  if (!query->step()) {
    if (!query->status().is_ok()) return query->status();
    return Status::not_found("article row " + std::to_string(row));
  }
  return ArticleText{query->column_text(0), query->column_text(1)};
}

// The entity's row as JSON, without mentions.
Result<nlohmann::json> entity_header(store::Database& db, int64_t id) {
  auto query = db.prepare("SELECT type, name, role, country, actor_code, latitude, longitude FROM entities WHERE id = ?");
  if (!query) return query.status();
  query->bind(1, id);
  if (!query->step()) {
    if (!query->status().is_ok()) return query->status();
    return nlohmann::json::object();
  }
  nlohmann::json entity = {
      {"id", entity_key(id)},
      {"type", query->column_text(0)},
      {"name", query->column_text(1)},
      {"role", null_if_empty(query->column_text(2))},
      {"country", null_if_empty(query->column_text(3))},
      {"actor_code", null_if_empty(query->column_text(4))},
      {"coordinates", nullptr},
  };
  if (!query->column_is_null(5)) {
    entity["coordinates"] = {{"lat", query->column_double(5)}, {"lon", query->column_double(6)}};
  }
  auto aliases = db.prepare("SELECT alias FROM entity_aliases WHERE entity_id = ? ORDER BY mentions DESC, alias");
  if (!aliases) return aliases.status();
  aliases->bind(1, id);
  entity["aliases"] = nlohmann::json::array();
  while (aliases->step()) entity["aliases"].push_back(aliases->column_text(0));
  if (!aliases->status().is_ok()) return aliases->status();
  return entity;
}

// Mentions of `rows` grouped by entity, in order of first mention.
Result<nlohmann::json> mentions_by_entity(store::Database& db, const std::vector<int64_t>& rows, int64_t only_entity) {
  auto query = only_entity != 0
                   ? db.prepare("SELECT article_row, entity_id, begin, end, kind FROM entity_mentions WHERE entity_id = ?"
                                " ORDER BY article_row, begin")
                   : db.prepare("SELECT article_row, entity_id, begin, end, kind FROM entity_mentions WHERE article_row = ?"
                                " ORDER BY begin");
  if (!query) return query.status();
  std::vector<int64_t> order;
  std::unordered_map<int64_t, nlohmann::json> mentions;
  std::map<int64_t, std::pair<ArticleText, std::unique_ptr<core::CodePointIndex>>> texts;
  auto collect = [&]() -> Status {
    while (query->step()) {
      int64_t row = query->column_int(0), entity = query->column_int(1);
      auto found = texts.find(row);
      if (found == texts.end()) {
        auto text = article_text(db, row);
        if (!text) return text.status();
        auto index = std::make_unique<core::CodePointIndex>(text->text);
        found = texts.emplace(row, std::make_pair(std::move(*text), std::move(index))).first;
      }
      const auto& index = *found->second.second;
      auto [it, inserted] = mentions.emplace(entity, nlohmann::json::array());
      if (inserted) order.push_back(entity);
      it->second.push_back({{"article", found->second.first.id},
                            {"span", {index.at(static_cast<uint32_t>(query->column_int(2))),
                                      index.at(static_cast<uint32_t>(query->column_int(3)))}},
                            {"kind", query->column_text(4)}});
    }
    return query->status();
  };
  if (only_entity != 0) {
    query->bind(1, only_entity);
    if (auto status = collect(); !status.is_ok()) return status;
  } else {
    for (int64_t row : rows) {
      query->reset();
      query->bind(1, row);
      if (auto status = collect(); !status.is_ok()) return status;
    }
  }
  nlohmann::json result = nlohmann::json::array();
  for (int64_t entity : order) result.push_back({{"entity", entity}, {"mentions", std::move(mentions[entity])}});
  return result;
}

}  // namespace

std::string entity_key(int64_t id) { return "entity-" + std::to_string(id); }

int64_t parse_entity_key(const std::string& key) {
  std::string digits = key.rfind("entity-", 0) == 0 ? key.substr(7) : key;
  if (digits.empty() || digits.size() > 18 || !std::all_of(digits.begin(), digits.end(), ::isdigit)) return 0;
  return std::stoll(digits);
}

Result<nlohmann::json> entities_of_articles(store::Database& db, const std::vector<int64_t>& rows) {
  auto grouped = mentions_by_entity(db, rows, 0);
  if (!grouped) return grouped.status();
  std::stable_sort(grouped->begin(), grouped->end(), [](const nlohmann::json& a, const nlohmann::json& b) {
    return a["mentions"].size() > b["mentions"].size();
  });
  nlohmann::json result = nlohmann::json::array();
  for (auto& group : *grouped) {
    auto entity = entity_header(db, group["entity"].get<int64_t>());
    if (!entity) return entity.status();
    if (entity->empty()) continue;
    (*entity)["mentions"] = std::move(group["mentions"]);
    result.push_back(std::move(*entity));
  }
  return result;
}

Result<nlohmann::json> list_entities(store::Database& db, size_t limit, size_t offset) {
  auto query = db.prepare(
      "SELECT entity_id, COUNT(*) AS mentions, COUNT(DISTINCT article_row) FROM entity_mentions"
      " GROUP BY entity_id ORDER BY mentions DESC, entity_id LIMIT ? OFFSET ?");
  if (!query) return query.status();
  query->bind(1, static_cast<int64_t>(limit)).bind(2, static_cast<int64_t>(offset));
  std::vector<std::array<int64_t, 3>> rows;
  while (query->step()) rows.push_back({query->column_int(0), query->column_int(1), query->column_int(2)});
  if (!query->status().is_ok()) return query->status();
  nlohmann::json result = nlohmann::json::array();
  for (const auto& row : rows) {
    auto entity = entity_header(db, row[0]);
    if (!entity) return entity.status();
    (*entity)["mention_count"] = row[1];
    (*entity)["article_count"] = row[2];
    result.push_back(std::move(*entity));
  }
  return result;
}

Result<nlohmann::json> entity_json(store::Database& db, int64_t id) {
  auto entity = entity_header(db, id);
  if (!entity || entity->empty()) return entity;
  auto grouped = mentions_by_entity(db, {}, id);
  if (!grouped) return grouped.status();
  (*entity)["mentions"] = grouped->empty() ? nlohmann::json::array() : std::move((*grouped)[0]["mentions"]);
  return entity;
}

}  // namespace storyline::entities
