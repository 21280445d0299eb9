// The checkable statements of one article: every quantity (a figure with its
// unit and what it counts, a duration, a calendar year) and, for a sentence
// without one, the sentence's statement itself (its content words, whether
// it is negated: "contains no defence clause"). Each carries its framing and,
// when attributed, its speaker (from the entities stage's mentions when the
// article has them, else the capitalised words beside the cue).
#pragma once

#include <nlohmann/json.hpp>

#include <map>
#include <memory>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "claims/framing.h"
#include "claims/number_normalizer.h"
#include "storyline/document.h"

namespace storyline::claims {

struct ClaimMention {
  uint32_t sentence_index = 0;
  Span sentence;            // bytes in the article text
  Span match;               // the figure's words, or the sentence for a statement
  std::string kind;         // "quantity" or "statement"
  Quantity quantity;        // for a quantity (token indices are not kept)
  std::string value_text;   // the figure, normalised ("15 years", "12 billion EUR")
  std::vector<std::string> what;     // concepts of what the figure counts ("C:agreement", "ammonia")
  std::vector<std::string> content;  // concepts of the sentence, sorted, unique
  Framing framing = Framing::kAsserted;
  bool negated = false, hedged = false;
  bool denied_next = false;  // a following sentence denies it ("... denied the claim")
  std::string speaker;       // who says it, when attributed
};

nlohmann::json to_json(const ClaimMention& mention);
ClaimMention claim_from_json(const nlohmann::json& json);

class ClaimExtractor {
 public:
  static Result<ClaimExtractor> load(const std::string& data_dir);
  std::vector<ClaimMention> extract(const Article& article) const;

 private:
  struct SentenceWork;
  std::string concept_of(const std::string& word, void* stemmer) const;
  // The speaker's name and, in `where`, the words naming them (left out of
  // the claim's content: who says it is not what is said).
  std::string speaker_of(const Article& article, const std::vector<ClaimToken>& tokens,
                         const SentenceFraming& framing, Span& where) const;

  std::shared_ptr<const NumberNormalizer> numbers_;
  std::shared_ptr<const FramingLexicon> framing_;
  std::shared_ptr<const std::unordered_set<std::string>> stopwords_;
  std::shared_ptr<const std::unordered_map<std::string, std::string>> concepts_;  // stem → class
  // First word → (words, ISO code), longest first.
  using PlaceNames = std::unordered_map<std::string, std::vector<std::pair<std::vector<std::string>, std::string>>>;
  std::shared_ptr<const PlaceNames> places_;
};

}  // namespace storyline::claims
