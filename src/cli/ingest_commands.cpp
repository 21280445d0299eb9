// storyline ingest PATH... and storyline analyze PATH...
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <memory>

#include "cli/commands.h"
#include "cli/progress.h"
#include "storyline/engine.h"

namespace storyline::cli {

namespace {

std::string format_seconds(double seconds) {
  char text[32];
  std::snprintf(text, sizeof text, "%.1f s", seconds);
  return text;
}

// Whole numbers from 10 up, one decimal below (a slow article is not "0/s").
std::string format_rate(double per_second) {
  char text[32];
  std::snprintf(text, sizeof text, per_second >= 10 ? "%.0f" : "%.1f", per_second);
  return text;
}

struct IngestFlags {
  std::vector<std::string> paths;
  size_t batch_size = 500;
  size_t max_input_mb = 32;
  size_t max_article_kb = 1024;
  size_t max_sentences = IngestOptions{}.max_sentences_per_article;
  size_t max_mentions = IngestOptions{}.max_mentions_per_article;
  std::string format = "text";
};

IngestOptions to_options(const IngestFlags& flags) {
  IngestOptions options;
  options.batch_size = std::max<size_t>(1, flags.batch_size);
  options.max_input_bytes = flags.max_input_mb << 20;
  options.max_article_bytes = flags.max_article_kb << 10;
  options.max_sentences_per_article = flags.max_sentences;
  options.max_mentions_per_article = flags.max_mentions;
  return options;
}

void add_ingest_flags(CLI::App* command, IngestFlags& flags) {
  command->add_option("paths", flags.paths, "Files, folders (read recursively) or - for standard input")
      ->required();
  command->add_option("--batch-size", flags.batch_size, "Articles per transaction")
      ->capture_default_str()
      ->check(CLI::Range(1, 1000000));
  command->add_option("--max-input-mb", flags.max_input_mb, "Skip a file, JSON line or WARC record larger than this")
      ->capture_default_str()
      ->check(CLI::Range(1, 4096));
  command->add_option("--max-article-kb", flags.max_article_kb, "Cut article text longer than this")
      ->capture_default_str()
      ->check(CLI::Range(1, 1 << 20));
  command->add_option("--max-sentences", flags.max_sentences,
                      "Cut an article after this many sentences (the rest is not stored)")
      ->capture_default_str()
      ->check(CLI::Range(1, 10000000));
  command->add_option("--max-mentions", flags.max_mentions,
                      "Keep at most this many entity mentions per article (the first ones)")
      ->capture_default_str()
      ->check(CLI::Range(1, 10000000));
}

// Runs the ingest with messages and progress; returns the exit code and the
// summary through `summary`.
int run_ingest(const GlobalOptions& global, const IngestFlags& flags, std::unique_ptr<Engine>& engine,
               IngestSummary& summary) {
  int failure = kExitOk;
  engine = open_engine(global, failure, StoreUse::kCreate);
  if (!engine) return failure;
  ProgressBar progress(!global.quiet);
  IngestCallbacks callbacks;
  callbacks.on_error = [&](const std::string& message) {
    progress.clear();
    std::cerr << "error: " << message << "\n";
  };
  callbacks.on_warning = [&](const std::string& message) {
    if (!global.verbose) return;
    progress.clear();
    std::cerr << "warning: " << message << "\n";
  };
  callbacks.on_progress = [&](const IngestProgress& p) { progress.update(p); };
  auto start = std::chrono::steady_clock::now();
  auto result = engine->ingest(flags.paths, to_options(flags), callbacks);
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  progress.clear();
  if (!result) {
    // Name the store: with a full disk, it is the store's file system that
    // needs space. Batches stored before the failure are kept; running the
    // same command again skips them.
    std::cerr << "storyline: " << global.db_path << ": " << result.status().message()
              << " (batches stored before this one are kept: run the same command again once fixed)\n";
    return kExitStoreError;
  }
  summary = std::move(*result);
  if (!global.quiet)
    std::cerr << "ingested " << summary.articles_new << " new article(s), " << summary.articles_known
              << " already stored, from " << summary.inputs << " input(s)"
              << (summary.failed_inputs ? ", " + std::to_string(summary.failed_inputs) + " with errors" : "")
              << (summary.warnings ? ", " + std::to_string(summary.warnings) + " warning(s)" +
                                         (global.verbose ? "" : " (--verbose shows them)")
                                   : "")
              << " into " << global.db_path << " in " << format_seconds(seconds) << " ("
              << format_rate((summary.articles_new + summary.articles_known) / std::max(seconds, 1e-3))
              << " articles/s)\n";
  return summary.failed_inputs ? kExitSomeInputsFailed : kExitOk;
}

}  // namespace

std::unique_ptr<Engine> open_engine(const GlobalOptions& global, int& failure, StoreUse use) {
  failure = kExitStoreError;
  if (use == StoreUse::kExisting && !std::filesystem::exists(global.db_path)) {
    std::cerr << "storyline: no store at '" << global.db_path
              << "' (check --db; 'storyline ingest' makes one)\n";
    return nullptr;
  }
  EngineOptions options;
  options.db_path = global.db_path;
  options.data_dir = global.data_dir;
  options.dictionaries = global.dictionaries;
  options.annotate = global.parse;
  auto engine = Engine::open(options);
  if (!engine) {
    std::cerr << "storyline: " << engine.status().message() << "\n";
    // The store reports io, corrupt or internal errors; a malformed input
    // file (a dictionary, a lexicon) is the caller's to fix, like a bad flag.
    if (engine.status().code() == StatusCode::kInvalidInput) failure = kExitUsage;
    return nullptr;
  }
  failure = kExitOk;
  return std::move(*engine);
}

void add_ingest_commands(CLI::App& app, GlobalOptions& global, std::function<int()>& run) {
  auto ingest_flags = std::make_shared<IngestFlags>();
  CLI::App* ingest = app.add_subcommand("ingest", "Read, clean, analyse and store articles");
  add_ingest_flags(ingest, *ingest_flags);
  ingest->callback([&global, &run, ingest_flags] {
    run = [&global, ingest_flags]() -> int {
      std::unique_ptr<Engine> engine;
      IngestSummary summary;
      return run_ingest(global, *ingest_flags, engine, summary);
    };
  });

  auto analyze_flags = std::make_shared<IngestFlags>();
  CLI::App* analyze = app.add_subcommand(
      "analyze", "Ingest the inputs, run every stage, and print a report on their articles");
  add_ingest_flags(analyze, *analyze_flags);
  analyze->add_option("--format", analyze_flags->format, "Report format")
      ->capture_default_str()
      ->check(CLI::IsMember({"text", "json", "markdown", "html"}));
  analyze->callback([&global, &run, analyze_flags] {
    run = [&global, analyze_flags]() -> int {
      std::unique_ptr<Engine> engine;
      IngestSummary summary;
      int code = run_ingest(global, *analyze_flags, engine, summary);
      if (code == kExitStoreError) return code;
      ReportFormat format = analyze_flags->format == "json"       ? ReportFormat::kJson
                            : analyze_flags->format == "markdown" ? ReportFormat::kMarkdown
                            : analyze_flags->format == "html"     ? ReportFormat::kHtml
                                                                  : ReportFormat::kText;
      if (summary.article_ids.empty()) {
        std::cerr << "storyline: no article found in the inputs\n";
        if (format != ReportFormat::kJson) return code ? code : kExitSomeInputsFailed;
      }
      std::vector<std::string> problems;
      auto report = engine->report(summary.article_ids.empty() ? std::vector<std::string>{"-none-"}
                                                               : summary.article_ids,
                                   format, &problems);
      if (!report) {
        std::cerr << "storyline: " << report.status().message() << "\n";
        return kExitStoreError;
      }
      std::cout << *report << (format == ReportFormat::kJson ? "\n" : "");
      // A part of the report that failed is named; the rest was printed.
      for (const std::string& problem : problems) std::cerr << "error: " << problem << "\n";
      return problems.empty() ? code : kExitSomeInputsFailed;
    };
  });
}

}  // namespace storyline::cli
