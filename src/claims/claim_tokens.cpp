#include "claims/claim_tokens.h"

#include <cctype>
#include <cstdlib>

namespace storyline::claims {

namespace {

bool is_ascii_alpha(unsigned char c) { return std::isalpha(c) != 0; }
bool is_digit(unsigned char c) { return c >= '0' && c <= '9'; }

// Multi-byte UTF-8 sequences that are punctuation or symbols, not letters:
// general punctuation (U+2000..U+206F: quotes, dashes), the euro sign, the
// pound sign, the non-breaking space.
size_t symbol_length(std::string_view text, size_t i, bool& is_space, bool& is_currency) {
  is_space = is_currency = false;
  unsigned char c = text[i];
  if (c == 0xE2 && i + 2 < text.size()) {
    unsigned char c1 = text[i + 1], c2 = text[i + 2];
    if (c1 == 0x82 && c2 == 0xAC) return is_currency = true, 3;  // €
    if (c1 == 0x80 || c1 == 0x81) {
      is_space = (c1 == 0x80 && c2 <= 0x8A) || (c1 == 0x80 && c2 == 0xAF);
      return 3;
    }
  }
  if (c == 0xC2 && i + 1 < text.size()) {
    unsigned char c1 = text[i + 1];
    if (c1 == 0xA3) return is_currency = true, 2;  // £
    if (c1 == 0xA0) return is_space = true, 2;     // no-break space
    if (c1 < 0xC0) return 2;                       // «, », ·, ° ...
  }
  return 0;
}

}  // namespace

std::vector<ClaimToken> tokenize_claim_text(std::string_view text, Span sentence) {
  std::vector<ClaimToken> tokens;
  size_t i = sentence.begin, end = std::min<size_t>(sentence.end, text.size());
  bool space_before = true, hyphen_before = false;
  auto push = [&](size_t b, size_t e, bool punct) {
    ClaimToken token;
    token.span = {static_cast<uint32_t>(b), static_cast<uint32_t>(e)};
    token.attached = !space_before;
    token.after_hyphen = hyphen_before;
    token.punct = punct;
    std::string_view raw = text.substr(b, e - b);
    token.capitalized = !raw.empty() && std::isupper(static_cast<unsigned char>(raw[0]));
    for (char c : raw) token.lower.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
    if (!raw.empty() && is_digit(raw[0])) {
      token.is_digits = true;
      std::string digits;
      for (char c : raw)
        if (c != ',') digits.push_back(c);
      token.number = std::strtod(digits.c_str(), nullptr);
    }
    tokens.push_back(std::move(token));
    space_before = hyphen_before = false;
  };
  while (i < end) {
    unsigned char c = text[i];
    bool is_space = false, is_currency = false;
    if (std::isspace(c)) {
      space_before = true, hyphen_before = false, ++i;
      continue;
    }
    if (size_t n = c >= 0x80 ? symbol_length(text, i, is_space, is_currency) : 0; n > 0) {
      if (is_space) space_before = true;
      else if (is_currency) push(i, i + n, false);
      else if (text.substr(i, n) == "\u2019" && i + n < end && is_ascii_alpha(text[i + n]))
        ;  // a typographic apostrophe inside a word: handled below
      else push(i, i + n, true);
      i += n;
      continue;
    }
    if (is_digit(c)) {
      size_t j = i + 1;
      while (j < end && (is_digit(text[j]) ||
                         ((text[j] == ',' || text[j] == '.') && j + 1 < end && is_digit(text[j + 1]))))
        ++j;
      push(i, j, false);
      i = j;
      continue;
    }
    if (is_ascii_alpha(c) || c >= 0x80) {
      size_t j = i;
      while (j < end) {
        unsigned char d = text[j];
        if (is_ascii_alpha(d) || is_digit(d)) {
          if (is_digit(d) && j > i && !is_digit(text[j - 1])) break;  // "A4" stays whole only when it starts so
          ++j;
        } else if (d >= 0x80) {
          bool sp = false, cur = false;
          if (symbol_length(text, j, sp, cur) > 0) break;
          ++j;
        } else if (d == '.' && j + 1 < end && is_ascii_alpha(text[j + 1]) && j + 2 < end && text[j + 2] == '.') {
          j += 2;  // "u.s."
          if (j < end && text[j] == '.') ++j;
        } else {
          break;
        }
      }
      // Possessive and negative contractions: "Iran's" → "Iran"; "doesn't" → "does" "n't".
      size_t word_end = j;
      if (j < end && (text[j] == '\'' || text.substr(j, 3) == "\u2019")) {
        size_t after = text[j] == '\'' ? j + 1 : j + 3;
        size_t k = after;
        while (k < end && is_ascii_alpha(text[k])) ++k;
        std::string suffix = std::string(text.substr(after, k - after));
        for (char& ch : suffix) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
        if (suffix == "t" && word_end > i && std::tolower(text[word_end - 1]) == 'n') {
          push(i, word_end - 1, false);
          ClaimToken neg;
          neg.span = {static_cast<uint32_t>(word_end - 1), static_cast<uint32_t>(k)};
          neg.lower = "n't";
          neg.attached = true;
          tokens.push_back(neg);
          i = k;
          continue;
        }
        push(i, word_end, false);
        i = k;  // "'s", "'re", "'ll": dropped
        continue;
      }
      push(i, word_end, false);
      i = j;
      continue;
    }
    if (c == '-' && !tokens.empty() && i + 1 < end && !std::isspace(static_cast<unsigned char>(text[i + 1]))) {
      hyphen_before = true, space_before = false, ++i;
      continue;
    }
    if (c == '$' || c == '%') {
      push(i, i + 1, false);
      ++i;
      continue;
    }
    push(i, i + 1, true);
    ++i;
  }
  return tokens;
}

}  // namespace storyline::claims
