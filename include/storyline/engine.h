// The engine: one store, the stages of the pipeline, and the calls the CLI
// and the server make. Everything the command line can do is a call here.
//
//   inputs ─ read ─ clean ─ segment ─ per-article stages ─┐
//                                                         ├─ batch transaction ─ store
//                               corpus stages (stories, …)┘
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "storyline/document.h"
#include "storyline/status.h"

namespace storyline {

struct EngineOptions {
  std::string db_path = "storyline.db";  // ":memory:" for a throwaway store
  std::string data_dir;                  // empty: the built-in data folder
  bool read_only = false;
  // Which stages after segmentation run: empty = all; names as in
  // docs/design.md ("entities", "stories", ...); {"none"} = only ingest,
  // clean, segment and store (the foundation benchmark uses this).
  std::vector<std::string> stages;
  // Extra dictionaries the user owns: CountryInfo files (names, cities,
  // leaders with terms) and PETRARCH/Phoenix actor dictionaries (names with
  // dated actor codes). storyline works without them.
  std::vector<std::string> dictionaries;
  // Whether articles get the linguistic annotation (tags, parse, names:
  // Article::annotation) after segmentation. Off, the entities stage finds
  // names by its rules alone; the benchmarks measure the pipeline both ways.
  // Off by default: today only the entities stage reads it, it moves the
  // entity scores by nothing (entities_eval), and it costs about four fifths
  // of the pipeline's time (real_text_bench: 57 against 270 articles/s).
  bool annotate = false;
};

struct IngestOptions {
  size_t batch_size = 500;                    // articles per transaction
  size_t max_input_bytes = 32u << 20;         // per text/HTML file, JSON line or WARC record
  size_t max_article_bytes = 1u << 20;        // article text beyond this is cut
  int max_html_depth = 512;
  // Caps on what one article may cost the analysing stages: sentences past
  // the cap are cut (the text ends with the last sentence kept), entity
  // mentions past the cap are dropped; both with a warning naming the article.
  size_t max_sentences_per_article = 20000;
  size_t max_mentions_per_article = 20000;
};

// Reported after each article and after each input (a single big JSON Lines
// or WARC file reports as it goes, not only at its end).
struct IngestProgress {
  size_t inputs_done = 0, inputs_total = 0;
  size_t articles = 0;
  size_t errors = 0;  // inputs and records that failed so far
  uint64_t bytes = 0;
};

struct IngestCallbacks {
  std::function<void(const std::string& message)> on_error;    // an input or record failed
  std::function<void(const std::string& message)> on_warning;  // repaired or cut, but kept
  std::function<void(const IngestProgress&)> on_progress;
};

struct IngestSummary {
  size_t inputs = 0;
  size_t failed_inputs = 0;  // inputs with at least one error
  size_t documents = 0;      // records read
  size_t articles_new = 0;
  size_t articles_known = 0;  // already in the store: ingest is idempotent
  size_t warnings = 0;
  std::vector<std::string> article_ids;  // every article of these inputs, in order
};

enum class ReportFormat { kText, kMarkdown, kHtml, kJson };

class Engine {
 public:
  static Result<std::unique_ptr<Engine>> open(const EngineOptions& options);
  ~Engine();

  // Reads, cleans, analyses and stores every article under `paths` (files,
  // folders, "-"), in batches: each batch is one transaction, so a crash
  // leaves the store as it was before the batch. A bad input is reported
  // through `callbacks.on_error` and the rest goes on; the result fails only
  // when the store itself fails (disk full, corrupt store).
  Result<IngestSummary> ingest(const std::vector<std::string>& paths, const IngestOptions& options,
                               const IngestCallbacks& callbacks = {});

  // The same for documents already in memory (HTTP API, tests).
  Result<IngestSummary> ingest_documents(std::vector<RawDocument> documents, const IngestOptions& options,
                                         const IngestCallbacks& callbacks = {});

  // Reads and cleans every article under `paths` as ingest does, segments
  // and annotates it (Article::annotation; EngineOptions::annotate must be
  // on) and hands it to `on_article`, in input order. Nothing is stored and
  // no stage runs: this is `storyline annotate`. Bad inputs are reported
  // through `callbacks.on_error` and counted in failed_inputs; articles_new
  // and articles_known stay 0.
  Result<IngestSummary> annotate(const std::vector<std::string>& paths, const IngestOptions& options,
                                 const std::function<void(const Article&)>& on_article,
                                 const IngestCallbacks& callbacks = {});
  Result<IngestSummary> annotate_documents(std::vector<RawDocument> documents, const IngestOptions& options,
                                           const std::function<void(const Article&)>& on_article,
                                           const IngestCallbacks& callbacks = {});

  // A report on the given articles (by id) and everything derived from them;
  // all articles when `article_ids` is empty. An internal error in one
  // stage's section or one story's brief leaves that part out and names it
  // in `problems` (when given); the rest of the report is still made.
  Result<std::string> report(const std::vector<std::string>& article_ids, ReportFormat format,
                             std::vector<std::string>* problems = nullptr);

  struct Impl;
  Impl& impl() { return *impl_; }

 private:
  explicit Engine(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace storyline
