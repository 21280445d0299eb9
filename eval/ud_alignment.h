// Where each word of a CoNLL-U sentence sits in its "# text": the surface
// tokens (multiword tokens whole) are found in order in the text, and a
// multiword token's words get the pieces of it that spell them ("don't" =
// "do" + "n't"). A multiword token whose words do not spell it ("gonna" is
// not a problem; a typo's "its" = "it" + "s" is) gives its first word the
// whole token and the others empty spans, so they never match.
#pragma once

#include <string_view>
#include <vector>

#include "nlp/conllu.h"
#include "storyline/document.h"

namespace storyline::eval {

struct WordSpans {
  std::vector<Span> spans;  // one per word, byte spans into sentence.text
  bool complete = true;     // every surface token was found in the text
};

inline WordSpans gold_word_spans(const nlp::ConlluSentence& sentence) {
  WordSpans out;
  out.spans.assign(sentence.words.size(), Span{});
  std::string_view text = sentence.text;
  size_t cursor = 0;
  auto find_form = [&](std::string_view form) -> Span {
    size_t at = text.find(form, cursor);
    if (at == std::string_view::npos) {
      out.complete = false;
      return Span{static_cast<uint32_t>(cursor), static_cast<uint32_t>(cursor)};
    }
    cursor = at + form.size();
    return Span{static_cast<uint32_t>(at), static_cast<uint32_t>(at + form.size())};
  };
  size_t next_multiword = 0;
  for (size_t w = 0; w < sentence.words.size();) {
    if (next_multiword < sentence.multiwords.size() && sentence.multiwords[next_multiword].first == w) {
      const nlp::ConlluMultiword& mw = sentence.multiwords[next_multiword++];
      const Span whole = find_form(mw.form);
      std::string spelled;
      for (size_t k = mw.first; k <= mw.last && k < sentence.words.size(); ++k) spelled += sentence.words[k].form;
      if (spelled == mw.form) {
        uint32_t at = whole.begin;
        for (size_t k = mw.first; k <= mw.last && k < sentence.words.size(); ++k) {
          const uint32_t size = static_cast<uint32_t>(sentence.words[k].form.size());
          out.spans[k] = {at, at + size};
          at += size;
        }
      } else {
        out.spans[mw.first] = whole;
        for (size_t k = mw.first + 1; k <= mw.last && k < sentence.words.size(); ++k) out.spans[k] = {whole.end, whole.end};
      }
      w = mw.last + 1;
      continue;
    }
    out.spans[w] = find_form(sentence.words[w].form);
    ++w;
  }
  return out;
}

// Exact-span matching between a system's words and the gold words of one
// text: gold_of[i] is the gold word with system word i's span, or -1.
// Both lists are in text order, so one merge pass finds every match.
inline std::vector<int> align_by_span(const std::vector<Span>& system, const std::vector<Span>& gold) {
  std::vector<int> gold_of(system.size(), -1);
  size_t g = 0;
  for (size_t s = 0; s < system.size(); ++s) {
    while (g < gold.size() && (gold[g].begin < system[s].begin ||
                               (gold[g].begin == system[s].begin && gold[g].end < system[s].end)))
      ++g;
    if (g < gold.size() && gold[g] == system[s] && !gold[g].empty()) gold_of[s] = static_cast<int>(g);
  }
  return gold_of;
}

}  // namespace storyline::eval
