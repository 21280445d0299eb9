#include "segment/segmenter.h"

#include <unicode/utext.h>

#include <cctype>

#include "core/data_files.h"
#include "core/text_util.h"

namespace storyline::segment {

namespace {

bool is_space_byte(char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r'; }

// Trims spaces at both ends of a span.
Span trimmed(std::string_view text, Span span) {
  while (span.begin < span.end && is_space_byte(text[span.begin])) ++span.begin;
  while (span.end > span.begin && is_space_byte(text[span.end - 1])) --span.end;
  return span;
}

// Walks a BreakIterator over `text` (UTF-8 through UText, so boundaries are
// byte offsets) and calls `on_segment(begin, end, rule_status)`.
template <typename Callback>
void for_each_segment(icu::BreakIterator& iterator, std::string_view text, Callback on_segment) {
  UErrorCode status = U_ZERO_ERROR;
  UText* utext = utext_openUTF8(nullptr, text.data(), static_cast<int64_t>(text.size()), &status);
  if (U_FAILURE(status)) return;
  iterator.setText(utext, status);
  if (U_SUCCESS(status)) {
    int32_t begin = iterator.first();
    for (int32_t end = iterator.next(); end != icu::BreakIterator::DONE; begin = end, end = iterator.next())
      on_segment(static_cast<uint32_t>(begin), static_cast<uint32_t>(end), iterator.getRuleStatus());
  }
  // Leave the iterator on an empty text so that it holds no pointer into
  // `text` after we return.
  UText* empty = utext_openUTF8(nullptr, "", 0, &status);
  iterator.setText(empty, status);
  utext_close(empty);
  utext_close(utext);
}

}  // namespace

Segmenter::~Segmenter() = default;
Segmenter::Segmenter(Segmenter&&) noexcept = default;
Segmenter& Segmenter::operator=(Segmenter&&) noexcept = default;

Segmenter::Segmenter(const Segmenter& other)
    : sentence_breaks_(other.sentence_breaks_->clone()),
      word_breaks_(other.word_breaks_->clone()),
      abbreviations_(other.abbreviations_) {}

Result<Segmenter> Segmenter::create(const std::string& data_dir) {
  Segmenter segmenter;
  UErrorCode status = U_ZERO_ERROR;
  segmenter.sentence_breaks_.reset(icu::BreakIterator::createSentenceInstance(icu::Locale::getEnglish(), status));
  if (U_FAILURE(status)) return Status::internal(std::string("ICU sentence iterator: ") + u_errorName(status));
  segmenter.word_breaks_.reset(icu::BreakIterator::createWordInstance(icu::Locale::getEnglish(), status));
  if (U_FAILURE(status)) return Status::internal(std::string("ICU word iterator: ") + u_errorName(status));
  auto rows = core::read_table(data_dir + "/abbreviations.txt");
  if (!rows) return rows.status();
  auto abbreviations = std::make_shared<std::unordered_set<std::string>>();
  for (const auto& row : *rows)
    if (!row.empty() && !row[0].empty()) abbreviations->insert(core::ascii_lower(row[0]));
  segmenter.abbreviations_ = std::move(abbreviations);
  return segmenter;
}

std::vector<Span> Segmenter::paragraphs(std::string_view text) const {
  std::vector<Span> result;
  uint32_t begin = 0;
  for (uint32_t i = 0; i <= text.size(); ++i) {
    if (i == text.size() || text[i] == '\n') {
      Span span = trimmed(text, {begin, i});
      if (!span.empty()) result.push_back(span);
      begin = i + 1;
    }
  }
  return result;
}

// A break right after `text[..end)` is false when the sentence so far ends
// with an initial ("S."), a dotted acronym ("U.S.") or a listed
// abbreviation ("Mr."), and what follows is not the end of a paragraph.
bool Segmenter::is_false_break(std::string_view text, uint32_t end) const {
  uint32_t i = end;
  while (i > 0 && is_space_byte(text[i - 1])) {
    if (text[i - 1] == '\n') return false;  // paragraph ends: a real break
    --i;
  }
  if (i == 0 || text[i - 1] != '.') return false;
  uint32_t word_end = i - 1;
  uint32_t word_begin = word_end;
  while (word_begin > 0 && (std::isalpha(static_cast<unsigned char>(text[word_begin - 1])) || text[word_begin - 1] == '.'))
    --word_begin;
  std::string_view word = text.substr(word_begin, word_end - word_begin);
  if (word.empty()) return false;
  // What comes next must look like the continuation of a name or phrase: a
  // quote or a digit after "No." is fine, the end of the text is not.
  if (end >= text.size()) return false;
  if (word.size() == 1 && std::isupper(static_cast<unsigned char>(word[0]))) return true;  // initial
  if (word.find('.') != std::string_view::npos) {
    // "U.S", "U.N", "e.g", "a.m": letters separated by dots.
    bool dotted = true;
    for (size_t k = 0; k < word.size(); ++k)
      dotted &= (k % 2 == 0) ? std::isalpha(static_cast<unsigned char>(word[k])) != 0 : word[k] == '.';
    if (dotted) return true;
  }
  return abbreviations_->count(core::ascii_lower(word)) > 0;
}

std::vector<Span> Segmenter::sentences(std::string_view text) {
  std::vector<Span> result;
  uint32_t pending_begin = 0;
  bool pending = false;
  for_each_segment(*sentence_breaks_, text, [&](uint32_t begin, uint32_t end, int32_t) {
    if (!pending) pending_begin = begin;
    pending = true;
    if (end < text.size() && is_false_break(text, end)) return;
    Span span = trimmed(text, {pending_begin, end});
    if (!span.empty()) result.push_back(span);
    pending = false;
  });
  if (pending) {
    Span span = trimmed(text, {pending_begin, static_cast<uint32_t>(text.size())});
    if (!span.empty()) result.push_back(span);
  }
  return result;
}

std::vector<Span> Segmenter::tokens(std::string_view text) {
  std::vector<Span> result;
  result.reserve(text.size() / 5);
  for_each_segment(*word_breaks_, text, [&](uint32_t begin, uint32_t end, int32_t rule_status) {
    if (rule_status == UBRK_WORD_NONE) {
      // Spaces are not tokens; punctuation is (quotes matter to later stages).
      bool all_space = true;
      for (uint32_t i = begin; i < end; ++i) all_space &= is_space_byte(text[i]);
      if (all_space) return;
    }
    result.push_back({begin, end});
  });
  return result;
}

void Segmenter::segment(Article& article) {
  article.paragraphs = paragraphs(article.text);
  article.sentences = sentences(article.text);
  article.tokens = tokens(article.text);
}

}  // namespace storyline::segment
