// The storyline command line: a thin layer that parses flags and calls the
// engine. Every capability is a library call first.
#include <CLI/CLI.hpp>

int main(int argc, char** argv) {
  CLI::App app{"storyline: news articles in, stories, entities, events, quotes and claims out"};
  app.require_subcommand(1);
  CLI11_PARSE(app, argc, argv);
  return 0;
}
