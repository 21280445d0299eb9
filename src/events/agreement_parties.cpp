#include "events/agreement_parties.h"

namespace storyline::events {

namespace {
constexpr uint32_t kAgreementWindow = 12;   // tokens between an agreement noun and its signing verb
constexpr uint32_t kAgreementLookback = 3;  // sentences back that "this agreement" may refer to
constexpr uint32_t kLedeSentences = 3;      // the headline and lede, which name the story's parties
}  // namespace

int agreement_before(const SentenceActors& s, const VerbLexicon& lexicon, uint32_t head) {
  for (uint32_t back = 1; back <= kAgreementWindow && back <= head; ++back) {
    const uint32_t t = head - back;
    std::string_view w = s.words[t];
    if (w == ";" || w == ":" || w == "\"" || w == "\xE2\x80\x9C" || w == "\xE2\x80\x9D") return -1;
    if (!s.in_mention[t] && lexicon.names_agreement(w)) return static_cast<int>(t);
  }
  return -1;
}

// "the deal signed on Friday", "This agreement, signed during ...", "the
// treaty between A and B, signed in C": the agreement is the verb's object.
bool follows_agreement(const SentenceActors& s, const VerbLexicon& lexicon, const PatternMatch& m) {
  if (!m.pattern->code.starts_with("057") || m.head < 2) return false;
  if (lexicon.names_agreement(s.words[m.head - 1])) return true;
  if (s.words[m.head - 1] != ",") return false;
  const int k = agreement_before(s, lexicon, m.head - 1);
  if (k < 0) return false;
  // Nothing but the agreement's own phrase between it and the comma.
  const std::string_view next = s.words[k + 1];
  return static_cast<uint32_t>(k) + 2 == m.head || next == "between" || next == "with" || next == "on" ||
         next == "of";
}

// The parties named with the agreement noun at token k: "the treaty
// between A and B", "the A-B treaty", "A's deal with B", or one side only,
// "the deal with B".
AgreementParties agreement_parties(const SentenceActors& s, uint32_t k) {
  AgreementParties slots;
  int between = s.actor_after_word(k, "between", 3);
  if (between >= 0 && split_parties(s.group_forward(between), slots.sources, slots.targets)) return slots;
  std::vector<int> owners;
  int before = s.actor_just_before(k, 3);
  if (before >= 0 && !s.actors[before].place_only) owners = s.group_backward(before);
  if (split_parties(owners, slots.sources, slots.targets)) return slots;
  if (int with = s.actor_after_word(k, "with", 3); with >= 0) {
    slots.sources = owners;
    slots.targets = s.group_forward(with);
  }
  return slots;
}

// "this agreement", "the deal", "their new treaty": a definite agreement
// noun refers to one named before; "a deal" is a new one.
bool is_anaphoric(const SentenceActors& s, uint32_t k) {
  for (uint32_t back = 1; back <= 4 && back <= k; ++back) {
    std::string_view w = s.words[k - back];
    if (w == "this" || w == "that" || w == "the" || w == "these" || w == "those" || w == "its" || w == "their")
      return true;
    if (w == "a" || w == "an" || w == "," || s.capitalized[k - back]) return false;
  }
  return false;
}

const PartyPair* AgreementMemory::at(uint32_t sentence) const {
  if (recent_.found && recent_.sentence + kAgreementLookback >= sentence) return &recent_;
  if (lede_.found) return &lede_;
  return nullptr;
}

void AgreementMemory::note(const SentenceActors& s, const VerbLexicon& lexicon, uint32_t sentence) {
  const uint32_t n = static_cast<uint32_t>(s.words.size());
  for (uint32_t k = 0; k < n; ++k) {
    if (s.in_mention[k] || !lexicon.names_agreement(s.words[k])) continue;
    AgreementParties parties = agreement_parties(s, k);
    int x = parties.sources.empty() ? -1 : parties.sources.front();
    int y = parties.targets.empty() ? -1 : parties.targets.front();
    if (x < 0 || y < 0) {
      // Coordinated subjects before the noun: "Valdoria and Estmark have
      // sealed their partnership with an accord".
      x = y = -1;
      for (size_t a = 0; a < s.actors.size() && s.actors[a].last < k; ++a) {
        if (!s.actors[a].prep.empty() || s.actors[a].place_only) continue;
        std::vector<int> group = s.group_forward(static_cast<int>(a));
        if (group.size() >= 2 && s.actors[group[1]].last < k) {
          x = group[0], y = group[1];
          break;
        }
      }
    }
    if (x < 0 || y < 0 || s.same_actor(x, y)) continue;
    PartyPair pair{sentence, s.actors[x].actor, s.actors[y].actor, s.actors[x].type, s.actors[y].type, true};
    if (sentence < kLedeSentences && !lede_.found) lede_ = pair;
    recent_ = std::move(pair);
    return;
  }
}

}  // namespace storyline::events
