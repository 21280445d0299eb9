// Training the tagger (training.h): greedy left to right, each word's
// features scored with the current weights, the tag before it the
// predicted one (as at run time), an update on every mistake.
#include <array>
#include <chrono>
#include <unordered_map>
#include <cstdio>

#include "nlp/feature_hash.h"
#include "nlp/perceptron.h"
#include "nlp/tagger_training.h"

namespace storyline::nlp {

std::vector<std::string_view> word_forms(const ConlluSentence& sentence) {
  std::vector<std::string_view> forms;
  forms.reserve(sentence.words.size());
  for (const ConlluWord& w : sentence.words) forms.emplace_back(w.form);
  return forms;
}

namespace {

struct TaggedExample {
  std::vector<WordInfo> words;
  std::vector<uint32_t> classes;
  std::vector<int> tags;
};

using TagCounts = std::array<uint32_t, kUposCount>;

// Tags a word had at least twice and in at least 5 % of its uses: rarer
// ones are mostly annotation noise or typos.
uint32_t class_of(const TagCounts& tags) {
  uint32_t total = 0;
  for (uint32_t c : tags) total += c;
  uint32_t mask = 0;
  for (int t = 0; t < kUposCount; ++t) {
    if (tags[t] >= 2 && tags[t] * 20 >= total) mask |= 1u << t;
  }
  return mask;
}

// The lexicon of all the training data, and each training sentence's
// classes from the lexicon of the other folds only: in training as at run
// time, some words are new and others were seen with fewer of their tags.
TagLexicon build_lexicon(std::vector<TaggedExample>& examples, size_t folds) {
  std::unordered_map<uint64_t, std::vector<TagCounts>> counts;  // word → per fold
  for (size_t s = 0; s < examples.size(); ++s) {
    const TaggedExample& e = examples[s];
    for (size_t i = 0; i < e.words.size(); ++i) {
      auto& per_fold = counts[e.words[i].lower];
      if (per_fold.empty()) per_fold.assign(folds, TagCounts{});
      ++per_fold[s % folds][e.tags[i]];
    }
  }
  TagLexicon lexicon;
  std::unordered_map<uint64_t, TagCounts> totals;
  for (const auto& [word, per_fold] : counts) {
    TagCounts total{};
    for (const TagCounts& f : per_fold)
      for (int t = 0; t < kUposCount; ++t) total[t] += f[t];
    totals[word] = total;
    if (uint32_t mask = class_of(total)) lexicon.add(word, mask);
  }
  for (size_t s = 0; s < examples.size(); ++s) {
    TaggedExample& e = examples[s];
    e.classes.resize(e.words.size());
    for (size_t i = 0; i < e.words.size(); ++i) {
      TagCounts rest = totals[e.words[i].lower];
      const TagCounts& own = counts[e.words[i].lower][s % folds];
      for (int t = 0; t < kUposCount; ++t) rest[t] -= own[t];
      e.classes[i] = class_of(rest);
    }
  }
  return lexicon;
}

Result<std::vector<TaggedExample>> tagged_examples(const std::vector<ConlluSentence>& sentences) {
  std::vector<TaggedExample> out;
  out.reserve(sentences.size());
  for (const ConlluSentence& s : sentences) {
    TaggedExample e;
    describe_words(word_forms(s), e.words);
    for (const ConlluWord& w : s.words) {
      Upos upos;
      if (!upos_from_name(w.upos, upos)) return Status::invalid_input("sentence " + s.sent_id + ": UPOS '" + w.upos + "'");
      e.tags.push_back(static_cast<int>(upos));
    }
    out.push_back(std::move(e));
  }
  return out;
}

double accuracy(const Tagger& tagger, const std::vector<TaggedExample>& examples) {
  size_t right = 0, total = 0;
  std::vector<Upos> tags;
  for (const TaggedExample& e : examples) {
    tagger.tag(e.words, tags);
    for (size_t i = 0; i < tags.size(); ++i) right += static_cast<int>(tags[i]) == e.tags[i];
    total += tags.size();
  }
  return total ? static_cast<double>(right) / static_cast<double>(total) : 0;
}

Lemmatizer train_lemmatizer(const std::vector<ConlluSentence>& train) {
  std::vector<Lemmatizer::Example> examples;
  for (const ConlluSentence& s : train) {
    for (const ConlluWord& w : s.words) {
      Upos upos;
      if (upos_from_name(w.upos, upos)) examples.push_back({w.form, upos, w.lemma});
    }
  }
  return Lemmatizer::train(examples);
}

}  // namespace

Result<Tagger> train_tagger(const std::vector<ConlluSentence>& train, const std::vector<ConlluSentence>& dev,
                            const TrainingOptions& options) {
  auto examples = tagged_examples(train);
  if (!examples) return examples.status();
  auto dev_examples = tagged_examples(dev);
  if (!dev_examples) return dev_examples.status();
  Lemmatizer lemmatizer = train_lemmatizer(train);
  TagLexicon lexicon = build_lexicon(*examples, 10);
  PerceptronTrainer trainer(kUposCount);
  std::vector<size_t> order(examples->size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::vector<uint64_t> features;
  std::vector<float> scores(kUposCount);
  for (int epoch = 1; epoch <= options.epochs; ++epoch) {
    const auto started = std::chrono::steady_clock::now();
    deterministic_shuffle(order, options.seed + static_cast<uint64_t>(epoch));
    size_t right = 0, total = 0;
    for (size_t index : order) {
      const TaggedExample& e = (*examples)[index];
      int previous = kUposCount, before_previous = kUposCount;
      for (size_t i = 0; i < e.words.size(); ++i) {
        tagger_features(e.words, e.classes, i, previous, before_previous, features);
        trainer.score(features, scores.data());
        int guess = 0;
        for (int c = 1; c < kUposCount; ++c) {
          if (scores[c] > scores[guess]) guess = c;
        }
        trainer.update(features, e.tags[i], guess);
        trainer.tick();
        right += guess == e.tags[i];
        ++total;
        before_previous = previous;
        previous = guess;
      }
    }
    if (options.log) {
      const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
      std::string line = "epoch " + std::to_string(epoch) + ": train accuracy " +
                         std::to_string(static_cast<double>(right) / static_cast<double>(total));
      if (!dev_examples->empty() && (epoch == options.epochs || epoch % 2 == 0)) {
        Tagger averaged(trainer.average(options.min_weight), lexicon, Lemmatizer{});
        line += ", dev accuracy " + std::to_string(accuracy(averaged, *dev_examples));
      }
      line += " (" + std::to_string(seconds) + " s)";
      options.log(line);
    }
  }
  return Tagger(trainer.average(options.min_weight), std::move(lexicon), std::move(lemmatizer));
}

}  // namespace storyline::nlp

namespace storyline::nlp {

size_t FoldTaggers::fold_of(std::string_view sent_id) const {
  return taggers.empty() ? 0 : static_cast<size_t>(hash_text(sent_id) % taggers.size());
}

Result<FoldTaggers> train_fold_taggers(const std::vector<ConlluSentence>& sentences, int folds,
                                       const TrainingOptions& options) {
  FoldTaggers result;
  result.taggers.resize(static_cast<size_t>(folds));
  TrainingOptions quiet = options;
  quiet.log = nullptr;
  for (int fold = 0; fold < folds; ++fold) {
    std::vector<ConlluSentence> rest;
    rest.reserve(sentences.size());
    for (const ConlluSentence& s : sentences) {
      if (result.fold_of(s.sent_id) != static_cast<size_t>(fold)) rest.push_back(s);
    }
    auto tagger = train_tagger(rest, {}, quiet);
    if (!tagger) return tagger.status();
    result.taggers[static_cast<size_t>(fold)] = std::move(*tagger);
    if (options.log) options.log("jack-knife tagger " + std::to_string(fold + 1) + " of " + std::to_string(folds) + " trained");
  }
  return result;
}

}  // namespace storyline::nlp
