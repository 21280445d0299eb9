// storyline events and storyline export --format gdelt: reading events from
// the store.
#include <filesystem>
#include <fstream>
#include <iostream>

#include "cli/commands.h"
#include "events/event_queries.h"
#include "events/events_stage.h"
#include "events/gdelt_export.h"
#include "pipeline/engine_access.h"

namespace storyline::cli {

void add_event_commands(CLI::App& app, GlobalOptions& global, std::function<int()>& run) {
  auto format = std::make_shared<std::string>("gdelt");
  auto out_dir = std::make_shared<std::string>(".");
  auto prefix = std::make_shared<std::string>("storyline");
  CLI::App* export_command = app.add_subcommand(
      "export", "Write the store's events in another format (gdelt: GDELT 2.0 Events and Mentions files)");
  export_command->add_option("--format", *format, "Output format")->capture_default_str()->check(CLI::IsMember({"gdelt"}));
  export_command->add_option("--out", *out_dir, "Folder for the files")->capture_default_str();
  export_command->add_option("--prefix", *prefix, "File name prefix (PREFIX.export.CSV, PREFIX.mentions.CSV)")
      ->capture_default_str();
  export_command->callback([&global, &run, out_dir, prefix] {
    run = [&global, out_dir, prefix]() -> int {
      auto engine = open_engine(global);
      if (!engine) return kExitStoreError;
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
