// The subcommands. Each registers its flags on the app and runs through the
// engine; the exit codes are shared.
#pragma once

#include <CLI/CLI.hpp>

#include <memory>
#include <optional>

#include <nlohmann/json.hpp>
#include <string>

#include "storyline/engine.h"

namespace storyline::cli {

enum ExitCode {
  kExitOk = 0,
  kExitSomeInputsFailed = 1,  // the rest was processed and stored
  kExitUsage = 2,             // wrong flags or arguments
  kExitStoreError = 3,        // the store could not be opened or written
};

struct GlobalOptions {
  std::string db_path = "storyline.db";
  std::string data_dir;
  std::vector<std::string> dictionaries;
  bool quiet = false;
  bool verbose = false;
  bool parse = false;  // the linguistic annotation before the stages (EngineOptions::annotate)
};

// Whether a command may create the store (ingest) or reads one that must
// exist (every read command: a mistyped --db is an error, not an empty store).
enum class StoreUse { kExisting, kCreate };

// Opens the store named by the global flags; on failure prints why and
// returns nullptr with the exit code in `failure`: kExitStoreError for the
// store (missing, unreadable), kExitUsage for a bad input file given by a
// flag or in the data folder (a --dictionary: its file and line).
std::unique_ptr<Engine> open_engine(const GlobalOptions& global, int& failure, StoreUse use = StoreUse::kExisting);

// Opens the store and reads story `key` ("story-N"); on failure prints why
// and returns the exit code (usage, store error, or no such story).
std::optional<int> open_story(const GlobalOptions& global, const std::string& key, std::unique_ptr<Engine>& engine,
                              nlohmann::json& story);

// Each returns the subcommand so main can tell which one ran; `run` is set
// to the function that does the work once flags are parsed.
void add_ingest_commands(CLI::App& app, GlobalOptions& global, std::function<int()>& run);
void add_story_commands(CLI::App& app, GlobalOptions& global, std::function<int()>& run);
void add_event_commands(CLI::App& app, GlobalOptions& global, std::function<int()>& run);
void add_entity_commands(CLI::App& app, GlobalOptions& global, std::function<int()>& run);
void add_serve_command(CLI::App& app, GlobalOptions& global, std::function<int()>& run);
void add_annotate_command(CLI::App& app, GlobalOptions& global, std::function<int()>& run);
void add_brief_commands(CLI::App& app, GlobalOptions& global, std::function<int()>& run);
// `argc`/`argv` go into the model's header as the command that made it.
void add_train_command(CLI::App& app, GlobalOptions& global, std::function<int()>& run, int argc, char** argv);

}  // namespace storyline::cli
