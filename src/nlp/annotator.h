// The one linguistic annotation of an article (Article::annotation): its
// sentences cut into words (segment/tokenizer.h), each word tagged and
// lemmatised (tagger.h), each sentence parsed (parser.h), names found
// (recognizer.h) with the knowledge base's lists as features (gazetteer.h).
// Made once per article by the engine, right after segmentation; every
// later stage reads it and none tokenises or tags again.
//
// The models load once per engine (load() reads data/models/); annotate()
// is const and keeps its working buffers per call, so one Annotator may
// serve several threads.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "nlp/gazetteer.h"
#include "nlp/parser.h"
#include "nlp/recognizer.h"
#include "nlp/tagger.h"
#include "segment/tokenizer.h"
#include "storyline/document.h"
#include "storyline/status.h"

namespace storyline::nlp {

class Annotator {
 public:
  // `models_dir` holds tagger.model, parser.model and recognizer.model;
  // `data_dir` the tokeniser's abbreviations. The gazetteer is kept.
  static Result<Annotator> load(const std::string& models_dir, const std::string& data_dir,
                                std::shared_ptr<const Gazetteer> gazetteer);

  // The languages the models were trained on (UD and UNER English-EWT).
  static bool covers(std::string_view language) { return language == "en"; }

  // Fills article.annotation from article.text and article.sentences
  // (replacing what it held), whatever the article's language: the caller
  // asks covers() first.
  void annotate(Article& article) const;

  const Tagger& tagger() const { return tagger_; }
  const Parser& parser() const { return parser_; }
  const Recognizer& recognizer() const { return recognizer_; }

 private:
  Annotator(segment::Tokenizer tokenizer, Tagger tagger, Parser parser, Recognizer recognizer,
            std::shared_ptr<const Gazetteer> gazetteer)
      : tokenizer_(std::move(tokenizer)),
        tagger_(std::move(tagger)),
        parser_(std::move(parser)),
        recognizer_(std::move(recognizer)),
        gazetteer_(std::move(gazetteer)) {}

  segment::Tokenizer tokenizer_;
  Tagger tagger_;
  Parser parser_;
  Recognizer recognizer_;
  std::shared_ptr<const Gazetteer> gazetteer_;
};

}  // namespace storyline::nlp
