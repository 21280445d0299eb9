// The part-of-speech tagger: Universal Dependencies tags (UPOS), one word
// at a time from left to right, by an averaged perceptron over the word,
// its affixes and shape, two words either side and the two tags before it.
// Lemmas come with it (lemmatizer.h). Trained by train_tagger
// (tagger_training.h) from UD English-EWT; data/models/tagger.model.
#pragma once

#include <string>
#include <unordered_map>
#include <vector>

#include "nlp/lemmatizer.h"
#include "nlp/linear_model.h"
#include "nlp/word_features.h"
#include "storyline/document.h"
#include "storyline/status.h"

namespace storyline::nlp {

// Which tags each word had in the training data ("its ambiguity class"):
// lower-case form hash → bit mask over UPOS. A word's class and its
// neighbours' classes tell the tagger what the words to its right can be,
// which a left-to-right tagger cannot see otherwise.
class TagLexicon {
 public:
  void add(uint64_t lower, uint32_t mask) { masks_[lower] |= mask; }
  uint32_t mask(uint64_t lower) const {
    auto it = masks_.find(lower);
    return it == masks_.end() ? 0 : it->second;
  }
  size_t size() const { return masks_.size(); }
  void write(ByteWriter& out) const;
  bool read(ByteReader& in);

 private:
  std::unordered_map<uint64_t, uint32_t> masks_;
};

class Tagger {
 public:
  Tagger() = default;
  Tagger(LinearModel model, TagLexicon lexicon, Lemmatizer lemmatizer)
      : model_(std::move(model)), lexicon_(std::move(lexicon)), lemmatizer_(std::move(lemmatizer)) {}

  static Result<Tagger> load(const std::string& path);
  Status save(const std::string& path, const std::vector<std::pair<std::string, std::string>>& header) const;

  // One tag per word.
  void tag(const std::vector<WordInfo>& words, std::vector<Upos>& tags) const;
  const Lemmatizer& lemmatizer() const { return lemmatizer_; }
  const LinearModel& model() const { return model_; }
  const TagLexicon& lexicon() const { return lexicon_; }

 private:
  LinearModel model_;
  TagLexicon lexicon_;
  Lemmatizer lemmatizer_;
};

// The ambiguity class of each word (TagLexicon::mask of its lower-case form).
void ambiguity_classes(const TagLexicon& lexicon, const std::vector<WordInfo>& words, std::vector<uint32_t>& out);

// The features of word `i` given the two tags before it (kUposCount for
// "before the sentence"); shared by tagging and training so they cannot
// drift apart.
void tagger_features(const std::vector<WordInfo>& words, const std::vector<uint32_t>& classes, size_t i,
                     int previous, int before_previous, std::vector<uint64_t>& out);

}  // namespace storyline::nlp
