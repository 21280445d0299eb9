#include "nlp/gazetteer.h"

#include <algorithm>

namespace storyline::nlp {

namespace {
// Names run over words and hyphens, dots and apostrophes, never over these.
bool breaks_name(std::string_view word) {
  return word == "," || word == ";" || word == ":" || word == "\"" || word == "(" || word == ")" || word == "?" ||
         word == "!" || word == "\xE2\x80\x9C" || word == "\xE2\x80\x9D";
}

bool may_start_name(std::string_view word) {
  if (word.empty()) return false;
  const unsigned char c = static_cast<unsigned char>(word[0]);
  return (c >= 'A' && c <= 'Z') || c >= 0x80;
}
}  // namespace

void mark_words(const Gazetteer& gazetteer, std::string_view text, const std::vector<Span>& words,
                std::vector<GazetteerMark>& out) {
  out.assign(words.size(), GazetteerMark{});
  const size_t longest = std::max<size_t>(1, gazetteer.max_phrase_words());
  for (size_t i = 0; i < words.size(); ++i) {
    out[i].word_kinds = gazetteer.word_kinds(slice(text, words[i]));
  }
  for (size_t i = 0; i < words.size();) {
    if (!may_start_name(slice(text, words[i]))) {
      ++i;
      continue;
    }
    size_t matched = 0;
    uint8_t kinds = 0;
    // Hyphens and the "." of "U.S." are words of their own: a phrase of n
    // list words spans up to 2n - 1 text words.
    size_t extent = 0;
    while (extent < std::min(2 * longest, words.size() - i) && !breaks_name(slice(text, words[i + extent]))) ++extent;
    for (size_t n = extent; n >= 1; --n) {
      const Span span{words[i].begin, words[i + n - 1].end};
      if (const uint8_t k = gazetteer.phrase_kinds(slice(text, span))) {
        matched = n;
        kinds = k;
        break;
      }
    }
    if (matched == 0) {
      ++i;
      continue;
    }
    for (size_t k = 0; k < matched; ++k) {
      out[i + k].phrase_kinds = kinds;
      out[i + k].position = matched == 1 ? 4 : k == 0 ? 1 : k + 1 == matched ? 3 : 2;
    }
    i += matched;
  }
}

}  // namespace storyline::nlp
