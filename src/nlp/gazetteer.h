// What lists of known names say about the words of a sentence, for the
// recogniser to use as features (never as its only source): the kind of
// the longest known name covering each word (a place, an organisation, a
// person, a nationality) with the word's place in it, and what each word is
// on its own (a given name, an organisation's head word such as "Ministry",
// a title such as "minister", a capitalised word that is not a name).
//
// The lists themselves are the knowledge base's (src/entities/); this
// interface keeps the recogniser free of how they are stored.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "storyline/document.h"

namespace storyline::nlp {

enum PhraseKind : uint8_t { kPhrasePerson = 1, kPhraseOrganization = 2, kPhrasePlace = 4, kPhraseNationality = 8 };
enum WordKind : uint8_t { kWordGivenName = 1, kWordOrganizationHead = 2, kWordTitle = 4, kWordNotName = 8 };

class Gazetteer {
 public:
  virtual ~Gazetteer() = default;
  // Longest phrase, in words, the lists hold.
  virtual size_t max_phrase_words() const = 0;
  // The kinds of name `phrase` (as written in the text) is; 0 when none.
  virtual uint8_t phrase_kinds(std::string_view phrase) const = 0;
  // What `word` (as written) is on its own; 0 when nothing.
  virtual uint8_t word_kinds(std::string_view word) const = 0;
};

struct GazetteerMark {
  uint8_t phrase_kinds = 0;  // of the longest known name covering the word
  uint8_t position = 0;      // in it: 0 none, 1 begin, 2 inside, 3 last, 4 the whole name
  uint8_t word_kinds = 0;
};

// One mark per word: `words` are spans into `text`. Names are looked for at
// words that start with a capital or a digit (lists are of proper names);
// the longest match wins and matches do not overlap.
void mark_words(const Gazetteer& gazetteer, std::string_view text, const std::vector<Span>& words,
                std::vector<GazetteerMark>& out);

}  // namespace storyline::nlp
