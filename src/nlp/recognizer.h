// The named-entity recogniser: people, organisations and places (Universal
// NER's PER, ORG, LOC) as spans of words, tagged one word at a time from
// left to right in BILOU form (Begin, Inside, Last, Unit, Outside) by an
// averaged perceptron over the word, its shape and affixes, its neighbours,
// the part-of-speech tags, the tagger's ambiguity class (is this word seen
// in lower case too?), the knowledge base's marks (gazetteer.h) and the two
// tags before it; only tag sequences that make well-formed spans are
// allowed. Trained by train_recognizer (recognizer_training.h) from
// Universal NER English-EWT; data/models/recognizer.model.
#pragma once

#include <string>
#include <vector>

#include "nlp/gazetteer.h"
#include "nlp/linear_model.h"
#include "nlp/word_features.h"
#include "storyline/document.h"
#include "storyline/status.h"

namespace storyline::nlp {

// What the recogniser reads of a sentence; all vectors have one entry per word.
struct RecognizerInput {
  const std::vector<WordInfo>* words = nullptr;
  const std::vector<Upos>* tags = nullptr;
  const std::vector<uint32_t>* classes = nullptr;  // Tagger's ambiguity classes
  const std::vector<GazetteerMark>* marks = nullptr;
};

// Words first..last (inclusive, 0-based) name one entity of `type`.
struct RecognizedEntity {
  uint32_t first = 0, last = 0;
  EntityType type = EntityType::kPerson;
};

// BILOU tags: 0 is O; type t has B = 1 + 4t, I = 2 + 4t, L = 3 + 4t, U = 4 + 4t.
inline int bilou_count(int types) { return 1 + 4 * types; }

class Recognizer {
 public:
  Recognizer() = default;
  // `types`: what each type number names (kPerson for "PER", ...).
  Recognizer(LinearModel model, std::vector<EntityType> types);

  static Result<Recognizer> load(const std::string& path);
  Status save(const std::string& path, const std::vector<std::pair<std::string, std::string>>& header) const;

  void recognize(const RecognizerInput& input, std::vector<RecognizedEntity>& out) const;
  // The BILOU tag of each word (for training and tests).
  void tag(const RecognizerInput& input, std::vector<int>& tags) const;

  const std::vector<EntityType>& types() const { return types_; }
  const LinearModel& model() const { return model_; }

 private:
  LinearModel model_;
  std::vector<EntityType> types_;
};

// Whether BILOU tag `tag` may follow `previous` (-1 before the sentence);
// `last`: the word is the sentence's last, so no entity may stay open.
bool bilou_allowed(int previous, int tag, bool last);
// Entities from a well-formed BILOU sequence.
void bilou_entities(const std::vector<int>& tags, const std::vector<EntityType>& types,
                    std::vector<RecognizedEntity>& out);

// Features of word `i` given the two tags before it (-1 before the sentence).
void recognizer_features(const RecognizerInput& input, size_t i, int previous, int before_previous,
                         std::vector<uint64_t>& out);

// Universal NER's names of the types and back.
std::string_view ner_type_name(EntityType type);  // "PER", "ORG", "LOC", "NORP"
bool ner_type_from_name(std::string_view name, EntityType& type);

}  // namespace storyline::nlp
