// Ingest throughput of the foundation: clean + segment + store (no later
// stages), for plain-text articles of about 4 KB, in memory and from files.
// Prints articles/s and MB/s per core (median of runs) and peak memory.
//
//   build/ingest_bench [--articles N] [--runs R]
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <vector>

#include <zlib.h>

#include "storyline/engine.h"

namespace {

// Synthetic news-like text: sentences of words drawn with a Zipf-like
// distribution, with names, numbers, quotes and abbreviations so that the
// segmenter meets what it meets in real articles.
std::string make_article(std::mt19937& random, int index) {
  static const std::vector<std::string> words = {
      "the", "of", "and", "to", "in", "a", "said", "on", "that", "for", "with", "was", "government", "minister",
      "agreement", "talks", "officials", "country", "president", "visit", "treaty", "border", "energy", "trade",
      "security", "week", "capital", "foreign", "ministry", "statement", "cooperation", "would", "after", "before",
      "delegation", "signed", "spokesperson", "region", "pipeline", "gas", "billion", "cubic", "metres", "annual",
      "negotiations", "allies", "sanctions", "military", "defence", "economic", "support", "plan", "reported"};
  static const std::vector<std::string> names = {"Mr. Veller", "Anna K. Lind", "the U.S. envoy", "Solvik",
                                                 "Marren", "Dr. Okafor", "Norway", "Chile", "the Coastal Times"};
  std::uniform_int_distribution<size_t> name_pick(0, names.size() - 1);
  std::string text = "Headline number " + std::to_string(index) + " about talks in Solvik\n";
  while (text.size() < 4000) {
    int sentences = 3 + random() % 3;
    for (int s = 0; s < sentences; ++s) {
      int length = 12 + random() % 14;
      std::string sentence;
      for (int w = 0; w < length; ++w) {
        double u = std::generate_canonical<double, 32>(random);
        size_t pick = static_cast<size_t>(words.size() * u * u);
        if (w == 4) sentence += names[name_pick(random)] + " ";
        sentence += words[std::min(pick, words.size() - 1)] + (w + 1 < length ? " " : "");
      }
      sentence[0] = static_cast<char>(std::toupper(sentence[0]));
      if (s == 1) sentence = "\u201c" + sentence + ",\u201d " + names[name_pick(random)] + " said";
      text += sentence + ". ";
    }
    text.back() = '\n';
  }
  return text;
}

double peak_rss_mb() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss / 1024.0;
}

// The real news pages of ../shared/data/extract, when that folder is there.
std::vector<std::string> load_real_pages() {
  std::vector<std::string> pages;
  std::filesystem::path folder = std::filesystem::path(STORYLINE_SOURCE_DIR) / ".." / "shared" / "data" / "extract" / "html";
  if (!std::filesystem::exists(folder)) return pages;
  for (const auto& entry : std::filesystem::directory_iterator(folder)) {
    gzFile file = gzopen(entry.path().c_str(), "rb");
    if (!file) continue;
    std::string page;
    char buffer[1 << 16];
    int n;
    while ((n = gzread(file, buffer, sizeof buffer)) > 0) page.append(buffer, n);
    gzclose(file);
    pages.push_back(std::move(page));
  }
  return pages;
}

double median(std::vector<double> values) {
  std::sort(values.begin(), values.end());
  return values[values.size() / 2];
}

}  // namespace

