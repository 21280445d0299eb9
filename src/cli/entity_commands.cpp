// storyline entities [--story ID] and storyline entity ID: the people,
// organisations and places in the store or in one story.
#include <iostream>

#include "cli/commands.h"
#include "core/json_fields.h"
#include "entities/entity_queries.h"
#include "pipeline/engine_access.h"
#include "stories/story_queries.h"
#include "store/article_store.h"

namespace storyline::cli {
namespace {

void print_entity_line(const nlohmann::json& entity) {
  std::cout << core::text_field(entity, "id") << "  " << core::text_field(entity, "type") << "  "
            << core::text_field(entity, "name") << "  role: " << core::text_field(entity, "role", "-")
            << "  country: " << core::text_field(entity, "country", "-") << "  actor: " << core::text_field(entity, "actor_code", "-");
  if (core::json_field(entity, "mentions").is_array()) std::cout << "  mentions: " << entity["mentions"].size();
  else if (entity.contains("mention_count")) std::cout << "  mentions: " << core::count_field(entity, "mention_count");
  std::cout << "\n    aliases: ";
  bool first = true;
  for (const auto& alias : core::array_field(entity, "aliases")) std::cout << (first ? "" : ", ") << core::json_text(alias), first = false;
  std::cout << "\n";
}

}  // namespace

void add_entity_commands(CLI::App& app, GlobalOptions& global, std::function<int()>& run) {
  auto story_id = std::make_shared<std::string>();
  auto limit = std::make_shared<size_t>(100);
  auto format = std::make_shared<std::string>("text");
  CLI::App* list = app.add_subcommand("entities", "List people, organisations and places, most mentioned first");
  list->add_option("--story", *story_id, "Only the entities of this story (story-N)");
  list->add_option("--limit", *limit, "How many (without --story)")->capture_default_str()->check(CLI::Range(1, 1000000));
  list->add_option("--format", *format, "Output format")->capture_default_str()->check(CLI::IsMember({"text", "json"}));
  list->callback([&global, &run, story_id, limit, format] {
    run = [&global, story_id, limit, format]() -> int {
      int64_t story = 0;
      if (!story_id->empty() && (story = stories::parse_story_key(*story_id)) == 0) {
        std::cerr << "storyline: '" << *story_id << "' is not a story id (story-N)\n";
        return kExitUsage;
      }
      int failure = kExitOk;
      auto engine = open_engine(global, failure);
      if (!engine) return failure;
      store::Database& db = pipeline::engine_database(*engine);
      Result<nlohmann::json> entities = nlohmann::json::array();
      if (story != 0) {
        auto rows = stories::story_article_rows(db, story);
        if (!rows) {
          std::cerr << "storyline: " << rows.status().message() << "\n";
          return kExitStoreError;
        }
        if (rows->empty()) {
          std::cerr << "storyline: no story " << *story_id << " in " << global.db_path << "\n";
          return kExitSomeInputsFailed;
        }
        entities = entities::entities_of_articles(db, *rows);
      } else {
        entities = entities::list_entities(db, *limit);
      }
      if (!entities) {
        std::cerr << "storyline: " << entities.status().message() << "\n";
        return kExitStoreError;
      }
      if (*format == "json") {
        std::cout << entities->dump(2) << "\n";
        return kExitOk;
      }
      for (const auto& entity : *entities) print_entity_line(entity);
      return kExitOk;
    };
  });

  auto entity_id = std::make_shared<std::string>();
  auto show_format = std::make_shared<std::string>("text");
  CLI::App* show = app.add_subcommand("entity", "Show one entity: aliases, role, codes and every mention");
  show->add_option("id", *entity_id, "Entity id (entity-N or N)")->required();
  show->add_option("--format", *show_format, "Output format")->capture_default_str()->check(CLI::IsMember({"text", "json"}));
  show->callback([&global, &run, entity_id, show_format] {
    run = [&global, entity_id, show_format]() -> int {
      int64_t id = entities::parse_entity_key(*entity_id);
      if (id == 0) {
        std::cerr << "storyline: '" << *entity_id << "' is not an entity id (entity-N)\n";
        return kExitUsage;
      }
      int failure = kExitOk;
      auto engine = open_engine(global, failure);
      if (!engine) return failure;
      auto entity = entities::entity_json(pipeline::engine_database(*engine), id);
      if (!entity) {
        std::cerr << "storyline: " << entity.status().message() << "\n";
        return kExitStoreError;
      }
      if (entity->empty()) {
        std::cerr << "storyline: no entity " << *entity_id << " in " << global.db_path << "\n";
        return kExitSomeInputsFailed;
      }
      if (*show_format == "json") {
        std::cout << entity->dump(2) << "\n";
        return kExitOk;
      }
      print_entity_line(*entity);
      for (const auto& mention : core::array_field(*entity, "mentions")) {
        size_t begin = 0, end = 0;
        bool spanned = core::json_span(core::json_field(mention, "span"), begin, end);
        std::cout << "    " << core::text_field(mention, "article") << " "
                  << (spanned ? "[" + std::to_string(begin) + ", " + std::to_string(end) + ")" : "(no span)") << "\n";
      }
      return kExitOk;
    };
  });
}

}  // namespace storyline::cli
