// Words of a text range as the date finder sees them: runs of letters and
// digits (a curly or straight apostrophe inside a word belongs to it), each
// with the bytes between it and the previous word, which tell whether two
// words can belong to one expression ("January 17, 2025") or not ("Friday.
// The").
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "storyline/document.h"

namespace storyline::dates {

struct DateToken {
  Span span;
  std::string lower;       // ASCII-lower-cased word, curly apostrophes made straight
  std::string_view gap;    // the bytes before this word, after the previous one
  bool capitalized = false;
  int number = -1;         // the value of a digit run ("17", "17th" → 17), else -1
  int digits = 0;          // how many leading digits
};

std::vector<DateToken> date_tokens(std::string_view text, Span range);

// What lies between two words.
bool is_space_gap(std::string_view gap);          // only spaces (no line break)
bool ends_sentence(std::string_view gap);         // . ! ? or a line break
bool ends_clause(std::string_view gap);           // a sentence end, or , ; : dashes, brackets, quote marks

}  // namespace storyline::dates
