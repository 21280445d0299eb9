#include "events/verb_lexicon.h"

#include <algorithm>
#include <sstream>

#include "core/data_files.h"
#include "core/text_util.h"

namespace storyline::events {

namespace {
constexpr int kMaxGap = 6;  // tokens a "..." may skip

bool is_vowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }

// Words a gap does not cross: the pattern's words belong to one clause.
bool is_barrier(std::string_view word) {
  return word == ";" || word == "\"" || word == "\xE2\x80\x9C" || word == "\xE2\x80\x9D" || word == "." ||
         word == ":" || word == "(" || word == ")";
}

bool one_of(const std::vector<std::string>& words, std::string_view word) {
  for (const auto& w : words)
    if (w == word) return true;
  return false;
}

Cue cue_named(std::string_view name) {
  if (name == "@negate") return Cue::kNegate;
  if (name == "@plan") return Cue::kPlan;
  if (name == "@hypothetical") return Cue::kHypothetical;
  if (name == "@allege") return Cue::kAllege;
  if (name == "@accuse") return Cue::kAccuse;
  if (name == "@deny") return Cue::kDeny;
  if (name == "@report") return Cue::kReport;
  return Cue::kNone;
}

// Forward match of elements [k, end) from token `pos`; returns the last
// token consumed (or `last` when nothing more is needed), -1 on failure.
int match_forward(const std::vector<PatternElement>& e, size_t k, const std::vector<std::string_view>& words, int pos,
                  int last) {
  if (k == e.size()) return last;
  const int n = static_cast<int>(words.size());
  if (e[k].kind == PatternElement::Kind::kGap) {
    for (int skip = 0; skip <= kMaxGap && pos + skip <= n; ++skip) {
      if (skip > 0 && is_barrier(words[pos + skip - 1])) break;
      int r = match_forward(e, k + 1, words, pos + skip, last);
      if (r >= 0) return r;
    }
    return -1;
  }
  if (pos >= n || !one_of(e[k].words, words[pos])) return -1;
  return match_forward(e, k + 1, words, pos + 1, pos);
}

// Backward match of elements [0, k) ending just before token `pos`.
int match_backward(const std::vector<PatternElement>& e, int k, const std::vector<std::string_view>& words, int pos,
                   int first) {
  if (k < 0) return first;
  if (e[k].kind == PatternElement::Kind::kGap) {
    for (int skip = 0; skip <= kMaxGap && pos - skip >= -1; ++skip) {
      if (skip > 0 && is_barrier(words[pos - skip + 1])) break;
      int r = match_backward(e, k - 1, words, pos - skip, first);
      if (r >= 0) return r;
    }
    return -1;
  }
  if (pos < 0 || !one_of(e[k].words, words[pos])) return -1;
  return match_backward(e, k - 1, words, pos - 1, pos);
}
}  // namespace

std::vector<std::pair<std::string, HeadForm>> verb_forms(const std::string& lemma) {
  std::vector<std::pair<std::string, HeadForm>> forms{{lemma, HeadForm::kBase}};
  if (lemma.empty()) return forms;
  const char last = lemma.back();
  const std::string stem = lemma.substr(0, lemma.size() - 1);
  const bool consonant_y = last == 'y' && lemma.size() > 1 && !is_vowel(lemma[lemma.size() - 2]);
  // third person
  if (consonant_y) forms.push_back({stem + "ies", HeadForm::kThird});
  else if (last == 's' || last == 'x' || last == 'z' || lemma.ends_with("ch") || lemma.ends_with("sh"))
    forms.push_back({lemma + "es", HeadForm::kThird});
  else forms.push_back({lemma + "s", HeadForm::kThird});
  // past and participle
  if (last == 'e') forms.push_back({lemma + "d", HeadForm::kPast});
  else if (consonant_y) forms.push_back({stem + "ied", HeadForm::kPast});
  else forms.push_back({lemma + "ed", HeadForm::kPast});
  // gerund
  if (last == 'e' && !lemma.ends_with("ee") && lemma.size() > 2) forms.push_back({stem + "ing", HeadForm::kGerund});
  else forms.push_back({lemma + "ing", HeadForm::kGerund});
  // A final consonant after a single vowel may double (plan → planned,
  // ship → shipping); both spellings are keys, the wrong one never occurs.
  if (lemma.size() >= 3 && !is_vowel(last) && last != 'w' && last != 'x' && last != 'y' &&
      is_vowel(lemma[lemma.size() - 2]) && !is_vowel(lemma[lemma.size() - 3])) {
    forms.push_back({lemma + last + "ed", HeadForm::kPast});
    forms.push_back({lemma + last + "ing", HeadForm::kGerund});
  }
  return forms;
}

