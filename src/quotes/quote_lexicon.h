// The words the quote finder reads from data/quotes/: cue verbs
// (cue_verbs.txt) and the small word classes that shape attributions
// (attribution_words.tsv). Both formats are documented in the files.
#pragma once

#include <string>
#include <unordered_map>
#include <unordered_set>

#include "storyline/status.h"

namespace storyline::quotes {

enum class CueObject { kClause, kThatClause, kAddressee };

struct CueVerb {
  std::string lemma;
  CueObject object = CueObject::kClause;
};

struct QuoteLexicon {
  std::unordered_map<std::string, CueVerb> cues;  // form ("said") → verb
  std::unordered_map<std::string, std::unordered_set<std::string>> classes;  // kind → words

  static Result<QuoteLexicon> load(const std::string& data_dir);
  bool is(std::string_view kind, const std::string& word) const {
    auto found = classes.find(std::string(kind));
    return found != classes.end() && found->second.count(word) > 0;
  }
  const CueVerb* cue(const std::string& word) const {
    auto found = cues.find(word);
    return found == cues.end() ? nullptr : &found->second;
  }
};

}  // namespace storyline::quotes
