// The whole pipeline on real text: the PolNeAR articles (train + dev, 924
// news articles from 2015-16) ingested into a fresh store with every stage,
// as `storyline ingest` does it. Prints articles/s per core (CPU time of this
// process, so other work on the machine costs wall time, not the figure)
// and peak memory, with each stage's share: the pipeline is run with the
// stages added one at a time in pipeline order (search, entities, stories,
// events, quotes, claims), and a stage's cost is what adding it adds. The
// linguistic annotation (tags, parse, names; EngineOptions::annotate) is a
// step of its own after the foundation, and the whole pipeline is run once
// more without it (the entities stage then finds names by its rules alone).
// Medians of --runs runs.
//
//   build/real_text_bench [--shared DIR] [--runs R]
#include <sys/resource.h>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "storyline/engine.h"

namespace {

namespace fs = std::filesystem;

double cpu_seconds() {
  timespec t{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
  return t.tv_sec + t.tv_nsec * 1e-9;
}

double peak_rss_mb() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss / 1024.0;
}

double median(std::vector<double> values) {
  std::sort(values.begin(), values.end());
  return values.empty() ? 0 : values[values.size() / 2];
}

// Each file "outlet_YYYY-MM-DD_slug.txt" as a feed would give it: outlet,
// date, headline (the first line) and text.
std::vector<storyline::RawDocument> load_polnear(const fs::path& shared) {
  std::vector<fs::path> files;
  for (const char* split : {"train", "dev"}) {
    fs::path folder = shared / "data" / "quotes" / split / "text";
    if (!fs::exists(folder)) continue;
    for (const auto& entry : fs::directory_iterator(folder))
      if (entry.path().extension() == ".txt") files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  std::vector<storyline::RawDocument> documents;
  for (const fs::path& file : files) {
    std::ifstream in(file, std::ios::binary);
    std::string body((std::istreambuf_iterator<char>(in)), {});
    std::string leaf = file.filename().string();
    storyline::RawDocument document;
    document.origin = file.string();
    size_t first = leaf.find('_'), second = leaf.find('_', first + 1);
    if (first != std::string::npos && second != std::string::npos) {
      document.source = leaf.substr(0, first);
      document.published = leaf.substr(first + 1, second - first - 1);
    }
    size_t newline = body.find('\n');
    document.title = body.substr(0, newline);
    document.body = newline == std::string::npos ? "" : body.substr(newline + 1);
    documents.push_back(std::move(document));
  }
  return documents;
}

struct Run {
  double cpu = 0;
  size_t articles = 0;
};

// One ingest of `documents` into a new store with `stages`.
Run run_once(const std::vector<storyline::RawDocument>& documents, const std::vector<std::string>& stages,
             bool annotate, const fs::path& folder) {
  fs::path db = folder / "bench.db";
  for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(db.string() + suffix);
  storyline::EngineOptions options;
  options.db_path = db.string();
  options.stages = stages;
  options.annotate = annotate;
  auto engine = storyline::Engine::open(options);
  if (!engine) {
    std::fprintf(stderr, "real_text_bench: %s\n", engine.status().message().c_str());
    std::exit(1);
  }
  double start = cpu_seconds();
  auto summary = (*engine)->ingest_documents(documents, storyline::IngestOptions{});
  Run run;
  run.cpu = cpu_seconds() - start;
  if (!summary) {
    std::fprintf(stderr, "real_text_bench: %s\n", summary.status().message().c_str());
    std::exit(1);
  }
  run.articles = summary->articles_new;
  return run;
}

}  // namespace

int main(int argc, char** argv) {
  fs::path shared = fs::path(STORYLINE_SOURCE_DIR) / ".." / "shared";
  int runs = 3;
  for (int i = 1; i < argc; ++i) {
    if (!std::strcmp(argv[i], "--shared") && i + 1 < argc) shared = argv[++i];
    else if (!std::strcmp(argv[i], "--runs") && i + 1 < argc) runs = std::max(1, std::atoi(argv[++i]));
    else {
      std::fprintf(stderr, "usage: real_text_bench [--shared DIR] [--runs R]\n");
      return 2;
    }
  }
  std::vector<storyline::RawDocument> documents = load_polnear(shared);
  if (documents.empty()) {
    std::printf("real_text_bench: no PolNeAR articles under %s/data/quotes: skipped\n", shared.c_str());
    return 0;
  }
  fs::path folder = fs::temp_directory_path() / ("storyline_real_text_bench_" + std::to_string(::getpid()));
  fs::create_directories(folder);

  // In pipeline order; "none" is the foundation (read, clean, segment, store).
  const std::vector<std::string> order = {"search", "entities", "stories", "events", "quotes", "claims"};
  struct Configuration {
    std::vector<std::string> stages;
    bool annotate = true;
  };
  std::vector<Configuration> configurations = {{{"none"}, false}, {{"none"}, true}};
  for (size_t k = 1; k <= order.size(); ++k) configurations.push_back({{order.begin(), order.begin() + k}, true});
  configurations.push_back({order, false});  // the whole pipeline without the annotation
  std::vector<double> medians;
  size_t articles = 0;
  for (const Configuration& configuration : configurations) {
    std::vector<double> times;
    for (int r = 0; r < runs; ++r) {
      Run run = run_once(documents, configuration.stages, configuration.annotate, folder);
      times.push_back(run.cpu);
      articles = run.articles;
    }
    medians.push_back(median(times));
  }
  fs::remove_all(folder);

  const double without_annotation = medians.back();
  medians.pop_back();
  double whole = medians.back();
  std::printf("real_text_bench: %zu PolNeAR articles (%zu documents), median of %d runs, CPU time\n", articles,
              documents.size(), runs);
  std::printf("whole pipeline: %.2f s, %.0f articles/s per core, peak RSS %.0f MB\n", whole, articles / whole,
              peak_rss_mb());
  std::printf("whole pipeline without the annotation: %.2f s, %.0f articles/s per core\n", without_annotation,
              articles / without_annotation);
  std::printf("%-44s %8s %7s %12s\n", "stage", "CPU s", "share", "articles/s");
  const char* names[] = {"foundation (read, clean, language, segment, store)", "annotation (tags, parse, names)",
                         "search", "entities", "stories", "events", "quotes", "claims"};
  for (size_t k = 0; k < medians.size(); ++k) {
    double cost = k == 0 ? medians[0] : std::max(0.0, medians[k] - medians[k - 1]);
    std::printf("%-44s %8.2f %6.1f%% %12.0f\n", names[k], cost, 100 * cost / whole, cost > 0 ? articles / cost : 0.0);
  }
  return 0;
}
