// One sentence as the event coder sees it: its tokens in lower case and the
// actors in it (entity mentions, and generic actor nouns where no mention
// is), with the positional queries that fill an event's slots.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "events/event_coder.h"

namespace storyline::events {

struct SentenceActor {
  uint32_t first = 0, last = 0;  // token range
  EventActor actor;
  EntityType type = EntityType::kPerson;
  bool agent = false;       // a generic actor noun, not a mention
  bool place_only = false;  // a place with no actor code: a location
  std::string_view prep;    // the preposition before it ("in", "with"), empty when none
};

// Two parties named together, remembered across sentences: what "the two
// leaders" and "this agreement" refer back to.
struct PartyPair {
  uint32_t sentence = 0;
  EventActor first, second;
  EntityType first_type = EntityType::kPerson, second_type = EntityType::kPerson;
  bool found = false;
};

struct SentenceActors {
  Span sentence;
  std::vector<Span> tokens;
  std::vector<std::string_view> words;  // lower case; "n't" endings read "not"
  std::vector<bool> capitalized;
  std::vector<bool> in_mention;
  std::vector<SentenceActor> actors;  // in text order

  // The nearest actor that can be a subject before token `pos` (not after a
  // preposition, not a mere place), within the clause; -1 when none.
  int subject_before(uint32_t pos) const;
  // The first actor after token `pos` that can be an object (no locative
  // preposition before it), before the clause ends; -1 when none.
  int object_after(uint32_t pos, bool allow_by) const;
  // The actor right after `word` that follows token `pos` within `window`.
  int actor_after_word(uint32_t pos, std::string_view word, uint32_t window) const;
  // An actor ending within `window` tokens before token `pos`, nothing but
  // modifiers between ("Chile's visit", "the Oslo visit").
  int actor_just_before(uint32_t pos, uint32_t window) const;
  // The actors coordinated with `index` by "and" or commas, in text order.
  std::vector<int> group_backward(int index) const;
  std::vector<int> group_forward(int index) const;
  // The place after "in", "at" or "near" nearest to token `pos`; -1 when none.
  int location_near(uint32_t pos) const;
  bool same_actor(int a, int b) const;
  bool joins(uint32_t first, uint32_t last) const;
  // Actors `a` and `a + 1` name one compound party: the two halves of "the
  // two leaders" (one token range) or of "the Iran-Russia treaty".
  bool compound(size_t a) const;

  // The actors location_near may choose, in text order; filled on first use
  // (a sentence with thousands of events would otherwise be scanned whole
  // once per event). Emptied by SentenceActorBuilder::build.
  mutable std::vector<int> locations;
  mutable bool locations_ready = false;
  mutable bool locations_ordered = true;
};

class SentenceActorBuilder {
 public:
  // `lexicon` (may be null) gives the `@pair` nouns of "the two leaders".
  SentenceActorBuilder(const Article& article, const AgentNouns* agents, const VerbLexicon* lexicon = nullptr);
  // Sentences must be asked for in order (tokens and mentions are walked once).
  const SentenceActors& build(uint32_t sentence_index);
  // The nearest sentence so far (this one included) with actors of two
  // countries: its first two.
  const PartyPair& last_pair() const { return last_pair_; }

 private:
  void resolve_pair_phrases(uint32_t sentence_index);
  void remember_parties(uint32_t sentence_index);

  const Article& article_;
  const AgentNouns* agents_;
  const VerbLexicon* lexicon_;
  PartyPair last_pair_;
  std::vector<EventActor> country_mentions_;  // the latest mention of each country by name ("Iran")
  size_t next_token_ = 0, next_mention_ = 0;
  std::string lowered_;
  SentenceActors current_;
  std::vector<std::pair<std::string, const EntityMention*>> role_holders_;  // (lower-case role, a mention)
};

// Cross-sentence: "X denied the claim" links to the allegation just before.
void link_denials(const Article& article, std::vector<CodedEvent>& events);

}  // namespace storyline::events
