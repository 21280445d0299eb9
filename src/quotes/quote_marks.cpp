#include "quotes/quote_marks.h"


namespace storyline::quotes {

namespace {

enum class Mark { kNone, kOpen, kClose, kStraight };

// The mark at byte `i` and its length.
Mark mark_at(std::string_view text, size_t i, size_t& length) {
  length = 1;
  if (text[i] == '"') return Mark::kStraight;
  // Two apostrophes stand for a double quote in some archives (''Yes,'' she said).
  if (text.substr(i, 2) == "''") return length = 2, Mark::kStraight;
  if (text.substr(i, 3) == "\xE2\x80\x9C") return length = 3, Mark::kOpen;   // “
  if (text.substr(i, 3) == "\xE2\x80\x9D") return length = 3, Mark::kClose;  // ”
  if (text.substr(i, 2) == "\xC2\xAB") return length = 2, Mark::kOpen;       // «
  if (text.substr(i, 2) == "\xC2\xBB") return length = 2, Mark::kClose;      // »
  return Mark::kNone;
}

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// Whether the paragraph opens with a quotation mark.
bool opens_with_mark(std::string_view text, Span paragraph) {
  size_t i = paragraph.begin;
  while (i < paragraph.end && is_space(text[i])) ++i;
  if (i >= paragraph.end) return false;
  size_t length;
  Mark mark = mark_at(text, i, length);
  return mark == Mark::kOpen || mark == Mark::kStraight;
}

}  // namespace

std::vector<QuotedStretch> find_quoted_stretches(std::string_view text, const std::vector<Span>& given_paragraphs) {
  std::vector<Span> paragraphs = given_paragraphs;
  if (paragraphs.empty()) paragraphs.push_back({0, static_cast<uint32_t>(text.size())});
  std::vector<QuotedStretch> stretches;
  // An open quote carried from the previous paragraph: where its marks and
  // its words begin.
  struct Open {
    bool is_open = false;
    uint32_t outer = 0, inner = 0;
  };
  Open carried;
  for (size_t p = 0; p < paragraphs.size(); ++p) {
    const Span paragraph = paragraphs[p];
    Open open = carried;
    bool skip_first_open = carried.is_open;
    carried = {};
    for (size_t i = paragraph.begin; i < paragraph.end && i < text.size();) {
      size_t length;
      Mark mark = mark_at(text, i, length);
      uint32_t at = static_cast<uint32_t>(i), after = static_cast<uint32_t>(i + length);
      i += length;
      if (mark == Mark::kNone) continue;
      if (skip_first_open && (mark == Mark::kOpen || mark == Mark::kStraight)) {
        skip_first_open = false;  // the mark that repeats the carried quote's opening
        continue;
      }
      skip_first_open = false;
      // An opening mark glued to the words before it ("45 years.“") is a
      // closing mark typed wrong.
      bool glued = at > paragraph.begin && !is_space(text[at - 1]) && mark == Mark::kOpen;
      bool closes = open.is_open && (mark == Mark::kClose || mark == Mark::kStraight || glued);
      if (closes) {
        stretches.push_back({{open.inner, at}, {open.outer, after}, true});
        open = {};
      } else if (mark == Mark::kOpen || mark == Mark::kStraight) {
        open = {true, at, after};  // a second opening mark restarts an unclosed quote
      }
    }
    if (!open.is_open) continue;
    if (p + 1 < paragraphs.size() && opens_with_mark(text, paragraphs[p + 1])) {
      carried = open;
      continue;
    }
    // Unclosed at the paragraph's end: the quote ends there.
    uint32_t end = paragraph.end;
    while (end > open.inner && is_space(text[end - 1])) --end;
    if (end > open.inner) stretches.push_back({{open.inner, end}, {open.outer, end}, false});
  }
  return stretches;
}

}  // namespace storyline::quotes
