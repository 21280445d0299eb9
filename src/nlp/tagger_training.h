// Training the tagger from CoNLL-U sentences (UPOS and LEMMA columns).
#pragma once

#include "nlp/tagger.h"
#include "nlp/training_options.h"

namespace storyline::nlp {

// `dev` is only scored (printed through options.log), never trained on.
Result<Tagger> train_tagger(const std::vector<ConlluSentence>& train, const std::vector<ConlluSentence>& dev,
                            const TrainingOptions& options);

}  // namespace storyline::nlp

namespace storyline::nlp {

// Taggers for jack-knifing: tagger k was trained on the training sentences
// outside fold k (a sentence's fold comes from its sent_id), so it tags the
// sentences of fold k (and anything else of theirs, such as the same
// sentence in another treebank's file) as well as it would tag new text.
// The models trained on its output see tags as good as at run time, not better.
struct FoldTaggers {
  std::vector<Tagger> taggers;
  size_t fold_of(std::string_view sent_id) const;
  const Tagger& for_sentence(std::string_view sent_id) const { return taggers[fold_of(sent_id)]; }
};

Result<FoldTaggers> train_fold_taggers(const std::vector<ConlluSentence>& sentences, int folds,
                                       const TrainingOptions& options);

}  // namespace storyline::nlp
