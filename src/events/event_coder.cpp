#include "events/event_coder.h"

#include <algorithm>
#include <sstream>

#include "core/data_files.h"
#include "core/text_util.h"
#include "events/agreement_parties.h"
#include "events/sentence_actors.h"

namespace storyline::events {

std::string_view modality_name(Modality modality) {
  switch (modality) {
    case Modality::kAsserted: return "asserted";
    case Modality::kReported: return "reported";
    case Modality::kAlleged: return "alleged";
    case Modality::kDenied: return "denied";
    case Modality::kPlanned: return "planned";
    case Modality::kHypothetical: return "hypothetical";
    case Modality::kNegated: return "negated";
  }
  return "asserted";
}

Modality modality_from_name(std::string_view name) {
  for (Modality m : {Modality::kReported, Modality::kAlleged, Modality::kDenied, Modality::kPlanned,
                     Modality::kHypothetical, Modality::kNegated})
    if (modality_name(m) == name) return m;
  return Modality::kAsserted;
}

namespace {
constexpr uint32_t kCueWindow = 6;       // tokens between a cue and the head it modifies
constexpr uint32_t kEmbedWindow = 12;    // deny/accuse/say verb → embedded event head

// Which modality wins when several cues apply: the strongest doubt first.
int strength(Modality m) {
  switch (m) {
    case Modality::kDenied: return 7;
    case Modality::kNegated: return 6;
    case Modality::kAlleged: return 5;
    case Modality::kHypothetical: return 4;
    case Modality::kPlanned: return 3;
    case Modality::kReported: return 2;
    case Modality::kAsserted: return 1;
  }
  return 0;
}

void raise(Modality& current, Modality candidate) {
  if (strength(candidate) > strength(current)) current = candidate;
}

bool any_between(const SentenceActors& s, uint32_t from, uint32_t to, std::initializer_list<std::string_view> words) {
  for (uint32_t t = from; t < to && t < s.words.size(); ++t)
    for (std::string_view w : words)
      if (s.words[t] == w) return true;
  return false;
}

bool is_passive(const SentenceActors& s, const VerbLexicon& lexicon, const PatternMatch& m) {
  if (m.form != HeadForm::kPast || m.pattern->noun) return false;
  const bool perfect =
      m.head > 0 && (s.words[m.head - 1] == "has" || s.words[m.head - 1] == "have" || s.words[m.head - 1] == "had");
  if (!perfect && follows_agreement(s, lexicon, m)) return true;
  // A participle with its agent, no auxiliary needed: "the accord, signed
  // by A and B, ..." (a perfect, "has signed by", is active).
  if (m.last + 1 < s.words.size() && s.words[m.last + 1] == "by" &&
      !(m.head > 0 && (s.words[m.head - 1] == "has" || s.words[m.head - 1] == "have" || s.words[m.head - 1] == "had")))
    return true;
  for (uint32_t back = 1; back <= 3 && back <= m.head; ++back) {
    std::string_view w = s.words[m.head - back];
    if (w == "was" || w == "were" || w == "been" || w == "be" || w == "is" || w == "are" || w == "being") return true;
    if (w != "not" && w != "also" && w != "reportedly" && w != "allegedly" && w != "formally" && w != "jointly") break;
  }
  return false;
}

// "the first president to visit Norway": an infinitive after an ordinal
// tells what happened, not what is planned.
bool after_ordinal(const SentenceActors& s, uint32_t to) {
  for (uint32_t back = 1; back <= 8 && back <= to; ++back) {
    std::string_view w = s.words[to - back];
    if (w == "first" || w == "second" || w == "third" || w == "last" || w == "only" || w == "latest") return true;
    if (w == "," || w == ";" || w == "will" || w == "plans" || w == "expected") return false;
  }
  return false;
}

// A third-person verb form ("sanctions", "visits") is also a plural noun;
// as a verb its subject is right before it ("Iran sanctions", "he visits",
// "Chile now supports").
bool has_subject_just_before(const SentenceActors& s, uint32_t head) {
  for (uint32_t back = 1; back <= 3 && back <= head; ++back) {
    const uint32_t t = head - back;
    for (const SentenceActor& actor : s.actors)
      if (actor.last == t) return true;
    std::string_view w = s.words[t];
    if (w == "he" || w == "she" || w == "it" || w == "who" || w == "which" || w == "that") return true;
    if (!(w.ends_with("ly") || w == "also" || w == "now" || w == "still" || w == "again" || w == "not")) return false;
  }
  return false;
}

EventActor actor_of(const SentenceActors& s, int index) {
  return index < 0 ? EventActor{} : s.actors[index].actor;
}

// Source and target actors (indexes into s.actors) of one match: for an
// event noun "by X", a possessive or the subject it hangs on, "between A and
// B", and "to/with/from X"; for a passive the agent after "by" and the
// subject as target; else the subject before and the object after.
struct Slots {
  std::vector<int> sources, targets;
  // Parties named in an earlier sentence ("This agreement, signed ..."):
  // source and target by value; sources and targets are then empty.
  bool borrowed = false;
  EventActor borrowed_source, borrowed_target;
};

Slots find_slots(const SentenceActors& s, const VerbLexicon& lexicon, const AgreementMemory& memory,
                 uint32_t sentence, const PatternMatch& m, bool passive) {
  Slots slots;
  std::vector<int>& sources = slots.sources;
  std::vector<int>& targets = slots.targets;
  if (m.nominal) {
    int by = s.actor_after_word(m.last, "by", 4);
    if (by >= 0) sources = s.group_forward(by);
    int before = s.actor_just_before(m.first, 3);
    if (before >= 0 && !s.actors[before].place_only && sources.empty()) sources = {before};
    // Otherwise the clause's subject, but only when the noun modifies its
    // action ("seals the deal on an Oslo visit"), not any noun in passing.
    if (sources.empty() && any_between(s, m.first > 8 ? m.first - 8 : 0, m.first,
                                       {"on", "during", "in", "for", "make", "made", "makes", "making", "pay",
                                        "paid", "pays", "paying", "began", "begin", "begins", "ended", "hold",
                                        "held", "holds", "wrap", "wrapped", "concluded"})) {
      int subject = s.subject_before(m.first);
      if (subject >= 0) sources = s.group_backward(subject);
    }
    // "the signing of a treaty between A and B": the parties, one on each side.
    if (sources.empty()) {
      int between = s.actor_after_word(m.last, "between", 6);
      if (between >= 0) {
        std::vector<int> parties = s.group_forward(between);
        if (split_parties(parties, slots.sources, slots.targets)) return slots;
        sources = parties;
      }
    }
    for (std::string_view prep : {"to", "with", "from", "against", "on"}) {
      int t = s.actor_after_word(m.last, prep, 5);
      if (t >= 0) {
        targets = s.group_forward(t);
        break;
      }
    }
    if (targets.empty() && before >= 0 && s.actors[before].place_only) targets = {before};
  } else if (passive) {
    int by = s.actor_after_word(m.last, "by", 4);
    if (by >= 0) sources = s.group_forward(by);
    // "an agreement expected to be signed between Iran and Russia": the
    // parties are source and target; the subject is the agreement itself.
    if (sources.empty()) {
      int between = s.actor_after_word(m.last, "between", 4);
      if (between >= 0) {
        std::vector<int> parties = s.group_forward(between);
        if (split_parties(parties, slots.sources, slots.targets)) return slots;
        sources = parties;
      }
    }
    // "the deal signed on Friday", "the treaty between A and B, expected to
    // be signed": a signing's parties are the agreement's, and the subject
    // is the agreement itself (never the speaker of "X said the deal ...").
    const int agreement = sources.empty() && m.pattern->code.starts_with("057")
                              ? agreement_before(s, lexicon, m.head)
                              : -1;
    if (agreement >= 0) {
      AgreementParties parties = agreement_parties(s, static_cast<uint32_t>(agreement));
      if (!parties.sources.empty() || !parties.targets.empty()) {
        slots.sources = std::move(parties.sources);
        slots.targets = std::move(parties.targets);
        return slots;
      }
      const PartyPair* pair = is_anaphoric(s, static_cast<uint32_t>(agreement)) ? memory.at(sentence) : nullptr;
      if (pair) {
        slots.borrowed = true;
        slots.borrowed_source = pair->first;
        slots.borrowed_target = pair->second;
      }
      return slots;
    }
    int subject = s.subject_before(m.first);
    if (subject >= 0) targets = s.group_backward(subject);
  } else {
    int subject = s.subject_before(m.first);
    if (subject >= 0) sources = s.group_backward(subject);
    int object = s.object_after(m.last, true);
    if (object < 0 && m.last != m.head) object = s.object_after(m.head, true);
    if (object >= 0) targets = s.group_forward(object);
  }
  return slots;
}

// "signed during X's visit to Moscow", "on a trip to Oslo": the place
// visited is where what happened on the visit happened.
int visit_destination(const SentenceActors& s, const VerbLexicon& lexicon) {
  for (size_t a = 0; a < s.actors.size(); ++a) {
    const SentenceActor& place = s.actors[a];
    if (place.type != EntityType::kPlace || place.prep != "to" || place.first < 2) continue;
    const uint32_t to = place.first - 1, noun = place.first - 2;
    PatternMatch visit;
    if (s.words[to] != "to" || !lexicon.best_event_at(s.words, noun, visit) || !visit.nominal ||
        !visit.pattern->code.starts_with("042"))
      continue;
    for (uint32_t back = 1; back <= 6 && back <= noun; ++back) {
      std::string_view w = s.words[noun - back];
      if (w == "during" || w == "on") return static_cast<int>(a);
      if (w == "," || w == ";") break;
    }
  }
  return -1;
}

struct Governor {
  Cue cue;
  uint32_t head;
  uint32_t last;
  int subject;  // actor index of who denies, accuses or says; -1 when none
  int object;   // accuse: the accused
};
}  // namespace

std::vector<CodedEvent> EventCoder::code_article(const Article& article) const {
  std::vector<CodedEvent> events;
  SentenceActorBuilder builder(article, agents_, &lexicon_);
  AgreementMemory agreements;
  std::vector<PatternMatch> cues;
  std::vector<PatternMatch> matches;
  for (uint32_t sentence_index = 0; sentence_index < article.sentences.size(); ++sentence_index) {
    const SentenceActors& s = builder.build(sentence_index);
    const uint32_t n = static_cast<uint32_t>(s.words.size());
    if (n == 0) continue;
    cues.clear();
    matches.clear();
    for (uint32_t i = 0; i < n; ++i) {
      if (s.in_mention[i]) continue;  // names are not verbs ("Strand", "Fortress")
      lexicon_.cues_at(s.words, i, cues);
      PatternMatch match;
      if (!lexicon_.best_event_at(s.words, i, match)) continue;
      if (match.form == HeadForm::kThird && !match.nominal && !has_subject_just_before(s, match.first)) continue;
      if (!matches.empty() && i <= matches.back().last && i >= matches.back().first) continue;
      matches.push_back(match);
    }
    if (matches.empty()) {
      agreements.note(s, lexicon_, sentence_index);
      continue;
    }
    // Cues in lower case only, except at the sentence start: "May" and
    // "Will" as names are not modal verbs.
    std::erase_if(cues, [&](const PatternMatch& c) {
      return c.head > 0 && s.capitalized[c.head];
    });
    std::vector<Governor> governors;
    for (const PatternMatch& c : cues) {
      Cue cue = c.pattern->cue;
      if (cue != Cue::kDeny && cue != Cue::kAccuse && cue != Cue::kReport) continue;
      Governor g{cue, c.head, c.last, -1, -1};
      g.subject = s.subject_before(c.first);
      if (g.subject < 0 && cue == Cue::kReport) g.subject = s.object_after(c.last, /*allow_by=*/false);
      if (cue == Cue::kAccuse) g.object = s.object_after(c.last, false);
      governors.push_back(g);
    }

    for (const PatternMatch& m : matches) {
      // A speech verb coded as a plain statement adds nothing to the
      // attribution it carries.
      if (m.pattern->code == "010" &&
          std::any_of(governors.begin(), governors.end(), [&](const Governor& g) { return g.head == m.head; }))
        continue;
      const bool passive = is_passive(s, lexicon_, m);
      Slots slots = find_slots(s, lexicon_, agreements, sentence_index, m, passive);
      std::vector<int>& sources = slots.sources;
      std::vector<int>& targets = slots.targets;

      // The speaker of "X said Y could arrive" is not Y's subject; but "X
      // said in a statement" and "X said …, rejecting …" are X's own acts.
      const bool participle_of_speaker = m.form == HeadForm::kGerund && m.first > 0 && s.words[m.first - 1] == ",";
      if (!sources.empty() && !passive && !m.nominal && !participle_of_speaker)
        for (const Governor& g : governors)
          if (g.cue == Cue::kReport && g.head > s.actors[sources.front()].last && g.head < m.first) {
            sources.clear();
            break;
          }

      // Modality from the cues around the head.
      Modality modality = Modality::kAsserted;
      std::string attributed_to, denied_by;
      int attributor = -1;
      // Cues count between the subject and the verb; when the source comes
      // after the verb (a passive), in a window before it.
      const bool subject_first = !sources.empty() && s.actors[sources.front()].last < m.first;
      const uint32_t zone_begin =
          subject_first ? s.actors[sources.front()].last + 1 : (m.first > kCueWindow ? m.first - kCueWindow : 0);
      for (const PatternMatch& c : cues) {
        if (c.head == m.head) continue;
        const Cue cue = c.pattern->cue;
        const bool before_head = c.last < m.first && c.first >= zone_begin && m.first - c.last <= kCueWindow;
        switch (cue) {
          case Cue::kNegate:
            if (before_head) raise(modality, Modality::kNegated);
            break;
          case Cue::kPlan:
            // A bare "to" marks a plan only right before the verb ("heads
            // to Oslo to sign"); a noun head takes no infinitive marker.
            if (before_head && (c.pattern->literals > 0 || s.words[c.head] != "to" || c.last + 1 == m.first) &&
                !m.nominal && !(s.words[c.head] == "to" && after_ordinal(s, c.head)))
              raise(modality, Modality::kPlanned);
            break;
          case Cue::kHypothetical:
            if (before_head || ((s.words[c.head] == "if" || s.words[c.head] == "unless") && c.head < m.head))
              raise(modality, Modality::kHypothetical);
            break;
          case Cue::kAllege:
            if (before_head || (c.first > m.last && c.first <= m.last + 2)) raise(modality, Modality::kAlleged);
            break;
          default:
            break;
        }
      }
      // Deny, accuse and say govern the events in their complement.
      for (const Governor& g : governors) {
        if (g.head == m.head) continue;
        if (g.head < m.head && m.head - g.head <= kEmbedWindow) {
          if (g.cue == Cue::kDeny && (m.form == HeadForm::kGerund || any_between(s, g.head, m.first, {"that"}))) {
            raise(modality, Modality::kDenied);
            if (g.subject >= 0) denied_by = s.actors[g.subject].actor.name;
            if (sources.empty() || s.actors[sources.front()].first < g.head) {
              if (g.subject >= 0) sources = s.group_backward(g.subject);
            }
          } else if (g.cue == Cue::kAccuse && any_between(s, g.head, m.first, {"that"})) {
            // "X alleges that Y bought …": Y's act, alleged by X.
            raise(modality, Modality::kAlleged);
            if (g.subject >= 0) attributed_to = s.actors[g.subject].actor.name, attributor = g.subject;
          } else if (g.cue == Cue::kAccuse && m.form == HeadForm::kGerund && any_between(s, g.head, m.first, {"of"})) {
            raise(modality, Modality::kAlleged);
            if (g.subject >= 0) attributed_to = s.actors[g.subject].actor.name, attributor = g.subject;
            if (g.object >= 0) sources = s.group_forward(g.object);
            std::erase_if(targets, [&](int t) { return t == g.object; });
          } else if (g.cue == Cue::kReport && (sources.empty() || s.actors[sources.front()].first > g.head)) {
            raise(modality, Modality::kReported);
            if (g.subject >= 0 && attributed_to.empty()) attributed_to = s.actors[g.subject].actor.name, attributor = g.subject;
          }
        } else if (g.cue == Cue::kReport && g.head > m.last && any_between(s, m.last, g.head, {","})) {
          // "…, X said." after the reported clause.
          raise(modality, Modality::kReported);
          int speaker = g.subject >= 0 && s.actors[g.subject].first > m.last ? g.subject
                                                                              : s.object_after(g.last, false);
          if (speaker >= 0 && attributed_to.empty()) attributed_to = s.actors[speaker].actor.name, attributor = speaker;
        }
      }

      if (sources.empty() && targets.empty() && !slots.borrowed) continue;
      // "Norway and Chile signed": the parties act together; the first is
      // the source of an event towards each of the others.
      std::vector<std::pair<int, int>> pairs;
      if (targets.empty() && sources.size() > 1) {
        // Joint acts ("Norway and Chile signed", "A and B postponed their
        // meeting") go both ways; the merge stage counts the pair once.
        for (size_t k = 1; k < sources.size(); ++k) {
          pairs.push_back({sources[0], sources[k]});
          pairs.push_back({sources[k], sources[0]});
        }
      } else if (slots.borrowed) {
        pairs.push_back({-1, -1});
      } else if (sources.empty()) {
        for (int t : targets) pairs.push_back({-1, t});
      } else {
        for (int src : sources) {
          if (targets.empty()) pairs.push_back({src, -1});
          for (int t : targets)
            if (t != src) pairs.push_back({src, t});
        }
      }
      // "[042:043]": the target's own act towards the source (a visit is
      // hosted), unless the pairs already go both ways with that code.
      if (!m.pattern->reverse_code.empty()) {
        const size_t n_pairs = pairs.size();
        for (size_t k = 0; k < n_pairs; ++k) {
          auto [src, tgt] = pairs[k];
          if (src < 0 || tgt < 0) continue;
          bool present = m.pattern->reverse_code == m.pattern->code &&
                         std::find(pairs.begin(), pairs.end(), std::make_pair(tgt, src)) != pairs.end();
          if (!present) pairs.push_back({-2 - tgt, src});  // marks a reversed pair
        }
      }
      int location = s.location_near(m.head);
      if (location < 0) location = visit_destination(s, lexicon_);
      for (auto [src, tgt] : pairs) {
        const bool reversed = src <= -2;
        if (reversed) src = -2 - src;
        CodedEvent event;
        event.code = reversed ? m.pattern->reverse_code : m.pattern->code;
        event.source = slots.borrowed ? slots.borrowed_source : actor_of(s, src);
        event.target = slots.borrowed ? slots.borrowed_target : actor_of(s, tgt);
        if (s.same_actor(src, tgt)) event.target = EventActor{};
        // A place visited stands for its country ("on Oslo visit" → NOR).
        if (tgt >= 0 && s.actors[tgt].place_only && event.target.actor_code.empty())
          event.target.actor_code = event.target.country;
        if (src >= 0 && s.actors[src].place_only && event.source.actor_code.empty())
          event.source.actor_code = event.source.country;
        event.modality = modality;
        event.attributed_to = attributed_to;
        event.attributor = actor_of(s, attributor);
        event.denied_by = denied_by;
        event.sentence = s.sentence;
        event.sentence_index = sentence_index;
        event.trigger = {s.tokens[m.first].begin, s.tokens[m.last].end};
        // A place visited is also where the event happened.
        const bool visit = event.code.starts_with("04");
        int place = location >= 0 ? location : (visit && tgt >= 0 && s.actors[tgt].place_only ? tgt : -1);
        if (place >= 0) {
          event.location = s.actors[place].actor.name;
          event.location_country = s.actors[place].actor.country;
          event.location_span = s.actors[place].actor.span;
        }
        events.push_back(std::move(event));
      }
    }
    agreements.note(s, lexicon_, sentence_index);
  }
  link_denials(article, events);
  return events;
}

}  // namespace storyline::events
