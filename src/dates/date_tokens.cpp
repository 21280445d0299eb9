#include "dates/date_tokens.h"

namespace storyline::dates {

namespace {

// The UTF-8 length of the punctuation or space that starts at `i`, or 0 when
// the character there is part of a word. Non-ASCII letters are word bytes;
// General Punctuation (U+2000–U+206F: dashes, curly quotes, thin spaces) and
// the no-break space are not.
size_t separator_length(std::string_view text, size_t i) {
  unsigned char c = static_cast<unsigned char>(text[i]);
  if (c < 0x80) {
    bool word = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    return word ? 0 : 1;
  }
  if (c == 0xC2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0xA0) return 2;
  if (c == 0xE2 && i + 2 < text.size()) {
    unsigned char c1 = static_cast<unsigned char>(text[i + 1]);
    if (c1 == 0x80 || c1 == 0x81) return 3;
  }
  return 0;
}

bool is_word_byte(std::string_view text, size_t i) { return separator_length(text, i) == 0; }

}  // namespace

std::vector<DateToken> date_tokens(std::string_view text, Span range) {
  std::vector<DateToken> tokens;
  size_t end = std::min<size_t>(range.end, text.size());
  size_t i = std::min<size_t>(range.begin, end);
  size_t previous_end = i;
  while (i < end) {
    size_t separator = separator_length(text, i);
    if (separator) {
      i += separator;
      continue;
    }
    size_t start = i;
    std::string lower;
    while (i < end) {
      if (is_word_byte(text, i)) {
        char c = text[i];
        lower.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
        ++i;
        continue;
      }
      // An apostrophe between word bytes ("he'll", "Arancibia’s") stays in the word.
      size_t length = text[i] == '\'' ? 1 : (text.substr(i, 3) == "\xE2\x80\x99" ? 3 : 0);
      if (length && i + length < end && i > start && is_word_byte(text, i + length)) {
        lower.push_back('\'');
        i += length;
        continue;
      }
      break;
    }
    DateToken token;
    token.span = {static_cast<uint32_t>(start), static_cast<uint32_t>(i)};
    token.gap = text.substr(previous_end, start - previous_end);
    token.capitalized = text[start] >= 'A' && text[start] <= 'Z';
    while (token.digits < static_cast<int>(lower.size()) && lower[token.digits] >= '0' && lower[token.digits] <= '9')
      ++token.digits;
    if (token.digits > 0 && token.digits <= 4) {
      std::string_view suffix = std::string_view(lower).substr(token.digits);
      if (suffix.empty() || suffix == "st" || suffix == "nd" || suffix == "rd" || suffix == "th")
        token.number = std::stoi(lower.substr(0, token.digits));
    }
    token.lower = std::move(lower);
    tokens.push_back(std::move(token));
    previous_end = i;
  }
  return tokens;
}

bool is_space_gap(std::string_view gap) {
  if (gap.empty()) return false;
  for (size_t i = 0; i < gap.size(); ++i) {
    if (gap[i] == ' ' || gap[i] == '\t') continue;
    if (gap.substr(i, 2) == "\xC2\xA0") {
      ++i;
      continue;
    }
    return false;
  }
  return true;
}

bool ends_sentence(std::string_view gap) { return gap.find_first_of(".!?\n") != std::string_view::npos; }

bool ends_clause(std::string_view gap) {
  if (gap.find_first_of(".!?\n,;:()[]\"") != std::string_view::npos) return true;
  // Dashes and curly quote marks (U+2013, U+2014, U+201C, U+201D).
  for (std::string_view mark : {"\xE2\x80\x93", "\xE2\x80\x94", "\xE2\x80\x9C", "\xE2\x80\x9D"})
    if (gap.find(mark) != std::string_view::npos) return true;
  return false;
}

}  // namespace storyline::dates
