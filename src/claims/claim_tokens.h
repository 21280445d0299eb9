// Words of one sentence as the claims stage reads them: lower-cased, with
// numbers, currency symbols and hyphen/attachment marks kept, so that
// "15-year", "€12bn" and "two million" can be read as quantities.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "storyline/document.h"

namespace storyline::claims {

struct ClaimToken {
  Span span;                 // bytes in the article text
  std::string lower;         // lower-cased (ASCII letters; other bytes as they are)
  bool attached = false;     // no space before it ("12bn", "15-year" after the hyphen)
  bool after_hyphen = false; // joined to the previous token by '-'
  bool is_digits = false;    // a numeral ("12", "11,000", "2.5")
  bool capitalized = false;  // starts with an upper-case letter in the text
  bool punct = false;        // a punctuation mark (",", ".", quotes)
  double number = 0;         // the numeral's value when is_digits
};

// Splits `sentence` (a span of `text`) into tokens.
std::vector<ClaimToken> tokenize_claim_text(std::string_view text, Span sentence);

}  // namespace storyline::claims
