#include "quotes/quote_marks.h"

#include <algorithm>

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

void add_single_quoted(std::string_view text, const std::vector<Span>& paragraphs, std::vector<QuotedStretch>& stretches);

std::vector<QuotedStretch> find_quoted_stretches(std::string_view text, const std::vector<Span>& given_paragraphs) {
  std::vector<Span> paragraphs = given_paragraphs;
  if (paragraphs.empty()) paragraphs.push_back({0, static_cast<uint32_t>(text.size())});
  std::vector<QuotedStretch> stretches;
  // An open quote carried from the previous paragraph: where its marks and
  // its words begin.
  struct Open {
    bool is_open = false;
    bool straight = false;  // opened by " or ''
    bool nested = false;    // inside a quote in the other kind of marks
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
      bool straight = mark == Mark::kStraight;
      // A quote inside a quote in the other kind of marks (“He said "no",”
      // she said) belongs to the outer one: a mark of the other kind that
      // opens a word starts such a quote, the next one ends it. One that ends
      // a word with none open closes the outer quote (marks mixed by mistake).
      if (open.is_open && straight != open.straight && !glued) {
        bool opens_word = at == paragraph.begin || is_space(text[at - 1]);
        if (open.nested || opens_word) {
          open.nested = !open.nested;
          continue;
        }
      }
      bool closes = open.is_open && (mark == Mark::kClose || straight || glued);
      if (closes) {
        stretches.push_back({{open.inner, at}, {open.outer, after}, true});
        open = {};
      } else if (mark == Mark::kOpen || straight) {
        open = {true, straight, false, at, after};  // a second opening mark restarts an unclosed quote
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
  add_single_quoted(text, paragraphs, stretches);
  std::sort(stretches.begin(), stretches.end(),
            [](const QuotedStretch& a, const QuotedStretch& b) { return a.outer.begin < b.outer.begin; });
  return stretches;
}

// Quotes in single marks, as British outlets write them (‘We will not
// move,’ he said): ’ is also the apostrophe, so only a ‘ that starts a word
// and a ’ right after the statement's own punctuation (,.?!) count, outside
// any double-quoted stretch.
void add_single_quoted(std::string_view text, const std::vector<Span>& paragraphs,
                       std::vector<QuotedStretch>& stretches) {
  const std::string_view open_mark = "\xE2\x80\x98", close_mark = "\xE2\x80\x99";
  auto inside_double = [&](size_t at) {
    for (const QuotedStretch& s : stretches)
      if (s.outer.begin <= at && at < s.outer.end) return true;
    return false;
  };
  std::vector<QuotedStretch> found;
  for (const Span& paragraph : paragraphs) {
    size_t i = paragraph.begin;
    while ((i = text.find(open_mark, i)) != std::string_view::npos && i < paragraph.end) {
      size_t at = i;
      i += open_mark.size();
      if ((at > paragraph.begin && !is_space(text[at - 1]) && text[at - 1] != '(') || inside_double(at)) continue;
      size_t close = text.find(close_mark, i);
      while (close != std::string_view::npos && close < paragraph.end &&
             std::string_view(",.?!").find(text[close - 1]) == std::string_view::npos)
        close = text.find(close_mark, close + close_mark.size());
      if (close == std::string_view::npos || close >= paragraph.end) continue;
      found.push_back({{static_cast<uint32_t>(i), static_cast<uint32_t>(close)},
                       {static_cast<uint32_t>(at), static_cast<uint32_t>(close + close_mark.size())}, true});
      i = close + close_mark.size();
    }
  }
  stretches.insert(stretches.end(), found.begin(), found.end());
}

}  // namespace storyline::quotes
