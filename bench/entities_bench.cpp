// Entity recognition, coreference and resolution throughput on real news
// text: the PolNeAR articles in ../shared/data/quotes (read at run time),
// else the demo corpus. Prints, over several rounds, the median of
//   - the per-article part (find names, titles, coreference): articles/s and
//     mentions/s on one core;
//   - the whole engine with only the entities stage on (clean, segment,
//     entities, store), against the same engine with no stage, so the
//     stage's own share shows.
//
//   build/entities_bench [--rounds N]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "core/data_files.h"
#include "entities/coreference.h"
#include "entities/knowledge_base.h"
#include "entities/mention_finder.h"
#include "segment/segmenter.h"
#include "storyline/engine.h"

namespace {

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

double median(std::vector<double> values) {
  std::sort(values.begin(), values.end());
  return values[values.size() / 2];
}

std::vector<std::string> load_texts(const std::string& folder) {
  std::vector<std::string> texts;
  if (!std::filesystem::exists(folder)) return texts;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(folder)) {
    if (entry.path().extension() != ".txt") continue;
    std::ifstream in(entry.path());
    std::stringstream content;
    content << in.rdbuf();
    texts.push_back(content.str());
  }
  std::sort(texts.begin(), texts.end());
  return texts;
}

// Ingests `texts` as plain-text documents into a fresh in-memory store with
// the given stages; returns articles per second.
double engine_rate(const std::vector<std::string>& texts, std::vector<std::string> stages) {
  storyline::EngineOptions options;
  options.db_path = ":memory:";
  options.stages = std::move(stages);
  auto engine = storyline::Engine::open(options);
  if (!engine) return 0;
  std::vector<storyline::RawDocument> documents;
  for (size_t i = 0; i < texts.size(); ++i) {
    storyline::RawDocument document;
    document.origin = "bench#" + std::to_string(i);
    document.body = texts[i];
    documents.push_back(std::move(document));
  }
  auto start = std::chrono::steady_clock::now();
  auto summary = (*engine)->ingest_documents(std::move(documents), {});
  double elapsed = seconds_since(start);
  return summary ? summary->articles_new / elapsed : 0;
}

}  // namespace

int main(int argc, char** argv) {
  int rounds = 5;
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    if (arg == "--rounds" && i + 1 < argc) rounds = std::max(1, std::atoi(argv[++i]));
    else {
      std::fprintf(stderr, "usage: entities_bench [--rounds N]\n");
      return 2;
    }
  }
  std::string corpus = std::string(STORYLINE_SOURCE_DIR) + "/../shared/data/quotes";
  auto texts = load_texts(corpus);
  if (texts.empty()) {
    corpus = std::string(STORYLINE_SOURCE_DIR) + "/examples";
    texts = load_texts(corpus);
  }
  auto kb = storyline::entities::KnowledgeBase::load(storyline::core::data_dir());
  auto segmenter = storyline::segment::Segmenter::create(storyline::core::data_dir());
  if (!kb || !segmenter) {
    std::fprintf(stderr, "entities_bench: cannot load the data folder\n");
    return 3;
  }
  std::vector<storyline::Article> articles;
  size_t bytes = 0;
  for (const auto& text : texts) {
    storyline::Article article;
    article.text = text;
    segmenter->segment(article);
    bytes += text.size();
    articles.push_back(std::move(article));
  }
  std::printf("corpus: %s (%zu articles, %.1f MB)\n", corpus.c_str(), articles.size(), bytes / 1e6);

  storyline::entities::MentionFinder finder(*kb);
  std::vector<double> article_rates, mention_rates;
  for (int round = 0; round < rounds; ++round) {
    size_t mentions = 0;
    auto start = std::chrono::steady_clock::now();
    for (const auto& article : articles) {
      auto linked = storyline::entities::link_mentions(finder.find(article), **kb, "");
      mentions += linked.mentions.size();
    }
    double elapsed = seconds_since(start);
    article_rates.push_back(articles.size() / elapsed);
    mention_rates.push_back(mentions / elapsed);
  }
  std::printf("names, titles, coreference (per article, one core): median %.0f articles/s, %.0f mentions/s\n",
              median(article_rates), median(mention_rates));

  std::vector<double> with_entities, without;
  for (int round = 0; round < std::min(rounds, 3); ++round) {
    without.push_back(engine_rate(texts, {"none"}));
    with_entities.push_back(engine_rate(texts, {"entities"}));
  }
  std::printf("engine, clean+segment+store only:       median %.0f articles/s\n", median(without));
  std::printf("engine, with the entities stage:        median %.0f articles/s (%.2fx the time)\n",
              median(with_entities), median(without) / median(with_entities));
  return 0;
}
