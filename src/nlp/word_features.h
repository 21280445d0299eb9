// What the tagger, parser and recogniser know about one word before they
// look at its neighbours: hashes of its form, of its lower-case form with
// digits folded ("1999" and "2024" are one word), of its affixes and of its
// shape ("Xx", "X.X.", "d"), computed once per word and shared.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace storyline::nlp {

struct WordInfo {
  uint64_t form = 0;    // as written
  uint64_t lower = 0;   // lower case (ASCII), digits as 0
  uint64_t prefix[3] = {0, 0, 0};  // first 1, 2, 3 bytes of `lower`
  uint64_t suffix[4] = {0, 0, 0, 0};  // last 1..4 bytes of `lower`
  uint64_t shape = 0;   // character classes with runs collapsed
  bool capitalised = false;
  bool all_caps = false;
  bool has_digit = false;
  bool is_punct = false;  // no letter or digit at all
};

WordInfo describe_word(std::string_view form);
void describe_words(const std::vector<std::string_view>& forms, std::vector<WordInfo>& out);

// The lower-case form with digits as 0, as `WordInfo::lower` hashes it.
std::string normalized_word(std::string_view form);
// The collapsed shape, as `WordInfo::shape` hashes it ("Obama" → "Xx").
std::string word_shape(std::string_view form);

}  // namespace storyline::nlp
