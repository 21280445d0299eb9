// Stretches of text between quotation marks. Curly (“ ”), guillemets (« »)
// and straight (") double quotes, and two apostrophes ('') standing for one.
// A quote inside a quote in the other kind of marks belongs to the outer one.
// Single quotes (‘…’, British style) count only outside double quotes, opening
// a word and closing right after the statement's punctuation, since ’ is
// also the apostrophe.
//
// A quote that runs over several paragraphs follows the newspaper
// convention: each paragraph opens with a mark and only the last one closes,
// so an unclosed quote continues when the next paragraph opens with a mark.
#pragma once

#include <string_view>
#include <vector>

#include "storyline/document.h"

namespace storyline::quotes {

struct QuotedStretch {
  Span inner;  // between the marks
  Span outer;  // with the marks
  bool closed = true;  // false when the paragraph ended before a closing mark
};

std::vector<QuotedStretch> find_quoted_stretches(std::string_view text, const std::vector<Span>& paragraphs);

}  // namespace storyline::quotes
