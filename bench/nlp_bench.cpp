// The linguistic core's speed on real news sentences: the PolNeAR training
// articles (../shared/data/quotes/train/text, 840 articles from 2015-16),
// cut into sentences by our segmenter and into words by our tokeniser, then
// tagged and parsed, and run through the recogniser; and the whole
// annotation step as the engine runs it (nlp/annotator.h). Prints sentences
// per second per core (CPU time of this process, one thread) as medians of
// --runs runs, the models' load time and peak memory.
//
// Targets (issue #16): tag + parse >= 5,000 sentences/s, NER >= 20,000,
// load <= 0.3 s, <= 300 MB.
//
//   build/nlp_bench [--shared DIR] [--runs R]
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <functional>
#include <string>
#include <vector>

#include "core/data_files.h"
#include "entities/kb_gazetteer.h"
#include "nlp/annotator.h"
#include "segment/segmenter.h"

namespace {

using namespace storyline;
namespace fs = std::filesystem;

double cpu_seconds() {
  timespec t{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) * 1e-9;
}

double peak_rss_mb() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<double>(usage.ru_maxrss) / 1024.0;
}

double median(std::vector<double> values) {
  std::sort(values.begin(), values.end());
  return values.empty() ? 0 : values[values.size() / 2];
}

[[noreturn]] void fail(const std::string& message) {
  std::fprintf(stderr, "nlp_bench: %s\n", message.c_str());
  std::exit(1);
}

template <typename T>
T must(Result<T> result) {
  if (!result) fail(result.status().message());
  return std::move(*result);
}

// The articles as the engine would see them before annotation: text (the
// file without its headline line), language, segmented.
std::vector<Article> load_articles(const fs::path& folder, segment::Segmenter& segmenter) {
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(folder))
    if (entry.path().extension() == ".txt") files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  std::vector<Article> articles;
  for (const fs::path& file : files) {
    std::ifstream in(file, std::ios::binary);
    std::string body((std::istreambuf_iterator<char>(in)), {});
    Article article;
    const size_t newline = body.find('\n');
    article.text = newline == std::string::npos ? body : body.substr(newline + 1);
    article.language = "en";
    segmenter.segment(article);
    articles.push_back(std::move(article));
  }
  return articles;
}

// One sentence, tokenised once, with what each step reads.
struct Sentence {
  const Article* article = nullptr;
  std::vector<Span> spans;
  std::vector<nlp::WordInfo> infos;
  std::vector<Upos> tags;
};

// Median CPU seconds of `runs` calls of `work`.
double timed(int runs, const std::function<void()>& work) {
  std::vector<double> times;
  for (int r = 0; r < runs; ++r) {
    const double start = cpu_seconds();
    work();
    times.push_back(cpu_seconds() - start);
  }
  return median(times);
}

}  // namespace

