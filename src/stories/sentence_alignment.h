// Rewrites: one outlet re-telling another's article in other words. Copies
// share long word sequences; rewrites share facts sentence by sentence in
// about the same order but few exact phrases. Sentences are compared on
// stemmed content words (Dice coefficient), each matched at most once.
#pragma once

#include <vector>

#include "stories/text_features.h"
#include "storyline/document.h"

namespace storyline::stories {

struct AlignedSentences {
  Span first;   // in the first article
  Span second;  // in the second article
  double similarity;
};

struct Alignment {
  std::vector<AlignedSentences> pairs;  // in the first article's order
  double coverage = 0;    // share of the shorter article's sentences matched
  double in_order = 0;    // share of matched pairs in the same relative order
  double similarity = 0;  // mean similarity of matched pairs
};

Alignment align_sentences(const Article& first, const Article& second, FeatureExtractor& extractor);

// Whether an alignment shows a rewrite: at least five sentence pairs,
// covering 40 % or more of the shorter article's sentences, mostly in order.
bool is_rewrite(const Alignment& alignment);

}  // namespace storyline::stories
