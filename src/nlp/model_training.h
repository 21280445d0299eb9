// One call per model for `storyline train`: read the labelled data, train,
// score on the dev set, and write the model file with a header that says
// what trained it (data, options, the command, the dev figures, the licence).
#pragma once

#include <memory>
#include <string>

#include "nlp/gazetteer.h"
#include "nlp/training_options.h"
#include "storyline/status.h"

namespace storyline::nlp {

struct ModelTrainingRequest {
  std::string train_path;      // CoNLL-U (tagger, parser) or IOB2 (recognizer)
  std::string dev_path;        // the same format; scored, never trained on
  std::string tagger_path;     // parser, recognizer: the tagger whose tags they read
  std::string ewt_train_path;  // recognizer: CoNLL-U that trains its jack-knife taggers
  std::shared_ptr<const Gazetteer> gazetteer;  // recognizer
  std::string out_path;
  std::string command;  // as typed, for the header
  TrainingOptions options;
};

// Each prints its progress through request.options.log and returns the dev
// figures in one line ("UPOS 0.9515").
Result<std::string> train_tagger_model(const ModelTrainingRequest& request);
Result<std::string> train_parser_model(const ModelTrainingRequest& request);
Result<std::string> train_recognizer_model(const ModelTrainingRequest& request);

}  // namespace storyline::nlp
