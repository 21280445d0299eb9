// storyline stories and storyline story ID: reading stories from the store.
#include <iostream>

#include "cli/commands.h"
#include "core/json_fields.h"
#include "pipeline/engine_access.h"
#include "stories/story_queries.h"
#include "storyline/engine.h"

namespace storyline::cli {

std::optional<int> open_story(const GlobalOptions& global, const std::string& key, std::unique_ptr<Engine>& engine,
                              nlohmann::json& story) {
  int64_t id = stories::parse_story_key(key);
  if (id == 0) {
    std::cerr << "storyline: '" << key << "' is not a story id (story-N)\n";
    return kExitUsage;
  }
  int failure = kExitOk;
  engine = open_engine(global, failure);
  if (!engine) return failure;
  auto read = stories::story_json(pipeline::engine_database(*engine), id);
  if (!read) {
    std::cerr << "storyline: " << read.status().message() << "\n";
    return kExitStoreError;
  }
  if (read->empty()) {
    std::cerr << "storyline: no story " << key << " in " << global.db_path << "\n";
    return kExitSomeInputsFailed;
  }
  story = std::move(*read);
  return std::nullopt;
}

void add_story_commands(CLI::App& app, GlobalOptions& global, std::function<int()>& run) {
  auto limit = std::make_shared<size_t>(50);
  auto list_format = std::make_shared<std::string>("text");
  CLI::App* list = app.add_subcommand("stories", "List stories, most recent first");
  list->add_option("--limit", *limit, "How many")->capture_default_str()->check(CLI::Range(1, 100000));
  list->add_option("--format", *list_format, "Output format")->capture_default_str()->check(CLI::IsMember({"text", "json"}));
  list->callback([&global, &run, limit, list_format] {
    run = [&global, limit, list_format]() -> int {
      int failure = kExitOk;
      auto engine = open_engine(global, failure);
      if (!engine) return failure;
      auto stories = stories::list_stories(pipeline::engine_database(*engine), *limit);
      if (!stories) {
        std::cerr << "storyline: " << stories.status().message() << "\n";
        return kExitStoreError;
      }
      if (*list_format == "json") {
        std::cout << stories->dump(2) << "\n";
        return kExitOk;
      }
      for (const auto& story : *stories) {
        std::cout << core::text_field(story, "id") << "  " << core::count_field(story, "size") << " article(s)  "
                  << core::text_field(story, "first", "-") << " .. " << core::text_field(story, "last", "-") << "  "
                  << core::text_field(story, "label") << "\n    outlets: ";
        bool first = true;
        for (const auto& outlet : core::array_field(story, "outlets")) std::cout << (first ? "" : ", ") << core::json_text(outlet), first = false;
        std::cout << "\n";
      }
      return kExitOk;
    };
  });

  auto story_id = std::make_shared<std::string>();
  auto show_format = std::make_shared<std::string>("text");
  CLI::App* show = app.add_subcommand("story", "Show one story: its articles and how they relate");
  show->add_option("id", *story_id, "Story id (story-N or N)")->required();
  show->add_option("--format", *show_format, "Output format")->capture_default_str()->check(CLI::IsMember({"text", "json"}));
  show->callback([&global, &run, story_id, show_format] {
    run = [&global, story_id, show_format]() -> int {
      std::unique_ptr<Engine> engine;
      nlohmann::json found;
      if (auto failed = open_story(global, *story_id, engine, found)) return *failed;
      auto* story = &found;
      if (*show_format == "json") {
        std::cout << story->dump(2) << "\n";
        return kExitOk;
      }
      std::cout << core::text_field(*story, "id") << ": " << core::text_field(*story, "label") << "\n"
                << core::count_field(*story, "size") << " article(s), " << core::text_field(*story, "first", "-")
                << " .. " << core::text_field(*story, "last", "-") << "\n\nArticles:\n";
      std::map<std::string, std::string> names;
      for (const auto& member : core::array_field(*story, "members")) {
        std::string name = core::text_field(member, "source", "-") + ": " + core::text_field(member, "title");
        names[core::text_field(member, "id")] = name;
        std::cout << "  " << core::text_field(member, "id") << "  " << core::text_field(member, "published", "-") << "  "
                  << name << "\n";
      }
      const nlohmann::json& relations = core::array_field(*story, "relations");
      if (!relations.empty()) std::cout << "\nRelations:\n";
      for (const auto& relation : relations) {
        std::cout << "  " << core::text_field(relation, "type") << " (" << core::text_field(relation, "score", "?")
                  << ")  " << names[core::text_field(relation, "from")] << "\n      -> "
                  << names[core::text_field(relation, "to")];
        if (core::json_field(relation, "aligned").is_array())
          std::cout << "\n      " << relation["aligned"].size() << " aligned sentence pair(s), direction "
                    << core::text_field(relation, "direction", "unknown");
        std::cout << "\n";
      }
      return kExitOk;
    };
  });
}

}  // namespace storyline::cli
