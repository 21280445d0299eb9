// Training the recogniser from IOB2 sentences (Universal NER), with tags
// and ambiguity classes as at run time and the knowledge base's marks.
#pragma once

#include <memory>

#include "nlp/recognizer.h"
#include "nlp/tagger.h"
#include "nlp/tagger_training.h"
#include "nlp/training_options.h"

namespace storyline::nlp {

// Entity-level scores: an entity is right when its words and type are.
struct EntityScores {
  size_t system = 0, gold = 0, right = 0;
  double precision() const { return system ? static_cast<double>(right) / static_cast<double>(system) : 0; }
  double recall() const { return gold ? static_cast<double>(right) / static_cast<double>(gold) : 0; }
  double f1() const {
    const double p = precision(), r = recall();
    return p + r > 0 ? 2 * p * r / (p + r) : 0;
  }
};

// A sentence of IOB2 data, prepared once: words, spans, tags, marks, gold BILOU.
struct RecognizerExample {
  std::vector<WordInfo> words;
  std::vector<Upos> tags;
  std::vector<uint32_t> classes;
  std::vector<GazetteerMark> marks;
  std::vector<int> gold;  // BILOU
  RecognizerInput input() const { return {&words, &tags, &classes, &marks}; }
};

// `types`: the entity types in BILOU order ("PER", "ORG", "LOC").
// `taggers` (may be empty) tag each sentence by its sent_id as a tagger that
// never saw it would; otherwise `tagger` tags them.
Result<std::vector<RecognizerExample>> recognizer_examples(const std::vector<IobSentence>& sentences,
                                                           const std::vector<EntityType>& types,
                                                           const Tagger& tagger, const FoldTaggers& taggers,
                                                           const Gazetteer& gazetteer);

// `dev` is only scored, never trained on. `ewt_train` (CoNLL-U) trains the
// jack-knife taggers when options.jackknife_folds > 1.
Result<Recognizer> train_recognizer(const std::vector<IobSentence>& train, const std::vector<IobSentence>& dev,
                                    const std::vector<ConlluSentence>& ewt_train, const Tagger& tagger,
                                    const Gazetteer& gazetteer, const TrainingOptions& options);

EntityScores score_recognizer(const Recognizer& recognizer, const std::vector<RecognizerExample>& examples);

// Gold BILOU tags from IOB2 tags; false (with the word's index) when a tag's type is not in `types`.
bool bilou_from_iob(const std::vector<std::string>& iob, const std::vector<EntityType>& types, std::vector<int>& out,
                    size_t& bad_word);

}  // namespace storyline::nlp
