// storyline events and storyline export --format gdelt: reading events from
// the store.
#include <filesystem>
#include <fstream>
#include <iostream>

#include "cli/commands.h"
#include "core/json_fields.h"
#include "events/event_queries.h"
#include "events/events_stage.h"
#include "events/gdelt_export.h"
#include "pipeline/engine_access.h"
#include "stories/story_queries.h"
#include "store/article_store.h"

namespace storyline::cli {

namespace {

std::string text_of(const nlohmann::json& object, const char* key, const char* fallback = "-") {
  return core::text_field(object, key, fallback);
}

}  // namespace

void add_event_commands(CLI::App& app, GlobalOptions& global, std::function<int()>& run) {
  auto story_id = std::make_shared<std::string>();
  auto list_format = std::make_shared<std::string>("text");
  CLI::App* list = app.add_subcommand("events", "List events (who did what to whom), with their reports");
  list->add_option("--story", *story_id, "Only the events of this story (story-N)");
  list->add_option("--format", *list_format, "Output format")->capture_default_str()->check(CLI::IsMember({"text", "json"}));
  list->callback([&global, &run, story_id, list_format] {
    run = [&global, story_id, list_format]() -> int {
      int64_t story = 0;
      if (!story_id->empty() && (story = stories::parse_story_key(*story_id)) == 0) {
        std::cerr << "storyline: '" << *story_id << "' is not a story id (story-N)\n";
        return kExitUsage;
      }
      int failure = kExitOk;
      auto engine = open_engine(global, failure);
      if (!engine) return failure;
      auto* stage = dynamic_cast<events::EventsStage*>(pipeline::engine_stage(*engine, "events"));
      if (!stage) {
        std::cerr << "storyline: the events stage is not available\n";
        return kExitStoreError;
      }
      store::Database& db = pipeline::engine_database(*engine);
      std::vector<int64_t> rows;
      if (story != 0) {
        auto found = stories::story_article_rows(db, story);
        if (!found) {
          std::cerr << "storyline: " << found.status().message() << "\n";
          return kExitStoreError;
        }
        if (found->empty()) {
          std::cerr << "storyline: no story " << *story_id << " in " << global.db_path << "\n";
          return kExitSomeInputsFailed;
        }
        rows = std::move(*found);
      }
      auto events = events::load_events(db, rows);
      if (!events) {
        std::cerr << "storyline: " << events.status().message() << "\n";
        return kExitStoreError;
      }
      nlohmann::json out = nlohmann::json::array();
      for (const auto& event : *events) out.push_back(events::event_json(event, stage->types()));
      if (*list_format == "json") {
        std::cout << out.dump(2) << "\n";
        return kExitOk;
      }
      for (const auto& e : out) {
        auto actor = [&](const char* side) {
          const nlohmann::json& a = core::json_field(e, side);
          return a.is_object() ? text_of(a, "name", text_of(a, "actor_code").c_str()) : "-";
        };
        std::cout << text_of(e, "id") << "  " << text_of(e, "date", "undated") << "  " << actor("source") << " -> "
                  << actor("target") << ": " << text_of(e, "label") << " (" << text_of(e, "code") << "), "
                  << text_of(e, "modality");
        if (!text_of(e, "attributed_to", "").empty()) std::cout << " by " << text_of(e, "attributed_to");
        if (!text_of(e, "denied_by", "").empty()) std::cout << ", denied by " << text_of(e, "denied_by");
        if (!text_of(e, "location", "").empty()) std::cout << ", in " << text_of(e, "location");
        std::cout << "; " << core::count_field(e, "num_articles") << " article(s), " << core::count_field(e, "num_sources")
                  << " source(s)\n";
      }
      return kExitOk;
    };
  });

  auto format = std::make_shared<std::string>("gdelt");
  auto out_dir = std::make_shared<std::string>(".");
  auto prefix = std::make_shared<std::string>("storyline");
  CLI::App* export_command = app.add_subcommand(
      "export", "Write the store's events in another format (gdelt: GDELT 2.0 Events and Mentions files)");
  export_command->add_option("--format", *format, "Output format")->capture_default_str()->check(CLI::IsMember({"gdelt"}));
  export_command->add_option("--out", *out_dir, "Folder for the files")->capture_default_str();
  export_command->add_option("--prefix", *prefix, "File name prefix (PREFIX.export.CSV, PREFIX.mentions.CSV)")
      ->capture_default_str();
  export_command->callback([&global, &run, format, out_dir, prefix] {  // format kept alive: CLI11 writes into it
    run = [&global, out_dir, prefix]() -> int {
      int failure = kExitOk;
      auto engine = open_engine(global, failure);
      if (!engine) return failure;
      auto* stage = dynamic_cast<events::EventsStage*>(pipeline::engine_stage(*engine, "events"));
      if (!stage) {
        std::cerr << "storyline: the events stage is not available\n";
        return kExitStoreError;
      }
      auto events = events::load_events(pipeline::engine_database(*engine), {});
      if (!events) {
        std::cerr << "storyline: " << events.status().message() << "\n";
        return kExitStoreError;
      }
      std::error_code error;
      std::filesystem::create_directories(*out_dir, error);
      const std::string events_path = (std::filesystem::path(*out_dir) / (*prefix + ".export.CSV")).string();
      const std::string mentions_path = (std::filesystem::path(*out_dir) / (*prefix + ".mentions.CSV")).string();
      std::ofstream events_out(events_path), mentions_out(mentions_path);
      if (!events_out || !mentions_out) {
        std::cerr << "storyline: cannot write " << events_path << " or " << mentions_path << "\n";
        return kExitStoreError;
      }
      auto counts = events::write_gdelt(*events, stage->types(), events_out, mentions_out);
      if (!counts) {
        std::cerr << "storyline: " << counts.status().message() << "\n";
        return kExitStoreError;
      }
      if (!global.quiet)
        std::cerr << "wrote " << counts->events << " event(s) to " << events_path << " and " << counts->mentions
                  << " mention(s) to " << mentions_path << "\n";
      return kExitOk;
    };
  });
}

}  // namespace storyline::cli