int main(int argc, char** argv) {
  int articles = 20000, runs = 3;
  for (int i = 1; i + 1 < argc; i += 2) {
    std::string flag = argv[i];
    if (flag == "--articles") articles = std::stoi(argv[i + 1]);
    else if (flag == "--runs") runs = std::stoi(argv[i + 1]);
  }
  std::mt19937 random(42);
  std::vector<std::string> texts;
  size_t bytes = 0;
  for (int i = 0; i < articles; ++i) {
    texts.push_back(make_article(random, i));
    bytes += texts.back().size();
  }
  namespace fs = std::filesystem;
  fs::path dir = fs::temp_directory_path() / "storyline_ingest_bench";
  fs::remove_all(dir);
  fs::create_directories(dir / "files");
  for (int i = 0; i < articles; ++i) std::ofstream(dir / "files" / (std::to_string(i) + ".txt")) << texts[i];

  std::printf("ingest benchmark: %d plain-text articles, %.1f KB each on average, clean + segment + store\n",
              articles, bytes / 1024.0 / articles);
  std::vector<double> memory_rates, file_rates;
  for (int run = 0; run < runs; ++run) {
    for (bool from_files : {false, true}) {
      fs::remove(dir / "bench.db");
      fs::remove(dir / "bench.db-wal");
      fs::remove(dir / "bench.db-shm");
      storyline::EngineOptions options;
      options.db_path = (dir / "bench.db").string();
      options.stages = {"none"};
      auto engine = storyline::Engine::open(options);
      if (!engine) {
        std::fprintf(stderr, "%s\n", engine.status().message().c_str());
        return 1;
      }
      auto start = std::chrono::steady_clock::now();
      storyline::Result<storyline::IngestSummary> summary = storyline::Status::internal("not run");
      if (from_files) {
        summary = (*engine)->ingest({(dir / "files").string()}, storyline::IngestOptions{});
      } else {
        std::vector<storyline::RawDocument> documents(texts.size());
        for (size_t i = 0; i < texts.size(); ++i) {
          documents[i].origin = "bench#" + std::to_string(i);
          documents[i].body = texts[i];
        }
        summary = (*engine)->ingest_documents(std::move(documents), storyline::IngestOptions{});
      }
      double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
      if (!summary || summary->articles_new != static_cast<size_t>(articles)) {
        std::fprintf(stderr, "ingest failed: %s\n", summary ? "wrong count" : summary.status().message().c_str());
        return 1;
      }
      (from_files ? file_rates : memory_rates).push_back(articles / seconds);
    }
  }
  double mb = bytes / 1e6;
  double memory_rate = median(memory_rates), file_rate = median(file_rates);
  std::printf("in memory : %8.0f articles/s  %6.1f MB/s  (median of %d)\n", memory_rate, memory_rate * mb / articles,
              runs);
  std::printf("from files: %8.0f articles/s  %6.1f MB/s  (median of %d)\n", file_rate, file_rate * mb / articles, runs);
  std::printf("target    : 5000 articles/s per core; ratio in memory %.2fx, from files %.2fx\n", memory_rate / 5000,
              file_rate / 5000);

  // Real HTML pages through extraction + clean + segment + store.
  std::vector<std::string> pages = load_real_pages();
  if (!pages.empty()) {
    size_t page_bytes = 0;
    for (const auto& page : pages) page_bytes += page.size();
    std::vector<double> page_rates;
    for (int run = 0; run < runs; ++run) {
      for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(dir / ("pages.db" + std::string(suffix)));
      storyline::EngineOptions options;
      options.db_path = (dir / "pages.db").string();
      options.stages = {"none"};
      auto engine = storyline::Engine::open(options);
      if (!engine) return 1;
      std::vector<storyline::RawDocument> documents(pages.size());
      for (size_t i = 0; i < pages.size(); ++i) {
        documents[i].format = storyline::RawDocument::Format::kHtml;
        documents[i].origin = "page#" + std::to_string(i);
        documents[i].body = pages[i];
      }
      auto start = std::chrono::steady_clock::now();
      auto summary = (*engine)->ingest_documents(std::move(documents), storyline::IngestOptions{});
      double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
      if (!summary) return 1;
      page_rates.push_back(pages.size() / seconds);
    }
    double rate = median(page_rates);
    std::printf("HTML pages: %8.0f pages/s     %6.1f MB/s  (%zu real pages, %.0f KB each on average; median of %d)\n",
                rate, rate * page_bytes / 1e6 / pages.size(), pages.size(), page_bytes / 1024.0 / pages.size(), runs);
    std::printf("target    : 200 HTML pages/s per core; ratio %.2fx\n", rate / 200);
  }
  std::printf("peak RSS  : %.1f MB\n", peak_rss_mb());
  fs::remove_all(dir);
  return 0;
}
