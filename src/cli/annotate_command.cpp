// storyline annotate PATH... [--format conllu|json]: each article's
// sentences with their words, tags, lemmas, dependency tree and names, as
// the pipeline sees them (Article::annotation), without storing anything.
#include <iostream>
#include <memory>

#include "cli/commands.h"
#include "nlp/annotation_output.h"
#include "storyline/engine.h"

namespace storyline::cli {

namespace {

struct AnnotateFlags {
  std::vector<std::string> paths;
  std::string format = "conllu";
  size_t max_input_mb = 32;
  size_t max_article_kb = 1024;
};

int run_annotate(const GlobalOptions& global, const AnnotateFlags& flags) {
  // A throwaway store and no stage: annotating reads, cleans, segments and
  // annotates, nothing more.
  EngineOptions options;
  options.annotate = true;  // the one thing this command does
  options.db_path = ":memory:";
  options.data_dir = global.data_dir;
  options.dictionaries = global.dictionaries;
  options.stages = {"none"};
  auto engine = Engine::open(options);
  if (!engine) {
    std::cerr << "storyline: " << engine.status().message() << "\n";
    return kExitStoreError;
  }
  IngestOptions ingest;
  ingest.max_input_bytes = flags.max_input_mb << 20;
  ingest.max_article_bytes = flags.max_article_kb << 10;
  IngestCallbacks callbacks;
  callbacks.on_error = [](const std::string& message) { std::cerr << "error: " << message << "\n"; };
  callbacks.on_warning = [&](const std::string& message) {
    if (global.verbose) std::cerr << "warning: " << message << "\n";
  };
  const bool json = flags.format == "json";
  auto summary = (*engine)->annotate(
      flags.paths, ingest,
      [&](const Article& article) {
        if (article.annotation.empty() && !global.quiet)
          std::cerr << "note: article " << article.id << " (" << article.origin << ") is in language '"
                    << article.language << "': not annotated (the models are for English)\n";
        if (json) std::cout << nlp::annotation_json(article).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
        else std::cout << nlp::annotation_conllu(article);
      },
      callbacks);
  if (!summary) {
    std::cerr << "storyline: " << summary.status().message() << "\n";
    return kExitStoreError;
  }
  if (!global.quiet)
    std::cerr << "annotated " << summary->article_ids.size() << " articles from " << summary->inputs << " inputs"
              << (summary->failed_inputs ? ", " + std::to_string(summary->failed_inputs) + " failed" : "") << "\n";
  return summary->failed_inputs ? kExitSomeInputsFailed : kExitOk;
}

}  // namespace

void add_annotate_command(CLI::App& app, GlobalOptions& global, std::function<int()>& run) {
  auto flags = std::make_shared<AnnotateFlags>();
  CLI::App* command = app.add_subcommand(
      "annotate", "Print each article's sentences with tags, lemmas, dependency trees and names (nothing is stored)");
  command->add_option("paths", flags->paths, "Files, folders (read recursively) or - for standard input")->required();
  command->add_option("--format", flags->format, "conllu (any Universal Dependencies tool reads it) or json (one line per article)")
      ->capture_default_str()
      ->check(CLI::IsMember({"conllu", "json"}));
  command->add_option("--max-input-mb", flags->max_input_mb, "Skip a file, JSON line or WARC record larger than this")
      ->capture_default_str()
      ->check(CLI::Range(1, 4096));
  command->add_option("--max-article-kb", flags->max_article_kb, "Cut article text longer than this")
      ->capture_default_str()
      ->check(CLI::Range(1, 1 << 20));
  command->callback([&global, &run, flags] { run = [&global, flags] { return run_annotate(global, *flags); }; });
}

}  // namespace storyline::cli
