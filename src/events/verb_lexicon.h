// The verb lexicon: rules that code a CAMEO event from a head verb or noun
// and the words around it, and cues that change an event's modality. The
// project's own rules are read from data/events/verb_patterns.txt (format in
// its header); PETRARCH/TABARI verb dictionaries are converted into the same
// rules (events/petrarch_dictionaries.h).
//
// Lookup is one hash probe per token: every inflected form of every head is
// a key, so the cost per sentence is linear in its tokens.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "storyline/status.h"

namespace storyline::events {

enum class Cue : uint8_t { kNone, kNegate, kPlan, kHypothetical, kAllege, kAccuse, kDeny, kReport };

struct PatternElement {
  enum class Kind : uint8_t { kWords, kGap, kHead };
  Kind kind = Kind::kWords;
  std::vector<std::string> words;  // alternatives (kWords)
};

struct VerbPattern {
  std::string code;  // CAMEO code of an event rule; empty for a cue
  std::string reverse_code;  // the target's act towards the source, when the rule implies one ("042:043": a visit is hosted)
  Cue cue = Cue::kNone;
  bool noun = false;  // the head is an event noun, not a verb
  bool verb = false;  // the head is a verb (v:), whose base form may also be a noun
  std::vector<PatternElement> elements;  // exactly one kHead (or the first kWords for a headless cue)
  int literals = 0;   // specificity: literal elements besides the head
  int line = 0;       // where it was defined (for messages and ties)
};

// What "the two X" / "both X" stands for (`@pair`, `@pair-country`): the two
// parties named just before, as they were named ("the two leaders") or as
// their countries ("the two countries").
enum class PairNoun : uint8_t { kNone, kActors, kCountries };

// How the token at the head was inflected.
enum class HeadForm : uint8_t { kBase, kThird, kPast, kGerund, kNoun };

struct PatternMatch {
  const VerbPattern* pattern = nullptr;
  uint32_t head = 0;   // token index of the head
  uint32_t first = 0;  // first and last token covered by the pattern
  uint32_t last = 0;
  HeadForm form = HeadForm::kBase;
  bool nominal = false;  // a noun head, or a gerund used as a noun ("the signing of")
};

class VerbLexicon {
 public:
  // Reads the project's format; an error names the file and line.
  static Result<VerbLexicon> load(const std::string& path);

  // Adds one rule: `code` is a CAMEO code or a cue name ("@plan"), `pattern`
  // the project's pattern syntax. The error says what is wrong (the caller
  // adds the place).
  Status add_rule(std::string_view code, std::string_view pattern, int line = 0);
  // Adds a rule built by another loader. `forms` are the head's inflected
  // forms with their kind; when empty, forms are generated from the head word.
  void add_pattern(VerbPattern pattern, std::vector<std::pair<std::string, HeadForm>> forms = {});

  // The best event rule matching with its head at token `i` of `words`
  // (lower-cased tokens), if any, and every cue whose head is token `i`.
  bool best_event_at(const std::vector<std::string_view>& words, uint32_t i, PatternMatch& out) const;
  void cues_at(const std::vector<std::string_view>& words, uint32_t i, std::vector<PatternMatch>& out) const;

  // `@agreement`: a noun that names an agreement ("treaty", "deals"); the
  // parties of its signing are the agreement's.
  bool names_agreement(std::string_view word) const;
  // `@pair` / `@pair-country`: a plural noun that, after "the two" or
  // "both", refers back to two parties ("leaders", "countries").
  PairNoun pair_noun(std::string_view word) const;

  size_t event_rules() const { return event_rules_; }
  size_t cue_rules() const { return cue_rules_; }

 private:
  struct HeadEntry {
    uint32_t pattern;
    HeadForm form;
  };
  struct Hash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>()(s); }
  };
  bool match(const VerbPattern& pattern, const std::vector<std::string_view>& words, uint32_t i, PatternMatch& out) const;
  void index_head(uint32_t pattern, const std::string& word, HeadForm form);

  std::vector<VerbPattern> patterns_;
  std::unordered_map<std::string, std::vector<HeadEntry>, Hash, std::equal_to<>> heads_;
  std::unordered_set<std::string, Hash, std::equal_to<>> agreement_nouns_;
  std::unordered_map<std::string, PairNoun, Hash, std::equal_to<>> pair_nouns_;
  size_t event_rules_ = 0;
  size_t cue_rules_ = 0;
};

// Regular inflections of a verb lemma ("sign" → signs, signed, signing) and
// of a noun (its plural), with their kinds.
std::vector<std::pair<std::string, HeadForm>> verb_forms(const std::string& lemma);
std::vector<std::pair<std::string, HeadForm>> noun_forms(const std::string& noun);

}  // namespace storyline::events
