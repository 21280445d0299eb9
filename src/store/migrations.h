// Versioned schema. Each component of the engine (articles, stories,
// entities, ...) owns its tables and lists its migrations in its own file;
// the store records one version per component in `schema_versions` and
// applies, in one transaction, every migration newer than that version.
// Migrations are append-only: a released step is never edited, a change is a
// new step.
#pragma once

#include <string>
#include <vector>

#include "store/database.h"

namespace storyline::store {

struct Migration {
  std::string component;  // "articles", "stories", ...
  int version;            // 1, 2, ... in order within the component
  std::string sql;
};

// Applies every pending migration of `migrations` (any order of components;
// versions within one component must be consecutive from 1).
Status apply_migrations(Database& db, const std::vector<Migration>& migrations);

// The version recorded for `component`, 0 when it has none.
Result<int> schema_version(Database& db, const std::string& component);

}  // namespace storyline::store
