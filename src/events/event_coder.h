// The event coder: for each sentence, the verb phrases that match the
// lexicon, with source and target taken from the actor mentions around them
// and the event's modality from the cues around it. No parser: the cost per
// sentence is linear in its tokens (one hash lookup per token, bounded
// windows around each match).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "events/verb_lexicon.h"
#include "storyline/document.h"
#include "storyline/status.h"

namespace storyline::events {

enum class Modality : uint8_t { kAsserted, kReported, kAlleged, kDenied, kPlanned, kHypothetical, kNegated };
std::string_view modality_name(Modality modality);
Modality modality_from_name(std::string_view name);

struct EventActor {
  std::string name;        // the entity's name, or the words of a generic actor
  std::string actor_code;  // CAMEO-style ("CHLGOV"), empty when unknown
  std::string country;     // ISO alpha-3, empty when unknown
  int64_t entity_id = 0;
  int32_t local_entity = -1;
  Span span;               // in the article text
  bool empty() const { return name.empty() && actor_code.empty(); }
};

struct CodedEvent {
  std::string code;
  EventActor source;
  EventActor target;
  Modality modality = Modality::kAsserted;
  std::string attributed_to;  // who said, alleged or reported it; empty when the outlet asserts it
  EventActor attributor;      // the same as an actor, when it is one in the sentence
  std::string denied_by;      // who denied it, when someone did
  Span sentence;
  Span trigger;               // the words that matched the rule
  uint32_t sentence_index = 0;
  std::string location;       // the nearest place in the sentence ("in Oslo")
  std::string location_country;
  Span location_span;
};

// Generic actor nouns ("government", "opposition lawmakers") with their
// CAMEO agent codes, from data/events/agent_nouns.tsv.
class AgentNouns {
 public:
  static Result<AgentNouns> load(const std::string& path);
  void add(const std::string& phrase, const std::string& code);
  // The agent code of the longest phrase starting at words[i], its length in
  // tokens in `length`; empty when none.
  std::string_view match(const std::vector<std::string_view>& words, uint32_t i, uint32_t& length) const;

 private:
  std::unordered_map<std::string, std::string> phrases_;
  size_t longest_ = 1;
};

class EventCoder {
 public:
  // Both must outlive the coder; `agents` may be null.
  EventCoder(const VerbLexicon& lexicon, const AgentNouns* agents) : lexicon_(lexicon), agents_(agents) {}
  // Codes every sentence of a segmented article, using article.mentions.
  std::vector<CodedEvent> code_article(const Article& article) const;

 private:
  const VerbLexicon& lexicon_;
  const AgentNouns* agents_;
};

}  // namespace storyline::events
