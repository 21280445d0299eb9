// Who signed an agreement when the sentence does not say: "the deal signed
// on Friday", "This agreement, signed during X's visit". Agreements do not
// sign, so the past form of a signing verb after an agreement noun is a
// participle; its parties are the agreement's, named with it ("between A
// and B", "the A-B treaty") or, for a definite noun, in a sentence just
// before or in the lede. Bounded: a fixed window of tokens and sentences.
#pragma once

#include <cstdint>
#include <vector>

#include "events/sentence_actors.h"
#include "events/verb_lexicon.h"

namespace storyline::events {

// The agreement a signing verb in the passive is about: the nearest
// agreement noun (`@agreement`) before token `head` in its clause; -1 when
// none.
int agreement_before(const SentenceActors& s, const VerbLexicon& lexicon, uint32_t head);

// Whether the match is the past form of a signing verb (057) right after an
// agreement noun or its phrase: a participle, read as a passive.
bool follows_agreement(const SentenceActors& s, const VerbLexicon& lexicon, const PatternMatch& m);

// Parties (indexes into s.actors) named with the agreement noun at token k.
struct AgreementParties {
  std::vector<int> sources, targets;
};

// Parties named together ("between A and B", "A and B's pact"): the first is
// the source, the others the targets. False, and nothing set, for fewer
// than two.
inline bool split_parties(const std::vector<int>& parties, std::vector<int>& sources, std::vector<int>& targets) {
  if (parties.size() < 2) return false;
  sources = {parties.front()};
  targets.assign(parties.begin() + 1, parties.end());
  return true;
}
AgreementParties agreement_parties(const SentenceActors& s, uint32_t k);

// "this agreement", "the deal": a definite agreement noun refers back.
bool is_anaphoric(const SentenceActors& s, uint32_t k);

// The parties an anaphoric agreement noun refers to, over one article.
class AgreementMemory {
 public:
  // Call after each sentence, in order: remembers an agreement named with
  // two parties ("A and B have ... a treaty", "the treaty between A and B").
  void note(const SentenceActors& s, const VerbLexicon& lexicon, uint32_t sentence);
  // The pair "this agreement" in `sentence` refers to: the nearest noted
  // one at most three sentences back, else the lede's; null
  // when neither.
  const PartyPair* at(uint32_t sentence) const;

 private:
  PartyPair recent_, lede_;
};

}  // namespace storyline::events
