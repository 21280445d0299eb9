// Copies + stories throughput over a growing store: 100,000 generated
// articles (about 2,000 events, each told by several outlets over a few days,
// with syndicated copies), fed in time order through the stories stage's
// indexes. Prints articles/s for each slice (0–10k, 10k–50k, 50k–100k): flat
// figures mean the cost per article does not grow with the store. Then the
// whole stage (SQLite included) on 20,000 articles through the engine, and
// memory per indexed article.
//
//   build/stories_bench [--articles N]
#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <random>
#include <string>
#include <vector>

#include "core/data_files.h"
#include "stories/story_index.h"
#include "storyline/engine.h"

namespace {

struct Generator {
  std::mt19937 random{11};
  std::vector<std::string> vocabulary;
  Generator() {
    // A Zipf-like vocabulary of made-up words: frequent function-like words
    // and a long tail of rare names, as in news.
    const char* syllables[] = {"ka", "lo", "mi", "ren", "ta", "vo", "sel", "dan", "ri", "mar", "ost", "bel", "nu", "pra"};
    for (int i = 0; i < 20000; ++i) {
      std::string word;
      int n = 2 + i % 3;
      for (int k = 0; k < n; ++k) word += syllables[(i * 7 + k * 13 + i / 14) % 14];
      word += std::to_string(i % 97);
      vocabulary.push_back(word);
    }
  }
  std::string word() {
    double u = std::generate_canonical<double, 32>(random);
    return vocabulary[static_cast<size_t>(u * u * u * vocabulary.size()) % vocabulary.size()];
  }
  // An event: its own rare words, reused by every article about it.
  std::vector<std::string> event_words() {
    std::vector<std::string> words;
    for (int i = 0; i < 12; ++i) words.push_back(vocabulary[random() % vocabulary.size()]);
    return words;
  }
  std::string article(const std::vector<std::string>& event, int sentences) {
    std::string text;
    for (int s = 0; s < sentences; ++s) {
      for (int w = 0; w < 18; ++w) text += (w % 4 == 0 ? event[random() % event.size()] : word()) + " ";
      text += ".\n";
    }
    return text;
  }
};

double peak_rss_mb() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss / 1024.0;
}

}  // namespace

int main(int argc, char** argv) {
  size_t total = 100000;
  for (int i = 1; i + 1 < argc; i += 2)
    if (std::string(argv[i]) == "--articles") total = std::stoul(argv[i + 1]);
  auto extractor = storyline::stories::FeatureExtractor::load(storyline::core::data_dir());
  if (!extractor) return 1;
  Generator generator;

  // Pre-generate articles: ~50 per event, over 2 days per event, events
  // spread over time so that about 40 run at once.
  struct Item {
    storyline::Article article;
    int64_t day;
  };
  std::vector<Item> items;
  items.reserve(total);
  std::vector<std::vector<std::string>> active;
  std::vector<std::string> last_text;
  for (size_t i = 0; i < total; ++i) {
    if (i % 50 == 0) {
      active.push_back(generator.event_words());
      if (active.size() > 40) active.erase(active.begin());
    }
    const auto& event = active[generator.random() % active.size()];
    storyline::Article article;
    article.title = event[0] + " " + generator.word() + " " + event[1];
    // One article in ten is a syndicated copy of the previous one.
    article.text = (i % 10 == 9 && !last_text.empty()) ? last_text.back() : generator.article(event, 12);
    last_text = {article.text};
    items.push_back({std::move(article), 20000 + static_cast<int64_t>(i / 500)});
  }

  storyline::stories::StoryIndex index;
  std::printf("stories benchmark: %zu generated articles (~%zu words each), copies + story assignment\n", total,
              items.empty() ? 0 : storyline::stories::kSignatureSize * 0 + 12 * 19);
  std::vector<size_t> marks = {10000, 50000, 100000};
  size_t done = 0;
  auto slice_start = std::chrono::steady_clock::now();
  double extract_seconds = 0;
  size_t slice_begin = 0;
  for (size_t mark : marks) {
    if (mark > total) break;
    for (; done < mark; ++done) {
      auto t0 = std::chrono::steady_clock::now();
      auto features = extractor->extract(items[done].article);
      extract_seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
      index.add(static_cast<int64_t>(done + 1), items[done].day, features);
    }
    double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - slice_start).count();
    std::printf("  articles %6zu–%6zu: %8.0f articles/s (features %.0f%% of the time), index %.0f bytes/article\n",
                slice_begin, mark, (mark - slice_begin) / seconds, 100 * extract_seconds / seconds,
                static_cast<double>(index.memory_bytes()) / index.size());
    slice_begin = mark;
    slice_start = std::chrono::steady_clock::now();
    extract_seconds = 0;
  }

  // The whole stage through the engine, with SQLite, on fewer articles.
  size_t engine_articles = std::min<size_t>(20000, total);
  storyline::EngineOptions options;
  options.db_path = ":memory:";
  options.stages = {"stories"};
  auto engine = storyline::Engine::open(options);
  if (!engine) return 1;
  std::vector<storyline::RawDocument> documents(engine_articles);
  for (size_t i = 0; i < engine_articles; ++i) {
    documents[i].origin = "bench#" + std::to_string(i);
    documents[i].title = items[i].article.title;
    documents[i].body = items[i].article.text + " item " + std::to_string(i);  // distinct ids
  }
  auto start = std::chrono::steady_clock::now();
  auto summary = (*engine)->ingest_documents(std::move(documents), storyline::IngestOptions{});
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  if (!summary) return 1;
  std::printf("engine, clean + segment + store + stories: %.0f articles/s on %zu articles\n",
              engine_articles / seconds, engine_articles);
  std::printf("target: 2000 articles/s per core for copies + stories; peak RSS %.0f MB\n", peak_rss_mb());
  return 0;
}