int main(int argc, char** argv) {
  fs::path shared = fs::path(STORYLINE_SOURCE_DIR) / ".." / "shared";
  int runs = 5;
  for (int i = 1; i < argc; ++i) {
    if (!std::strcmp(argv[i], "--shared") && i + 1 < argc) shared = argv[++i];
    else if (!std::strcmp(argv[i], "--runs") && i + 1 < argc) runs = std::max(1, std::atoi(argv[++i]));
    else fail("usage: nlp_bench [--shared DIR] [--runs R]");
  }
  const fs::path folder = shared / "data" / "quotes" / "train" / "text";
  if (!fs::exists(folder)) {
    std::printf("nlp_bench: no PolNeAR articles under %s: skipped\n", folder.c_str());
    return 0;
  }
  const std::string data_dir = core::data_dir();

  // Load times: the models (with the tokeniser's table), and apart from
  // them the knowledge base, which the engine loads for the entities stage
  // anyway and the recogniser reads as its gazetteer.
  std::shared_ptr<entities::KnowledgeBase> kb;
  const double kb_load = timed(runs, [&] { kb = must(entities::KnowledgeBase::load(data_dir)); });
  auto gazetteer = std::make_shared<entities::KbGazetteer>(kb);
  std::vector<double> load_wall;
  std::unique_ptr<nlp::Annotator> annotator;
  const double model_load = timed(runs, [&] {
    const auto wall_start = std::chrono::steady_clock::now();
    annotator = std::make_unique<nlp::Annotator>(must(nlp::Annotator::load(data_dir + "/models", data_dir, gazetteer)));
    load_wall.push_back(std::chrono::duration<double>(std::chrono::steady_clock::now() - wall_start).count());
  });

  segment::Segmenter segmenter = must(segment::Segmenter::create(data_dir));
  std::vector<Article> articles = load_articles(folder, segmenter);
  const segment::Tokenizer tokenizer = must(segment::Tokenizer::create(data_dir));
  std::vector<Sentence> sentences;
  size_t words = 0;
  for (const Article& article : articles) {
    for (const Span& span : article.sentences) {
      Sentence s;
      s.article = &article;
      tokenizer.tokenize(article.text, span, s.spans);
      if (s.spans.empty()) continue;
      std::vector<std::string_view> forms;
      for (const Span& w : s.spans) forms.push_back(slice(article.text, w));
      nlp::describe_words(forms, s.infos);
      annotator->tagger().tag(s.infos, s.tags);
      words += s.spans.size();
      sentences.push_back(std::move(s));
    }
  }
  const double n = static_cast<double>(sentences.size());

  std::vector<Span> spans;
  const double tokenize = timed(runs, [&] {
    for (const Article& article : articles)
      for (const Span& span : article.sentences) spans.clear(), tokenizer.tokenize(article.text, span, spans);
  });
  std::vector<nlp::WordInfo> infos;
  std::vector<Upos> tags;
  nlp::ParseResult parse;
  const double tag_parse = timed(runs, [&] {
    for (const Sentence& s : sentences) {
      std::vector<std::string_view> forms;
      for (const Span& w : s.spans) forms.push_back(slice(s.article->text, w));
      nlp::describe_words(forms, infos);
      annotator->tagger().tag(infos, tags);
      annotator->parser().parse({&infos, &tags}, parse);
    }
  });
  const double tag_only = timed(runs, [&] {
    for (const Sentence& s : sentences) annotator->tagger().tag(s.infos, tags);
  });
  const double parse_only = timed(runs, [&] {
    for (const Sentence& s : sentences) annotator->parser().parse({&s.infos, &s.tags}, parse);
  });
  std::vector<uint32_t> classes;
  std::vector<nlp::GazetteerMark> marks;
  std::vector<nlp::RecognizedEntity> entities;
  size_t names = 0;
  const double ner = timed(runs, [&] {
    names = 0;
    for (const Sentence& s : sentences) {
      nlp::ambiguity_classes(annotator->tagger().lexicon(), s.infos, classes);
      nlp::mark_words(*gazetteer, s.article->text, s.spans, marks);
      annotator->recognizer().recognize({&s.infos, &s.tags, &classes, &marks}, entities);
      names += entities.size();
    }
  });
  const double gazetteer_only = timed(runs, [&] {
    for (const Sentence& s : sentences) nlp::mark_words(*gazetteer, s.article->text, s.spans, marks);
  });
  std::vector<Article> copies = articles;
  const double whole = timed(runs, [&] {
    for (Article& article : copies) annotator->annotate(article);
  });

  std::printf("nlp_bench: %zu PolNeAR train articles, %zu sentences, %zu words; median of %d runs, CPU time, one thread\n",
              articles.size(), sentences.size(), words, runs);
  std::printf("%-52s %12s %12s %10s\n", "step", "sentences/s", "words/s", "target");
  auto row = [&](const char* name, double seconds, const char* target) {
    std::printf("%-52s %12.0f %12.0f %10s\n", name, n / seconds, static_cast<double>(words) / seconds, target);
  };
  row("tokenise (segment/tokenizer)", tokenize, "");
  row("tag + parse (word features, tagger, parser)", tag_parse, ">= 5000");
  row("  tagger alone", tag_only, "");
  row("  parser alone", parse_only, "");
  row("NER (classes, gazetteer marks, recogniser)", ner, ">= 20000");
  row("  gazetteer marks alone", gazetteer_only, "");
  row("whole annotation (Annotator::annotate: all of it + lemmas)", whole, "");
  std::printf("names found: %zu\n", names);
  std::printf("model load (tagger, parser, recogniser, tokeniser): %.3f s CPU, %.3f s wall (target <= 0.3 s)\n",
              model_load, median(load_wall));
  std::printf("knowledge base load (shared with the entities stage): %.3f s CPU\n", kb_load);
  std::printf("peak RSS: %.0f MB (target <= 300 MB)\n", peak_rss_mb());
  return 0;
}
