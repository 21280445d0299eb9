// How a sentence presents what it says: as the outlet's own statement, as
// someone's statement, as an allegation, as something denied, hedged, or
// negated. The cue words are data (data/claims/framing.tsv).
#pragma once

#include <map>
#include <unordered_map>
#include <string>
#include <vector>

#include "claims/claim_tokens.h"
#include "storyline/status.h"

namespace storyline::claims {

enum class Framing { kAsserted, kAttributed, kAlleged, kDenied, kHedged };
const char* framing_name(Framing framing);

struct SentenceFraming {
  Framing framing = Framing::kAsserted;  // the strongest: denied > alleged > attributed > hedged
  bool attributed = false, alleged = false, denied = false, hedged = false;
  bool negated = false;   // the proposition itself is negative ("contains no clause")
  bool anaphor = false;   // refers back to a previous claim ("denied the claim")
  size_t cue_token = SIZE_MAX;  // the attribution/allegation/denial cue, for finding the speaker
  std::vector<bool> cue_tokens;  // tokens that are cue words (left out of the content)
  std::vector<size_t> negation_tokens;  // where each negation cue ends (what it negates follows)
};

class FramingLexicon {
 public:
  static Result<FramingLexicon> load(const std::string& data_dir);
  SentenceFraming classify(const std::vector<ClaimToken>& tokens) const;

 private:
  struct Cue {
    std::vector<std::string> words;
    std::string kind;
  };
  std::vector<Cue> cues_;  // longest first
  std::unordered_map<std::string, std::vector<size_t>> by_first_word_;  // cue indices, longest first
};

}  // namespace storyline::claims
