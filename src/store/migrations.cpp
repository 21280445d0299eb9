#include "store/migrations.h"

#include <algorithm>
#include <map>

namespace storyline::store {

namespace {
constexpr const char* kVersionsTable =
    "CREATE TABLE IF NOT EXISTS schema_versions ("
    " component TEXT PRIMARY KEY, version INTEGER NOT NULL)";
}

Result<int> schema_version(Database& db, const std::string& component) {
  if (Status status = db.execute(kVersionsTable); !status.is_ok()) return status;
  auto query = db.prepare("SELECT version FROM schema_versions WHERE component = ?1");
  if (!query) return query.status();
  query->bind(1, component);
  int version = query->step() ? static_cast<int>(query->column_int(0)) : 0;
  if (!query->status().is_ok()) return query->status();
  return version;
}

Status apply_migrations(Database& db, const std::vector<Migration>& migrations) {
  std::map<std::string, std::vector<const Migration*>> by_component;
  for (const Migration& migration : migrations) by_component[migration.component].push_back(&migration);

  Transaction transaction(db);
  if (!transaction.begin_status().is_ok()) return transaction.begin_status();
  if (Status status = db.execute(kVersionsTable); !status.is_ok()) return status;

  for (auto& [component, steps] : by_component) {
    std::sort(steps.begin(), steps.end(), [](auto* a, auto* b) { return a->version < b->version; });
    auto current = schema_version(db, component);
    if (!current) return current.status();
    int known = steps.empty() ? 0 : steps.back()->version;
    if (*current > known)
      return Status::corrupt("store: component '" + component + "' is at schema version " +
                             std::to_string(*current) + ", newer than this build knows (" +
                             std::to_string(known) + "); use a newer storyline");
    for (const Migration* step : steps) {
      if (step->version <= *current) continue;
      if (Status status = db.execute(step->sql); !status.is_ok()) return status;
      auto record = db.prepare(
          "INSERT INTO schema_versions(component, version) VALUES (?1, ?2)"
          " ON CONFLICT(component) DO UPDATE SET version = excluded.version");
      if (!record) return record.status();
      if (Status status = record->bind(1, component).bind(2, step->version).run(); !status.is_ok()) return status;
    }
  }
  return transaction.commit();
}

}  // namespace storyline::store
