// storyline stories and storyline story ID: reading stories from the store.
#include <iostream>

#include "cli/commands.h"
#include "pipeline/engine_access.h"
#include "stories/story_queries.h"
#include "storyline/engine.h"

namespace storyline::cli {

namespace {

std::string text_or_dash(const nlohmann::json& value) { return value.is_string() ? value.get<std::string>() : "-"; }

}  // namespace

std::optional<int> open_story(const GlobalOptions& global, const std::string& key, std::unique_ptr<Engine>& engine,
                              nlohmann::json& story) {
  int64_t id = stories::parse_story_key(key);
  if (id == 0) {
    std::cerr << "storyline: '" << key << "' is not a story id (story-N)\n";
    return kExitUsage;
  }
  engine = open_engine(global);
  if (!engine) return kExitStoreError;
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
      auto engine = open_engine(global);
      if (!engine) return kExitStoreError;
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
        std::cout << story["id"].get<std::string>() << "  " << story["size"] << " article(s)  "
                  << text_or_dash(story["first"]) << " .. " << text_or_dash(story["last"]) << "  "
                  << story["label"].get<std::string>() << "\n    outlets: ";
        bool first = true;
        for (const auto& outlet : story["outlets"]) std::cout << (first ? "" : ", ") << outlet.get<std::string>(), first = false;
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
      std::cout << (*story)["id"].get<std::string>() << ": " << (*story)["label"].get<std::string>() << "\n"
                << (*story)["size"] << " article(s), " << text_or_dash((*story)["first"]) << " .. "
                << text_or_dash((*story)["last"]) << "\n\nArticles:\n";
      std::map<std::string, std::string> names;
      for (const auto& member : (*story)["members"]) {
        std::string name = text_or_dash(member["source"]) + ": " + member["title"].get<std::string>();
        names[member["id"]] = name;
        std::cout << "  " << member["id"].get<std::string>() << "  " << text_or_dash(member["published"]) << "  "
                  << name << "\n";
      }
      if (!(*story)["relations"].empty()) std::cout << "\nRelations:\n";
      for (const auto& relation : (*story)["relations"]) {
        std::cout << "  " << relation["type"].get<std::string>() << " (" << relation["score"] << ")  "
                  << names[relation["from"]] << "\n      -> " << names[relation["to"]];
        if (relation.contains("aligned"))
          std::cout << "\n      " << relation["aligned"].size() << " aligned sentence pair(s), direction "
                    << relation.value("direction", "unknown");
        std::cout << "\n";
      }
      return kExitOk;
    };
  });
}

}  // namespace storyline::cli
