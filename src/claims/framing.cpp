#include "claims/framing.h"

#include <algorithm>

#include "core/data_files.h"
#include "core/text_util.h"

namespace storyline::claims {

const char* framing_name(Framing framing) {
  switch (framing) {
    case Framing::kAsserted: return "asserted";
    case Framing::kAttributed: return "attributed";
    case Framing::kAlleged: return "alleged";
    case Framing::kDenied: return "denied";
    case Framing::kHedged: return "hedged";
  }
  return "asserted";
}

Result<FramingLexicon> FramingLexicon::load(const std::string& data_dir) {
  FramingLexicon lexicon;
  auto rows = core::read_table(data_dir + "/claims/framing.tsv");
  if (!rows) return rows.status();
  for (const auto& row : *rows) {
    if (row.size() < 2) return Status::invalid_input("claims/framing.tsv: a row needs a cue and a class");
    Cue cue;
    for (auto word : core::split(row[0], ' '))
      if (!word.empty()) cue.words.emplace_back(word);
    cue.kind = row[1];
    lexicon.cues_.push_back(std::move(cue));
  }
  std::stable_sort(lexicon.cues_.begin(), lexicon.cues_.end(),
                   [](const Cue& a, const Cue& b) { return a.words.size() > b.words.size(); });
  for (size_t c = 0; c < lexicon.cues_.size(); ++c)
    if (!lexicon.cues_[c].words.empty()) lexicon.by_first_word_[lexicon.cues_[c].words[0]].push_back(c);
  return lexicon;
}

SentenceFraming FramingLexicon::classify(const std::vector<ClaimToken>& tokens) const {
  SentenceFraming result;
  result.cue_tokens.assign(tokens.size(), false);
  bool denied_aside = false;
  size_t attribution_cue = SIZE_MAX, strong_cue = SIZE_MAX;
  for (size_t i = 0; i < tokens.size();) {
    const Cue* match = nullptr;
    auto candidates = by_first_word_.find(tokens[i].lower);
    if (candidates == by_first_word_.end()) {
      ++i;
      continue;
    }
    for (size_t c : candidates->second) {
      const Cue& cue = cues_[c];
      if (i + cue.words.size() > tokens.size()) continue;
      bool equal = true;
      for (size_t k = 0; k < cue.words.size() && equal; ++k) equal = tokens[i + k].lower == cue.words[k];
      if (equal) {
        match = &cue;
        break;
      }
    }
    if (!match) {
      ++i;
      continue;
    }
    const std::string& kind = match->kind;
    if (kind != "no_negation" && kind != "negation")
      for (size_t k = 0; k < match->words.size(); ++k) result.cue_tokens[i + k] = true;
    if (kind == "attributed") {
      result.attributed = true;
      if (attribution_cue == SIZE_MAX) attribution_cue = i;
    } else if (kind == "alleged") {
      result.alleged = true;
      if (strong_cue == SIZE_MAX) strong_cue = i;
    } else if (kind == "denied") {
      result.denied = true;
      strong_cue = i;
    } else if (kind == "denied_aside") {
      denied_aside = true;
    } else if (kind == "hedged") {
      result.hedged = true;
    } else if (kind == "negation") {
      result.negated = true;
      result.negation_tokens.push_back(i + match->words.size() - 1);
    } else if (kind == "anaphor") {
      // "the accusation" refers back and is itself an allegation word:
      // the words stay open to the other cues.
      result.anaphor = true;
      ++i;
      continue;
    }
    i += match->words.size();
  }
  // "X said ..., rejecting suggestions that ...": the participle denies
  // another proposition; the sentence's own is attributed. Without an
  // attribution, a participle denial is a denial.
  if (denied_aside && !result.attributed) result.denied = true;
  if (result.denied) result.framing = Framing::kDenied;
  else if (result.alleged) result.framing = Framing::kAlleged;
  else if (result.attributed) result.framing = Framing::kAttributed;
  else if (result.hedged) result.framing = Framing::kHedged;
  result.cue_token = strong_cue != SIZE_MAX ? strong_cue : attribution_cue;
  return result;
}

}  // namespace storyline::claims
