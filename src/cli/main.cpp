// The storyline command line: a thin layer that parses flags and calls the
// engine. Every capability is a library call first.
#include <CLI/CLI.hpp>

#include <iostream>

#include "cli/commands.h"

int main(int argc, char** argv) {
  using namespace storyline::cli;
  CLI::App app{
      "storyline: news articles in; clean articles, copies and rewrites, stories, entities, events, quotes and "
      "claims out, each traceable to its sentence and outlet."};
  app.set_help_all_flag("--help-all", "Help for every command");
  app.require_subcommand(1);
  GlobalOptions global;
  app.add_option("--db", global.db_path, "The store (SQLite file)")->capture_default_str();
  app.add_option("--data-dir", global.data_dir, "Knowledge base and lexicons (default: built in)");
  app.add_option("--dictionary", global.dictionaries,
                 "An extra CountryInfo or PETRARCH actor dictionary (repeatable)")
      ->check(CLI::ExistingFile);
  app.add_flag("--parse", global.parse,
               "Tag, parse and recognise names with the learned models before the stages (English; about five "
               "times slower, see docs/design.md)");
  app.add_flag("-q,--quiet", global.quiet, "No progress or summary on standard error");
  app.add_flag("-v,--verbose", global.verbose, "Also print warnings (repaired or cut inputs)");
  // Global flags may also follow the subcommand ("storyline ingest x --db y").
  app.fallthrough();

  std::function<int()> run;
  add_ingest_commands(app, global, run);
  add_story_commands(app, global, run);
  add_event_commands(app, global, run);
  add_entity_commands(app, global, run);
  add_serve_command(app, global, run);
  add_brief_commands(app, global, run);
  add_annotate_command(app, global, run);
  add_train_command(app, global, run, argc, argv);

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    app.exit(e);
    return kExitUsage;
  }
  return run ? run() : kExitUsage;
}
