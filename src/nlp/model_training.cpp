#include "nlp/model_training.h"

#include <chrono>
#include <cstdio>
#include <filesystem>

#include "nlp/parser_training.h"
#include "nlp/recognizer_training.h"
#include "nlp/tagger_training.h"

namespace storyline::nlp {

namespace {

std::string figure(double value) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.4f", value);
  return buffer;
}

std::string base_name(const std::string& path) { return std::filesystem::path(path).filename().string(); }

std::vector<std::pair<std::string, std::string>> header(const ModelTrainingRequest& request, size_t sentences,
                                                        const std::string& dev_figures, double seconds,
                                                        const std::string& licence) {
  const TrainingOptions& o = request.options;
  return {{"trained-on", base_name(request.train_path) + " (" + std::to_string(sentences) + " sentences)"},
          {"scored-on", base_name(request.dev_path)},
          {"options", "epochs=" + std::to_string(o.epochs) + " seed=" + std::to_string(o.seed) +
                          " min-weight=" + figure(o.min_weight) + " jackknife=" + std::to_string(o.jackknife_folds) +
                          " explore-from=" + std::to_string(o.explore_from_epoch) +
                          " explore=" + figure(o.explore_probability)},
          {"dev", dev_figures},
          {"training-seconds", std::to_string(static_cast<long>(seconds))},
          {"command", request.command},
          {"licence", licence}};
}

constexpr const char* kEwtLicence =
    "CC BY-SA 4.0, derived from UD English-EWT v2.16 (Universal Dependencies English Web Treebank; "
    "Silveira et al. 2014 and the UD contributors)";
constexpr const char* kUnerLicence =
    "CC BY-SA 4.0, derived from Universal NER v1 English-EWT (Mayhew et al. 2024) and UD English-EWT v2.16";

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace

Result<std::string> train_tagger_model(const ModelTrainingRequest& request) {
  const auto start = std::chrono::steady_clock::now();
  auto train = read_conllu(request.train_path);
  if (!train) return train.status();
  auto dev = read_conllu(request.dev_path);
  if (!dev) return dev.status();
  auto tagger = train_tagger(*train, *dev, request.options);
  if (!tagger) return tagger.status();
  size_t right = 0, total = 0;
  std::vector<WordInfo> words;
  std::vector<Upos> tags;
  for (const ConlluSentence& s : *dev) {
    describe_words(word_forms(s), words);
    tagger->tag(words, tags);
    for (size_t i = 0; i < tags.size(); ++i) right += upos_name(tags[i]) == s.words[i].upos;
    total += tags.size();
  }
  const std::string figures = "UPOS " + figure(total ? static_cast<double>(right) / static_cast<double>(total) : 0);
  if (Status status = tagger->save(request.out_path, header(request, train->size(), figures, seconds_since(start), kEwtLicence));
      !status.is_ok())
    return status;
  return figures;
}

Result<std::string> train_parser_model(const ModelTrainingRequest& request) {
  const auto start = std::chrono::steady_clock::now();
  auto train = read_conllu(request.train_path);
  if (!train) return train.status();
  auto dev = read_conllu(request.dev_path);
  if (!dev) return dev.status();
  auto tagger = Tagger::load(request.tagger_path);
  if (!tagger) return tagger.status();
  auto parser = train_parser(*train, *dev, *tagger, request.options);
  if (!parser) return parser.status();
  const AttachmentScores scores = score_parser(*parser, *tagger, *dev);
  const std::string figures = "UAS " + figure(scores.uas()) + " LAS " + figure(scores.las()) + " (predicted tags)";
  if (Status status = parser->save(request.out_path, header(request, train->size(), figures, seconds_since(start), kEwtLicence));
      !status.is_ok())
    return status;
  return figures;
}

Result<std::string> train_recognizer_model(const ModelTrainingRequest& request) {
  const auto start = std::chrono::steady_clock::now();
  if (!request.gazetteer) return Status::invalid_input("the recognizer needs a gazetteer");
  auto train = read_iob2(request.train_path);
  if (!train) return train.status();
  auto dev = read_iob2(request.dev_path);
  if (!dev) return dev.status();
  auto tagger = Tagger::load(request.tagger_path);
  if (!tagger) return tagger.status();
  std::vector<ConlluSentence> ewt_train;
  if (request.options.jackknife_folds > 1) {
    auto ewt = read_conllu(request.ewt_train_path);
    if (!ewt) return ewt.status();
    ewt_train = std::move(*ewt);
  }
  auto recognizer = train_recognizer(*train, *dev, ewt_train, *tagger, *request.gazetteer, request.options);
  if (!recognizer) return recognizer.status();
  auto examples = recognizer_examples(*dev, recognizer->types(), *tagger, FoldTaggers{}, *request.gazetteer);
  if (!examples) return examples.status();
  const EntityScores scores = score_recognizer(*recognizer, *examples);
  const std::string figures = "entity P " + figure(scores.precision()) + " R " + figure(scores.recall()) + " F1 " +
                              figure(scores.f1());
  if (Status status = recognizer->save(request.out_path,
                                       header(request, train->size(), figures, seconds_since(start), kUnerLicence));
      !status.is_ok())
    return status;
  return figures;
}

}  // namespace storyline::nlp
