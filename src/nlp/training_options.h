// What every trainer (tagger_training.h, parser_training.h,
// recognizer_training.h) takes: fixed seeds and a fixed order, so the same
// data and options give the same model file byte for byte. Training is run
// by `storyline train`; never at build, install or test time except on the
// tests' own tiny sentences.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "nlp/conllu.h"

namespace storyline::nlp {

struct TrainingOptions {
  int epochs = 10;
  uint64_t seed = 1;
  float min_weight = 0.0f;  // averaged weights smaller than this are dropped (smaller files)
  // Parser: from this epoch on, follow the model's own (possibly wrong)
  // transitions with this probability, so it learns to recover (dynamic oracle).
  int explore_from_epoch = 2;
  double explore_probability = 0.9;
  // Parser and recogniser: predicted tags for the training sentences come
  // from taggers trained on the other folds (jack-knifing), so that they are
  // as good as tags at run time, not better. 0 or 1: tag with the tagger given.
  int jackknife_folds = 0;
  std::function<void(const std::string&)> log;  // progress, one line per epoch
};

// The forms of a CoNLL-U sentence's words, as views into it.
std::vector<std::string_view> word_forms(const ConlluSentence& sentence);

}  // namespace storyline::nlp