std::vector<std::pair<std::string, HeadForm>> noun_forms(const std::string& noun) {
  std::vector<std::pair<std::string, HeadForm>> forms{{noun, HeadForm::kNoun}};
  if (noun.empty() || noun.back() == 's') return forms;
  const char last = noun.back();
  if (last == 'y' && noun.size() > 1 && !is_vowel(noun[noun.size() - 2]))
    forms.push_back({noun.substr(0, noun.size() - 1) + "ies", HeadForm::kNoun});
  else if (last == 'x' || last == 'z' || noun.ends_with("ch") || noun.ends_with("sh"))
    forms.push_back({noun + "es", HeadForm::kNoun});
  else forms.push_back({noun + "s", HeadForm::kNoun});
  return forms;
}

Result<VerbLexicon> VerbLexicon::load(const std::string& path) {
  std::string text;
  if (Status status = core::read_file(path, text); !status.is_ok()) return status;
  VerbLexicon lexicon;
  std::istringstream lines(text);
  std::string line;
  int number = 0;
  while (std::getline(lines, line)) {
    ++number;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (core::trim(line).empty() || line[0] == '#') continue;
    size_t tab = line.find('\t');
    if (tab == std::string::npos)
      return Status::invalid_input(path + ":" + std::to_string(number) + ": expected CODE<TAB>PATTERN");
    if (Status status = lexicon.add_rule(std::string_view(line).substr(0, tab),
                                         core::trim(std::string_view(line).substr(tab + 1)), number);
        !status.is_ok())
      return Status::invalid_input(path + ":" + std::to_string(number) + ": " + status.message());
  }
  if (lexicon.event_rules_ == 0) return Status::invalid_input(path + ": no event rules");
  return lexicon;
}

