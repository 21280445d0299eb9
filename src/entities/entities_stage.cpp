#include "entities/entities_stage.h"

#include <fstream>
#include <map>

#include "entities/entity_queries.h"
#include "entities/name_folding.h"

namespace storyline::entities {

std::string_view entity_type_name(EntityType type) {
  switch (type) {
    case EntityType::kPerson: return "PERSON";
    case EntityType::kOrganization: return "ORGANIZATION";
    case EntityType::kPlace: return "PLACE";
    case EntityType::kNorp: return "NORP";
  }
  return "PERSON";
}

namespace {
EntityType type_from_name(const std::string& name) {
  if (name == "ORGANIZATION") return EntityType::kOrganization;
  if (name == "PLACE") return EntityType::kPlace;
  if (name == "NORP") return EntityType::kNorp;
  return EntityType::kPerson;
}
}  // namespace

Result<std::unique_ptr<EntitiesStage>> EntitiesStage::create(const std::string& data_dir,
                                                             const std::vector<std::string>& dictionaries) {
  auto kb = KnowledgeBase::load(data_dir);
  if (!kb) return kb.status();
  return create(std::move(*kb), dictionaries);
}

Result<std::unique_ptr<EntitiesStage>> EntitiesStage::create(std::shared_ptr<KnowledgeBase> kb,
                                                             const std::vector<std::string>& dictionaries) {
  if (!kb) return Status::invalid_input("entities: no knowledge base given");
  std::shared_ptr<events::ActorDictionary> actors;
  for (const std::string& path : dictionaries) {
    // CountryInfo files are recognised by their tags; anything else must be
    // a PETRARCH actor dictionary.
    std::ifstream file(path);
    std::string head(4096, '\0');
    file.read(head.data(), static_cast<std::streamsize>(head.size()));
    head.resize(static_cast<size_t>(file.gcount()));
    if (head.find("<CountryCode>") != std::string::npos || head.find("<Country>") != std::string::npos) {
      if (Status status = kb->add_country_info(path); !status.is_ok()) return status;
      continue;
    }
    if (!actors) actors = std::make_shared<events::ActorDictionary>();
    std::vector<std::string> warnings;
    if (Status status = actors->add_file(path, &warnings); !status.is_ok()) return status;
  }
  auto stage = std::unique_ptr<EntitiesStage>(new EntitiesStage(kb));
  stage->actors_ = std::move(actors);
  return stage;
}

std::string EntitiesStage::dictionary_code(const std::string& name, const std::string& published) const {
  if (!actors_) return "";
  // PETRARCH phrases are upper-case words separated by single spaces.
  std::string phrase;
  for (const auto& word : name_words(name)) {
    if (!phrase.empty()) phrase += ' ';
    for (char c : word) phrase.push_back(c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c);
  }
  int32_t date = 0;
  for (char c : published.substr(0, 10)) {
    if (c >= '0' && c <= '9') date = date * 10 + (c - '0');
  }
  if (published.size() < 10) date = 20991231;  // undated: the newest codes
  return actors_->code_of(phrase, date);
}

std::vector<store::Migration> EntitiesStage::migrations() const {
  return {{"entities", 1,
           "CREATE TABLE entities (id INTEGER PRIMARY KEY, type TEXT NOT NULL, name TEXT NOT NULL,"
           " role TEXT, country TEXT, actor_code TEXT, latitude REAL, longitude REAL);"
           "CREATE TABLE entity_aliases (entity_id INTEGER NOT NULL, alias TEXT NOT NULL,"
           " mentions INTEGER NOT NULL, PRIMARY KEY (entity_id, alias)) WITHOUT ROWID;"
           "CREATE TABLE entity_mentions (article_row INTEGER NOT NULL REFERENCES articles(row),"
           " entity_id INTEGER NOT NULL, local_entity INTEGER NOT NULL, begin INTEGER NOT NULL, end INTEGER NOT NULL);"
           "CREATE INDEX entity_mentions_article ON entity_mentions(article_row);"
           "CREATE INDEX entity_mentions_entity ON entity_mentions(entity_id);"},
          // Titles standing for a person ("the Kremlin spokesman") are
          // mentions of kind 'title'; names are 'name'.
          {"entities", 2, "ALTER TABLE entity_mentions ADD COLUMN kind TEXT NOT NULL DEFAULT 'name';"}};
}

Status EntitiesStage::open(store::Database& db) { return reload(db); }

Status EntitiesStage::reload(store::Database& db) {
  resolver_.clear();
  newest_id_ = 0;
  auto query = db.prepare("SELECT id, type, name, role, country, actor_code, latitude, longitude FROM entities ORDER BY id");
  if (!query) return query.status();
  while (query->step()) {
    StoredEntity entity;
    entity.id = query->column_int(0);
    entity.type = type_from_name(query->column_text(1));
    entity.name = query->column_text(2);
    entity.role = query->column_text(3);
    entity.country = query->column_text(4);
    entity.actor_code = query->column_text(5);
    if (!query->column_is_null(6)) entity.latitude = query->column_double(6);
    if (!query->column_is_null(7)) entity.longitude = query->column_double(7);
    resolver_.add(entity);
    newest_id_ = entity.id;
  }
  return query->status();
}

Status EntitiesStage::rollback(store::Database& db) { return reload(db); }

void EntitiesStage::analyze(Article& article) {
  bool full = coverage(article.language) == pipeline::Coverage::kFull;
  auto linked = link_mentions(finder_.find(article, !full), *kb_, article.published);
  if (actors_) {
    // The user's dictionary knows codes with their dates ("VLADIMIR_PUTIN":
    // RUSGOV from 2012): they win over the codes read from titles.
    std::vector<std::string> codes(linked.entities.size());
    for (size_t e = 0; e < linked.entities.size(); ++e) {
      if (linked.entities[e].type == EntityType::kPerson || linked.entities[e].type == EntityType::kOrganization) {
        codes[e] = dictionary_code(linked.entities[e].name, article.published);
      }
    }
    for (EntityMention& mention : linked.mentions) {
      if (!codes[mention.local_entity].empty()) mention.actor_code = codes[mention.local_entity];
    }
  }
  article.mentions = std::move(linked.mentions);
}

Result<int64_t> EntitiesStage::store_entity(store::Database& db, const LocalEntity& local) {
  if (const StoredEntity* known = resolver_.match(local)) {
    // Fill what the stored entity lacks; keep its name unless this one is
    // fuller (more words), as "Dmitry S. Peskov" is fuller than "Dmitry Peskov".
    StoredEntity updated = *known;
    bool changed = false;
    auto fill = [&](std::string& field, const std::string& value) {
      if (field.empty() && !value.empty()) field = value, changed = true;
    };
    fill(updated.role, local.role);
    if (local.role.size() > updated.role.size() && local.role.find(updated.role) != std::string::npos) {
      updated.role = local.role, changed = true;  // "regional president" refines "president"
    }
    fill(updated.country, local.country);
    fill(updated.actor_code, local.actor_code);
    if (changed) {
      auto update = db.prepare("UPDATE entities SET role = ?, country = ?, actor_code = ? WHERE id = ?");
      if (!update) return update.status();
      update->bind_optional(1, updated.role).bind_optional(2, updated.country).bind_optional(3, updated.actor_code);
      update->bind(4, updated.id);
      if (auto status = update->run(); !status.is_ok()) return status;
      resolver_.add(updated);
    }
    return known->id;
  }
  StoredEntity entity;
  entity.type = local.type;
  entity.name = local.name;
  entity.role = local.role;
  entity.country = local.country;
  entity.actor_code = local.actor_code;
  if (local.kb) entity.latitude = local.kb->latitude, entity.longitude = local.kb->longitude;
  auto insert = db.prepare(
      "INSERT INTO entities (type, name, role, country, actor_code, latitude, longitude) VALUES (?, ?, ?, ?, ?, ?, ?)");
  if (!insert) return insert.status();
  insert->bind(1, std::string(entity_type_name(entity.type))).bind(2, entity.name);
  insert->bind_optional(3, entity.role).bind_optional(4, entity.country).bind_optional(5, entity.actor_code);
  if (std::isnan(entity.latitude)) insert->bind_null(6).bind_null(7);
  else insert->bind(6, entity.latitude).bind(7, entity.longitude);
  if (auto status = insert->run(); !status.is_ok()) return status;
  entity.id = db.last_insert_rowid();
  resolver_.add(entity);
  newest_id_ = entity.id;
  return entity.id;
}

Status EntitiesStage::add_batch(store::Database& db, std::vector<Article>& articles) {
  // Another process may have stored entities since we loaded them.
  auto newest = db.prepare("SELECT COALESCE(MAX(id), 0) FROM entities");
  if (!newest) return newest.status();
  if (newest->step() && newest->column_int(0) != newest_id_) {
    if (auto status = reload(db); !status.is_ok()) return status;
  }
  auto alias = db.prepare(
      "INSERT INTO entity_aliases (entity_id, alias, mentions) VALUES (?, ?, ?)"
      " ON CONFLICT (entity_id, alias) DO UPDATE SET mentions = mentions + excluded.mentions");
  auto mention_row = db.prepare(
      "INSERT INTO entity_mentions (article_row, entity_id, local_entity, begin, end, kind) VALUES (?, ?, ?, ?, ?, ?)");
  if (!alias) return alias.status();
  if (!mention_row) return mention_row.status();
  for (Article& article : articles) {
    // The local entities, rebuilt from their mentions (each carries its entity's attributes).
    std::vector<int64_t> entity_of;
    for (const EntityMention& mention : article.mentions) {
      if (mention.local_entity < 0) continue;
      if (static_cast<size_t>(mention.local_entity) >= entity_of.size()) entity_of.resize(mention.local_entity + 1, 0);
    }
    // One upsert per (entity, spelling) and article, not per mention.
    std::map<std::pair<int64_t, std::string_view>, int64_t> alias_counts;
    for (EntityMention& mention : article.mentions) {
      if (mention.local_entity < 0) continue;
      int64_t& id = entity_of[mention.local_entity];
      if (id == 0) {
        LocalEntity local{mention.type, mention.name, mention.role, mention.country, mention.actor_code, nullptr};
        if (mention.type != EntityType::kPerson) {
          local.kb = kb_->find(fold_name(mention.name), mention.name);
        }
        auto stored = store_entity(db, local);
        if (!stored) return stored.status();
        id = *stored;
      }
      mention.entity_id = id;
      if (!mention.title_only) ++alias_counts[{id, slice(article.text, mention.span)}];
      mention_row->bind(1, article.store_row).bind(2, id).bind(3, mention.local_entity);
      mention_row->bind(4, static_cast<int64_t>(mention.span.begin)).bind(5, static_cast<int64_t>(mention.span.end));
      mention_row->bind(6, mention.title_only ? "title" : "name");
      if (auto status = mention_row->run(); !status.is_ok()) return status;
    }
    for (const auto& [key, count] : alias_counts) {
      alias->bind(1, key.first).bind(2, key.second).bind(3, count);
      if (auto status = alias->run(); !status.is_ok()) return status;
    }
  }
  return Status::ok();
}

Status EntitiesStage::report(const pipeline::ReportScope& scope, nlohmann::json& report) {
  auto entities = entities_of_articles(*scope.db, scope.article_rows);
  if (!entities) return entities.status();
  report["entities"] = std::move(*entities);
  return Status::ok();
}

}  // namespace storyline::entities
