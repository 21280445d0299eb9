// Event stage throughput in sentences per second on one core.
//
// Corpus: the news texts of ../shared/seeds and examples/*.txt, segmented,
// with actor mentions tagged from the Phoenix country actor and agent
// dictionaries (../shared/data/events/petrarch2; without them, only the
// coder's generic actor nouns). The corpus is coded repeatedly for at least
// two seconds per figure:
//   1. coding (EventCoder::code_article, mentions given);
//   2. the whole stage: coding in analyze() and merging into the store in
//      add_batch() (SQLite in memory, one batch per pass);
//   3. for reference, segmentation + dictionary tagging + coding.
//
//   build/events_bench [--shared DIR] [--seconds S]
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <string>
#include <vector>

#include "core/data_files.h"
#include "events/event_coder.h"
#include "events/events_stage.h"
#include "events/petrarch_dictionaries.h"
#include "segment/segmenter.h"
#include "store/database.h"

using namespace storyline;
using Clock = std::chrono::steady_clock;

int main(int argc, char** argv) {
  std::string shared = std::string(STORYLINE_SOURCE_DIR) + "/../shared";
  double seconds = 2;
  for (int i = 1; i < argc; ++i) {
    if (!std::strcmp(argv[i], "--shared") && i + 1 < argc) shared = argv[++i];
    else if (!std::strcmp(argv[i], "--seconds") && i + 1 < argc) seconds = std::atof(argv[++i]);
    else {
      std::fprintf(stderr, "usage: events_bench [--shared DIR] [--seconds S]\n");
      return 2;
    }
  }
  std::vector<std::string> paths;
  for (const std::string& dir : {shared + "/seeds", std::string(STORYLINE_SOURCE_DIR) + "/examples"}) {
    std::error_code error;
    for (const auto& entry : std::filesystem::directory_iterator(dir, error))
      if (entry.path().extension() == ".txt") paths.push_back(entry.path().string());
  }
  auto segmenter = segment::Segmenter::create(core::data_dir());
  if (!segmenter) {
    std::fprintf(stderr, "events_bench: %s\n", segmenter.status().message().c_str());
    return 1;
  }
  events::ActorDictionary actors;
  events::AgentDictionary agents;
  std::vector<std::string> warnings;  // typos in the dictionaries: skipped entries
  bool dictionaries =
      actors.add_file(shared + "/data/events/petrarch2/Phoenix.Countries.actors.txt", &warnings).is_ok() &&
      agents.add_file(shared + "/data/events/petrarch2/Phoenix.agents.txt", &warnings).is_ok();
  std::vector<Article> corpus;
  size_t sentences = 0;
  for (const std::string& path : paths) {
    Article article;
    if (!core::read_file(path, article.text).is_ok()) continue;
    article.id = path;
    article.published = "2026-03-03";
    segmenter->segment(article);
    if (dictionaries) article.mentions = events::tag_dictionary_actors(article, actors, agents, 20260303);
    sentences += article.sentences.size();
    corpus.push_back(std::move(article));
  }
  if (corpus.empty()) {
    std::fprintf(stderr, "events_bench: no texts found\n");
    return 1;
  }
  auto lexicon = events::VerbLexicon::load(core::data_path("events/verb_patterns.txt"));
  auto nouns = events::AgentNouns::load(core::data_path("events/agent_nouns.tsv"));
  if (!lexicon || !nouns) {
    std::fprintf(stderr, "events_bench: lexicon not loaded\n");
    return 1;
  }
  std::printf("corpus: %zu texts, %zu sentences, mentions from dictionaries: %s\n", corpus.size(), sentences,
              dictionaries ? "yes" : "no");

  // 1. The coder alone.
  events::EventCoder coder(*lexicon, &*nouns);
  size_t coded = 0, found = 0;
  auto start = Clock::now();
  double elapsed = 0;
  while (elapsed < seconds) {
    for (const Article& article : corpus) found += coder.code_article(article).size();
    coded += sentences;
    elapsed = std::chrono::duration<double>(Clock::now() - start).count();
  }
  std::printf("coding:                          %10.0f sentences/s  (%zu events per pass)\n", coded / elapsed,
              found * sentences / coded);

  // 2. The whole stage, with its store.
  auto stage = events::EventsStage::create(core::data_dir());
  auto db = store::Database::open(":memory:");
  if (!stage || !db) {
    std::fprintf(stderr, "events_bench: stage or store not opened\n");
    return 1;
  }
  // The tables the stage reads besides its own (owned by the articles and
  // stories components), reduced to the columns it uses.
  Status status = db->execute(
      "CREATE TABLE articles (row INTEGER PRIMARY KEY, id TEXT, source TEXT, source_domain TEXT, url TEXT,"
      " origin TEXT, published TEXT, text TEXT);"
      "CREATE TABLE story_members (article_row INTEGER PRIMARY KEY, story_id INTEGER);"
      "CREATE TABLE article_relations (type TEXT, from_row INTEGER, to_row INTEGER);");
  for (const auto& migration : (*stage)->migrations())
    if (status.is_ok()) status = db->execute(migration.sql);
  if (!status.is_ok()) {
    std::fprintf(stderr, "events_bench: %s\n", status.message().c_str());
    return 1;
  }
  size_t staged = 0;
  int64_t row = 0;
  start = Clock::now();
  elapsed = 0;
  while (elapsed < seconds && status.is_ok()) {
    std::vector<Article> batch = corpus;
    status = db->execute("BEGIN");
    for (Article& article : batch) {
      article.store_row = ++row;
      auto insert = db->prepare("INSERT INTO articles(row, id, source, origin, published, text) VALUES (?1, ?2, ?3, ?2, ?4, ?5)");
      if (insert) status = insert->bind(1, row).bind(2, article.id + "#" + std::to_string(row)).bind(3, article.id)
                               .bind(4, article.published).bind(5, article.text).run();
      auto member = db->prepare("INSERT INTO story_members(article_row, story_id) VALUES (?1, ?2)");
      if (member && status.is_ok()) status = member->bind(1, row).bind(2, row / 50 + 1).run();
      (*stage)->analyze(article);
    }
    if (status.is_ok()) status = (*stage)->add_batch(*db, batch);
    if (status.is_ok()) status = db->execute("COMMIT");
    staged += sentences;
    elapsed = std::chrono::duration<double>(Clock::now() - start).count();
  }
  if (!status.is_ok()) {
    std::fprintf(stderr, "events_bench: %s\n", status.message().c_str());
    return 1;
  }
  std::printf("whole stage (analyze + add_batch): %8.0f sentences/s  (%lld articles stored)\n", staged / elapsed,
              static_cast<long long>(row));

  // 3. With segmentation and dictionary tagging.
  size_t full = 0;
  start = Clock::now();
  elapsed = 0;
  while (elapsed < seconds) {
    for (const Article& source : corpus) {
      Article article;
      article.text = source.text;
      segmenter->segment(article);
      if (dictionaries) article.mentions = events::tag_dictionary_actors(article, actors, agents, 20260303);
      found += coder.code_article(article).size();
      full += article.sentences.size();
    }
    elapsed = std::chrono::duration<double>(Clock::now() - start).count();
  }
  std::printf("segment + tag + code:            %10.0f sentences/s\n", full / elapsed);
  return 0;
}
