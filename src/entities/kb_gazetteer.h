// The knowledge base as the recogniser's gazetteer (nlp/gazetteer.h): its
// names of places, countries, organisations, people and nationalities, its
// given names, organisation head words, titles and not-name words.
#pragma once

#include <memory>

#include "entities/knowledge_base.h"
#include "nlp/gazetteer.h"

namespace storyline::entities {

class KbGazetteer : public nlp::Gazetteer {
 public:
  explicit KbGazetteer(std::shared_ptr<const KnowledgeBase> kb) : kb_(std::move(kb)) {}
  size_t max_phrase_words() const override { return kb_->max_phrase_words(); }
  uint8_t phrase_kinds(std::string_view phrase) const override;
  uint8_t word_kinds(std::string_view word) const override;

 private:
  std::shared_ptr<const KnowledgeBase> kb_;
};

}  // namespace storyline::entities
