// Quantities in a sentence, normalised so that different wordings of one
// figure compare equal: "20-year", "twenty years" and "two decades" are all
// 20 years; "a decade and a half" is 15 years; "55 billion cubic meters" and
// "55 bcm" are 5.5e10 m3; "12bn euros" and "€12 billion" are 1.2e10 EUR.
// The number words, units, rate phrases and qualifiers are data files in
// data/claims/ (numbers.tsv, units.tsv, rates.tsv, qualifiers.tsv).
#pragma once

#include <map>
#include <unordered_map>
#include <string>
#include <vector>

#include "claims/claim_tokens.h"
#include "storyline/status.h"

namespace storyline::claims {

struct Quantity {
  size_t first = 0, last = 0;  // tokens [first, last] that state it
  double value = 0;            // in `unit`
  std::string unit;            // canonical unit ("year", "EUR", "m3"); "" for a plain count
  std::string dimension;       // "duration", "money", "count", "calendar_year", ...
  std::string per;             // rate period ("year" for "a year"), or ""
  std::string qualifier;       // "", "bound" ("more than"), "approximate" ("about")
  std::string qualifier_words; // the words ("more than", "about")
  bool attributive = false;    // "15-year accord": the unit is hyphenated to the number
};

// A canonical text for a value: "15 years", "12 billion EUR", "2 million tonne a year".
std::string format_quantity(const Quantity& quantity);
// Whether two values are the same figure (to 0.5 %).
bool same_value(double a, double b);
// The same for two quantities of one kind: calendar years and dates are
// equal only when exactly equal (2027 is not 2029).
bool same_quantity_value(const Quantity& a, const Quantity& b);
// A key for grouping: equal for equal values (exact for years and dates,
// four significant digits otherwise).
std::string quantity_value_key(const Quantity& quantity);

class NumberNormalizer {
 public:
  static Result<NumberNormalizer> load(const std::string& data_dir);

  // Every quantity in the tokens of one sentence, in order. Numbers that are
  // parts of dates ("17 January", "January 17") and ordinals are skipped;
  // a bare four-digit number from 1900 to 2100 is a calendar year.
  std::vector<Quantity> find(const std::vector<ClaimToken>& tokens) const;

 private:
  struct Word {
    double value;
    std::string kind;  // unit, scale, half, article
  };
  struct Unit {
    std::vector<std::string> words;
    std::string canonical, dimension;
    double factor = 1;
    bool prefix = false, article_ok = false;
  };
  // Longest unit whose words start at token `at` (suffix units) or whose
  // prefix symbol is token `at`; nullptr when none.
  const Unit* unit_at(const std::vector<ClaimToken>& tokens, size_t at, size_t& length) const;
  bool number_at(const std::vector<ClaimToken>& tokens, size_t at, double& value, size_t& length) const;

  std::map<std::string, Word> words_;
  std::vector<Unit> units_;  // longest first
  std::unordered_map<std::string, std::vector<size_t>> units_by_first_word_;  // indices, longest first
  std::vector<std::pair<std::vector<std::string>, std::string>> rates_;
  std::vector<std::pair<std::vector<std::string>, std::string>> qualifiers_;
};

}  // namespace storyline::claims