Status VerbLexicon::add_rule(std::string_view code, std::string_view pattern_text, int line) {
  VerbPattern pattern;
  pattern.line = line;
  code = core::trim(code);
  // Word lists that help find an event's parties rather than code one.
  if (code == "@agreement" || code == "@pair" || code == "@pair-country") {
    for (std::string_view element : core::split(pattern_text, '|')) {
      std::string word = core::ascii_lower(core::trim(element));
      if (word.empty() || word.find(' ') != std::string::npos)
        return Status::invalid_input("'" + std::string(code) + "' takes single words separated by '|'");
      if (code == "@agreement") {
        for (auto& [form, kind] : noun_forms(word)) agreement_nouns_.insert(form);
      } else {
        pair_nouns_[word] = code == "@pair" ? PairNoun::kActors : PairNoun::kCountries;
      }
    }
    return Status::ok();
  }
  if (!code.empty() && code[0] == '@') {
    pattern.cue = cue_named(code);
    if (pattern.cue == Cue::kNone) return Status::invalid_input("unknown cue '" + std::string(code) + "'");
  } else {
    auto is_code = [](std::string_view c) {
      return c.size() >= 2 && c.size() <= 4 && std::all_of(c.begin(), c.end(), [](char d) { return d >= '0' && d <= '9'; });
    };
    size_t colon = code.find(':');
    std::string_view main = code.substr(0, colon);
    std::string_view reverse = colon == std::string_view::npos ? std::string_view() : code.substr(colon + 1);
    if (!is_code(main) || (colon != std::string_view::npos && !is_code(reverse)))
      return Status::invalid_input("'" + std::string(code) + "' is not a CAMEO code (CODE or CODE:REVERSE)");
    pattern.code = std::string(main);
    pattern.reverse_code = std::string(reverse);
  }
  std::vector<std::pair<std::string, HeadForm>> forms;
  int heads = 0;
  for (std::string_view element : core::split(pattern_text, ' ')) {
    if (element.empty()) continue;
    PatternElement e;
    if (element == "...") {
      e.kind = PatternElement::Kind::kGap;
    } else if (element.starts_with("v:") || element.starts_with("n:")) {
      ++heads;
      pattern.noun = element[0] == 'n';
      pattern.verb = element[0] == 'v';
      auto parts = core::split(element.substr(2), '/');
      if (parts.empty() || parts[0].empty()) return Status::invalid_input("empty head in '" + std::string(element) + "'");
      std::string word = core::ascii_lower(parts[0]);
      forms = pattern.noun ? noun_forms(word) : verb_forms(word);
      for (size_t p = 1; p < parts.size(); ++p)
        forms.push_back({core::ascii_lower(parts[p]), pattern.noun ? HeadForm::kNoun : HeadForm::kPast});
      e.kind = PatternElement::Kind::kHead;
      e.words = {word};
    } else {
      for (std::string_view word : core::split(element, '|')) {
        if (word.empty()) return Status::invalid_input("empty alternative in '" + std::string(element) + "'");
        e.words.push_back(core::ascii_lower(word));
      }
      ++pattern.literals;
    }
    pattern.elements.push_back(std::move(e));
  }
  if (pattern.elements.empty()) return Status::invalid_input("empty pattern");
  if (heads > 1) return Status::invalid_input("more than one head (v: or n:)");
  if (heads == 0) {
    if (pattern.cue == Cue::kNone) return Status::invalid_input("an event rule needs a head (v: or n:)");
    // A headless cue is keyed on its first word.
    if (pattern.elements[0].kind != PatternElement::Kind::kWords)
      return Status::invalid_input("a cue must start with a word");
    pattern.elements[0].kind = PatternElement::Kind::kHead;
    --pattern.literals;
    for (const auto& w : pattern.elements[0].words) forms.push_back({w, HeadForm::kBase});
  }
  add_pattern(std::move(pattern), std::move(forms));
  return Status::ok();
}

bool VerbLexicon::names_agreement(std::string_view word) const {
  return agreement_nouns_.find(word) != agreement_nouns_.end();
}

PairNoun VerbLexicon::pair_noun(std::string_view word) const {
  auto it = pair_nouns_.find(word);
  return it == pair_nouns_.end() ? PairNoun::kNone : it->second;
}

void VerbLexicon::index_head(uint32_t pattern, const std::string& word, HeadForm form) {
  auto& entries = heads_[word];
  for (const auto& entry : entries)
    if (entry.pattern == pattern) return;
  entries.push_back({pattern, form});
}

void VerbLexicon::add_pattern(VerbPattern pattern, std::vector<std::pair<std::string, HeadForm>> forms) {
  if (forms.empty()) {
    for (const auto& e : pattern.elements)
      if (e.kind == PatternElement::Kind::kHead && !e.words.empty())
        forms = pattern.noun ? noun_forms(e.words[0]) : verb_forms(e.words[0]);
  }
  (pattern.cue == Cue::kNone ? event_rules_ : cue_rules_) += 1;
  uint32_t index = static_cast<uint32_t>(patterns_.size());
  patterns_.push_back(std::move(pattern));
  for (const auto& [word, form] : forms) index_head(index, word, form);
}

