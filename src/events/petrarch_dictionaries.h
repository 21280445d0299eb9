// Loaders for PETRARCH/TABARI dictionaries, for users who own them: the verb
// dictionary (CAMEO.2.0.txt format: synonym sets, verb blocks, patterns) is
// converted into the coder's rules; actor dictionaries (names, synonyms,
// codes with date ranges) and agent dictionaries (role words with ~CODE)
// tag mentions in plain text. Errors are values naming the file and line.
// Dictionaries in circulation hold typos ("[~ENV}", a seven-digit date):
// given a `warnings` list, a loader skips such an entry and lists it there
// (file:line: what); without one, the first is an error.
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

// Adds the verbs and patterns of a PETRARCH verb dictionary to `lexicon`.
// `rules` receives how many rules were added; `warnings` what was repaired
// or skipped (a pattern naming an undefined synonym set matches the set's
// name as a word).
Status load_petrarch_verbs(const std::string& path, VerbLexicon& lexicon, size_t* rules = nullptr,
                           std::vector<std::string>* warnings = nullptr);

// A code valid between two dates (yyyymmdd, inclusive); open ends are 0 and 99999999.
struct DatedCode {
  std::string code;
  int32_t from = 0;
  int32_t to = 99999999;
};

class ActorDictionary {
 public:
  // Adds a PETRARCH actor dictionary (may be called for several files).
  Status add_file(const std::string& path, std::vector<std::string>* warnings = nullptr);
  // The actor code of a phrase (upper case, words separated by one space)
  // on `date` (yyyymmdd); empty when unknown.
  std::string code_of(const std::string& phrase, int32_t date) const;
  size_t longest() const { return longest_; }
  size_t size() const { return actors_.size(); }

 private:
  std::unordered_map<std::string, std::vector<DatedCode>> actors_;
  size_t longest_ = 1;
};

class AgentDictionary {
 public:
  Status add_file(const std::string& path, std::vector<std::string>* warnings = nullptr);
  // The agent code ("GOV", "GOVFRM") of a phrase, empty when none.
  std::string code_of(const std::string& phrase) const;
  size_t longest() const { return longest_; }
  size_t size() const { return agents_.size(); }

 private:
  std::unordered_map<std::string, std::string> agents_;
  size_t longest_ = 1;
};

// Entity mentions in a segmented article from the dictionaries: the longest
// actor or agent phrase at each token; an agent right after a country actor
// ("Arnor's president", "Arnorian foreign minister") takes its code as
// prefix. Mentions are typed ORGANIZATION with their actor code.
std::vector<EntityMention> tag_dictionary_actors(const Article& article, const ActorDictionary& actors,
                                                 const AgentDictionary& agents, int32_t date);

}  // namespace storyline::events
