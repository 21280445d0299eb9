// Stretches of text between quotation marks. Curly (“ ”), guillemets (« »)
// and straight (") double quotes, and two apostrophes ('') standing for one; single quotes are left alone, since ’ is
// also the apostrophe and ‘…’ mostly marks a quote inside a quote.
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
