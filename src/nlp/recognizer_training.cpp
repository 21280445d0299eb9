// Training the recogniser (recognizer_training.h): greedy left to right
// with the well-formedness constraints of decoding, the tags before each
// word the predicted ones, an update on every mistake.
#include "nlp/recognizer_training.h"

#include <chrono>

#include "nlp/perceptron.h"

namespace storyline::nlp {

bool bilou_from_iob(const std::vector<std::string>& iob, const std::vector<EntityType>& types, std::vector<int>& out,
                    size_t& bad_word) {
  out.assign(iob.size(), 0);
  auto type_index = [&](std::string_view name) -> int {
    EntityType type;
    if (!ner_type_from_name(name, type)) return -1;
    for (size_t t = 0; t < types.size(); ++t) {
      if (types[t] == type) return static_cast<int>(t);
    }
    return -1;
  };
  for (size_t i = 0; i < iob.size(); ++i) {
    if (iob[i] == "O") continue;
    const int t = type_index(std::string_view(iob[i]).substr(2));
    if (t < 0) {
      bad_word = i;
      return false;
    }
    const bool begins = iob[i][0] == 'B' || i == 0 || iob[i - 1] == "O" || iob[i - 1].substr(2) != iob[i].substr(2);
    const bool continues = i + 1 < iob.size() && iob[i + 1][0] == 'I' && iob[i + 1].substr(2) == iob[i].substr(2);
    const int part = begins ? (continues ? 1 : 4) : (continues ? 2 : 3);
    out[i] = 1 + 4 * t + (part - 1);
  }
  return true;
}

Result<std::vector<RecognizerExample>> recognizer_examples(const std::vector<IobSentence>& sentences,
                                                           const std::vector<EntityType>& types,
                                                           const Tagger& tagger, const FoldTaggers& taggers,
                                                           const Gazetteer& gazetteer) {
  std::vector<RecognizerExample> examples;
  examples.reserve(sentences.size());
  for (const IobSentence& s : sentences) {
    RecognizerExample e;
    std::vector<std::string_view> forms(s.words.begin(), s.words.end());
    describe_words(forms, e.words);
    const Tagger& own = taggers.taggers.empty() ? tagger : taggers.for_sentence(s.sent_id);
    own.tag(e.words, e.tags);
    ambiguity_classes(own.lexicon(), e.words, e.classes);
    // The knowledge base reads names as written: in the sentence's text
    // when the file gives it, else in the words joined by spaces.
    std::string joined;
    std::string_view text = s.text;
    std::vector<Span> spans = locate_words(text, s.words);
    bool located = !text.empty();
    for (const Span& span : spans) located &= !span.empty();
    if (!located) {
      spans.clear();
      for (const std::string& w : s.words) {
        if (!joined.empty()) joined += ' ';
        spans.push_back({static_cast<uint32_t>(joined.size()), static_cast<uint32_t>(joined.size() + w.size())});
        joined += w;
      }
      text = joined;
    }
    mark_words(gazetteer, text, spans, e.marks);
    size_t bad = 0;
    if (!bilou_from_iob(s.tags, types, e.gold, bad))
      return Status::invalid_input("sentence " + s.sent_id + ", word " + std::to_string(bad + 1) + ": entity type of '" +
                                   s.tags[bad] + "' is not one the recognizer learns");
    examples.push_back(std::move(e));
  }
  return examples;
}

EntityScores score_recognizer(const Recognizer& recognizer, const std::vector<RecognizerExample>& examples) {
  EntityScores scores;
  std::vector<RecognizedEntity> system, gold;
  for (const RecognizerExample& e : examples) {
    recognizer.recognize(e.input(), system);
    bilou_entities(e.gold, recognizer.types(), gold);
    scores.system += system.size();
    scores.gold += gold.size();
    for (const RecognizedEntity& s : system) {
      for (const RecognizedEntity& g : gold) {
        scores.right += s.first == g.first && s.last == g.last && s.type == g.type;
      }
    }
  }
  return scores;
}

Result<Recognizer> train_recognizer(const std::vector<IobSentence>& train, const std::vector<IobSentence>& dev,
                                    const std::vector<ConlluSentence>& ewt_train, const Tagger& tagger,
                                    const Gazetteer& gazetteer, const TrainingOptions& options) {
  const std::vector<EntityType> types = {EntityType::kPerson, EntityType::kOrganization, EntityType::kPlace};
  FoldTaggers fold_taggers;
  if (options.jackknife_folds > 1) {
    auto taggers = train_fold_taggers(ewt_train, options.jackknife_folds, options);
    if (!taggers) return taggers.status();
    fold_taggers = std::move(*taggers);
  }
  auto examples = recognizer_examples(train, types, tagger, fold_taggers, gazetteer);
  if (!examples) return examples.status();
  auto dev_examples = recognizer_examples(dev, types, tagger, FoldTaggers{}, gazetteer);
  if (!dev_examples) return dev_examples.status();

  const int classes = bilou_count(static_cast<int>(types.size()));
  PerceptronTrainer trainer(classes);
  std::vector<size_t> order(examples->size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::vector<uint64_t> features;
  std::vector<float> scores(static_cast<size_t>(classes));
  for (int epoch = 1; epoch <= options.epochs; ++epoch) {
    const auto started = std::chrono::steady_clock::now();
    deterministic_shuffle(order, options.seed + static_cast<uint64_t>(epoch));
    size_t mistakes = 0, words = 0;
    for (size_t index : order) {
      const RecognizerExample& e = (*examples)[index];
      const RecognizerInput input = e.input();
      int previous = -1, before_previous = -1;
      for (size_t i = 0; i < e.words.size(); ++i) {
        recognizer_features(input, i, previous, before_previous, features);
        trainer.score(features, scores.data());
        int guess = -1;
        const bool last = i + 1 == e.words.size();
        for (int c = 0; c < classes; ++c) {
          if (!bilou_allowed(previous, c, last)) continue;
          if (guess < 0 || scores[static_cast<size_t>(c)] > scores[static_cast<size_t>(guess)]) guess = c;
        }
        trainer.update(features, e.gold[i], guess);
        trainer.tick();
        mistakes += guess != e.gold[i];
        ++words;
        before_previous = previous;
        previous = guess;
      }
    }
    if (options.log) {
      const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
      std::string line = "epoch " + std::to_string(epoch) + ": wrong tags " +
                         std::to_string(static_cast<double>(mistakes) / static_cast<double>(std::max<size_t>(words, 1)));
      if (!dev_examples->empty() && (epoch == options.epochs || epoch % 2 == 0)) {
        const EntityScores s = score_recognizer(Recognizer(trainer.average(options.min_weight), types), *dev_examples);
        line += ", dev P " + std::to_string(s.precision()) + " R " + std::to_string(s.recall()) + " F1 " +
                std::to_string(s.f1());
      }
      line += " (" + std::to_string(seconds) + " s)";
      options.log(line);
    }
  }
  return Recognizer(trainer.average(options.min_weight), types);
}

}  // namespace storyline::nlp