bool VerbLexicon::match(const VerbPattern& pattern, const std::vector<std::string_view>& words, uint32_t i,
                        PatternMatch& out) const {
  const auto& e = pattern.elements;
  size_t head = 0;
  while (head < e.size() && e[head].kind != PatternElement::Kind::kHead) ++head;
  int last = match_forward(e, head + 1, words, static_cast<int>(i) + 1, static_cast<int>(i));
  if (last < 0) return false;
  int first = match_backward(e, static_cast<int>(head) - 1, words, static_cast<int>(i) - 1, static_cast<int>(i));
  if (first < 0) return false;
  out.pattern = &pattern;
  out.head = i;
  out.first = static_cast<uint32_t>(first);
  out.last = static_cast<uint32_t>(last);
  return true;
}

// Whether the word at `i` reads as a noun: after a determiner or a
// possessive ("the first visit", "Chile's visit"), or before "by"/"of".
bool noun_context(const std::vector<std::string_view>& words, uint32_t i) {
  static const std::string_view kBefore[] = {"the", "a", "an", "his", "her", "its", "their", "our", "this",
                                             "first", "state", "official", "last", "recent", "planned", "second",
                                             "surprise", "two-day", "three-day", "historic", "brief", "weekend",
                                             // after a preposition (not "to") a verb form is a noun: "lack of
                                             // support", "in retreat"
                                             "of", "for", "with", "without", "in", "on", "about", "under",
                                             "western", "new", "further", "more", "such", "any", "no"};
  if (i > 0) {
    std::string_view prev = words[i - 1];
    for (std::string_view w : kBefore)
      if (prev == w) return true;
    if (prev.ends_with("'s")) return true;
  }
  if (i + 1 >= words.size()) return false;
  // "… of" / "… by" after the head, or the head as a subject: "the treaty
  // signing was planned", "the visit is".
  std::string_view next = words[i + 1];
  return next == "by" || next == "of" || next == "was" || next == "is" || next == "were" || next == "are";
}

bool VerbLexicon::best_event_at(const std::vector<std::string_view>& words, uint32_t i, PatternMatch& out) const {
  auto it = heads_.find(words[i]);
  if (it == heads_.end()) return false;
  // A word that is both a verb and a noun ("visit", "sign") is read as what
  // its context says; the other reading is kept only when nothing else matches.
  const bool as_noun = noun_context(words, i);
  bool found = false;
  for (int pass = 0; pass < 2 && !found; ++pass)
  for (const HeadEntry& entry : it->second) {
    const VerbPattern& pattern = patterns_[entry.pattern];
    if (pattern.cue != Cue::kNone) continue;
    const bool ambiguous_form = entry.form == HeadForm::kBase || entry.form == HeadForm::kThird || entry.form == HeadForm::kNoun;
    if (pass == 0 && ambiguous_form && pattern.noun != as_noun) continue;
    // The fallback reads a noun where a verb was expected ("Chile talks"),
    // never a verb after a determiner ("an accord").
    if (pass == 1 && !(ambiguous_form && pattern.noun && !as_noun)) continue;
    if (found && pattern.literals <= out.pattern->literals) continue;
    PatternMatch candidate;
    if (!match(pattern, words, i, candidate)) continue;
    candidate.form = entry.form;
    candidate.nominal = pattern.noun || (entry.form == HeadForm::kGerund && as_noun);
    out = candidate;
    found = true;
  }
  return found;
}

void VerbLexicon::cues_at(const std::vector<std::string_view>& words, uint32_t i, std::vector<PatternMatch>& out) const {
  auto it = heads_.find(words[i]);
  if (it == heads_.end()) return;
  for (const HeadEntry& entry : it->second) {
    const VerbPattern& pattern = patterns_[entry.pattern];
    if (pattern.cue == Cue::kNone) continue;
    // "the state visit", "denied the claim": a noun, not a speech verb.
    if (pattern.verb && (entry.form == HeadForm::kBase || entry.form == HeadForm::kThird) && noun_context(words, i))
      continue;
    PatternMatch candidate;
    if (!match(pattern, words, i, candidate)) continue;
    candidate.form = entry.form;
    out.push_back(candidate);
  }
}

}  // namespace storyline::events
