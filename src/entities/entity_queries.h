// Reading entities back: the report's "entities" section, `storyline
// entities [--story ID]`, and one entity with its mentions (the API).
#pragma once

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

#include "store/database.h"

namespace storyline::entities {

// Entity ids in JSON are "entity-N".
std::string entity_key(int64_t id);
// "entity-12" or "12" → 12; 0 when it is neither.
int64_t parse_entity_key(const std::string& key);

// The entities mentioned in the given articles, most mentioned first: id,
// type, name, aliases, actor_code, role, country, coordinates (places), and
// mentions (article id, span in code points) within those articles.
Result<nlohmann::json> entities_of_articles(store::Database& db, const std::vector<int64_t>& rows);

// Every entity in the store, most mentioned first (no mention lists): id,
// type, name, aliases, actor_code, role, country, articles.
Result<nlohmann::json> list_entities(store::Database& db, size_t limit, size_t offset = 0);

// One entity with all its mentions; an empty object when not found.
Result<nlohmann::json> entity_json(store::Database& db, int64_t id);

}  // namespace storyline::entities
