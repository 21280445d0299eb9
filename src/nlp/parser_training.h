// Training the parser from CoNLL-U sentences (HEAD and DEPREL columns),
// with tags predicted as at run time.
#pragma once

#include "nlp/parser.h"
#include "nlp/tagger.h"
#include "nlp/training_options.h"

namespace storyline::nlp {

// Unlabelled and labelled attachment scores over all words, punctuation included.
struct AttachmentScores {
  size_t words = 0, heads_right = 0, arcs_right = 0;
  double uas() const { return words ? static_cast<double>(heads_right) / static_cast<double>(words) : 0; }
  double las() const { return words ? static_cast<double>(arcs_right) / static_cast<double>(words) : 0; }
};

// `tagger` tags the dev sentences, and the training sentences unless
// options.jackknife_folds > 1 (then taggers trained on the other folds do).
// `dev` is only scored, never trained on.
Result<Parser> train_parser(const std::vector<ConlluSentence>& train, const std::vector<ConlluSentence>& dev,
                            const Tagger& tagger, const TrainingOptions& options);

// Gold tokens, predicted tags: the parser's scores on `sentences`.
AttachmentScores score_parser(const Parser& parser, const Tagger& tagger, const std::vector<ConlluSentence>& sentences);

}  // namespace storyline::nlp
