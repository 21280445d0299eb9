// Dates and quotes throughput on real news text: the PolNeAR articles of
// ../shared/data/quotes (train and dev, read and segmented once, untimed),
// each run through the date finder sentence by sentence and through the
// quote finder article by article, on one thread, repeated until a few
// seconds have passed. Prints sentences/s for dates, for quotes, and for
// both together (one core).
//
//   build/quotes_bench [--shared DIR] [--seconds N]
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

#include "core/data_files.h"
#include "dates/time_expressions.h"
#include "quotes/quote_finder.h"
#include "segment/segmenter.h"

namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

}  // namespace

int main(int argc, char** argv) {
  std::string shared = std::string(STORYLINE_SOURCE_DIR) + "/../shared";
  double budget = 3;
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    if (arg == "--shared" && i + 1 < argc) shared = argv[++i];
    else if (arg == "--seconds" && i + 1 < argc) budget = std::stod(argv[++i]);
    else {
      std::fprintf(stderr, "usage: quotes_bench [--shared DIR] [--seconds N]\n");
      return 2;
    }
  }
  auto segmenter = storyline::segment::Segmenter::create(storyline::core::data_dir());
  auto finder = storyline::quotes::QuoteFinder::create(storyline::core::data_dir());
  if (!segmenter || !finder) return 1;
  std::vector<storyline::Article> articles;
  size_t sentences = 0, bytes = 0;
  for (const char* split : {"train", "dev"}) {
    std::string folder = shared + "/data/quotes/" + split + "/text";
    if (!fs::exists(folder)) continue;
    for (const auto& entry : fs::directory_iterator(folder)) {
      storyline::Article article;
      if (!storyline::core::read_file(entry.path().string(), article.text).is_ok()) continue;
      article.published = "2016-10-01";
      segmenter->segment(article);
      sentences += article.sentences.size();
      bytes += article.text.size();
      articles.push_back(std::move(article));
    }
  }
  if (articles.empty()) {
    std::fprintf(stderr, "quotes_bench: no texts under %s/data/quotes\n", shared.c_str());
    return 1;
  }
  std::printf("corpus: %zu articles, %zu sentences, %.1f MB\n", articles.size(), sentences, bytes / 1e6);

  size_t found = 0;
  auto run_dates = [&] {
    for (const auto& a : articles)
      for (const auto& s : a.sentences) found += storyline::dates::find_time_expressions(a.text, s, a.published).size();
  };
  auto run_quotes = [&] {
    for (const auto& a : articles) found += finder->find(a).size();
  };
  auto measure = [&](const char* what, auto&& body) {
    body();  // warm up: word lists loaded, caches filled
    size_t rounds = 0;
    auto start = Clock::now();
    while (rounds == 0 || seconds_since(start) < budget / 3) body(), ++rounds;
    double rate = rounds * sentences / seconds_since(start);
    std::printf("%-16s %10.0f sentences/s  (%zu rounds)\n", what, rate, rounds);
  };
  measure("dates", run_dates);
  measure("quotes", run_quotes);
  measure("dates + quotes", [&] { run_dates(), run_quotes(); });
  std::printf("(%zu expressions and quotes found, printed so the work is not optimised away)\n", found);
  return 0;
}
