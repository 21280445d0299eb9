// Splitting a page that holds several articles (an aggregator page, a
// newsletter) into one part per article, and reading each part's own marks:
// its outlet, headline, date and byline. A page with one article gives one
// part. Works on classified lines, so it is the same for text and HTML.
#pragma once

#include <string>
#include <vector>

#include "clean/line_classifier.h"

namespace storyline::clean {

struct ClassifiedLine {
  std::string text;
  LineClass cls;
};

struct PagePart {
  size_t begin = 0, end = 0;   // line range [begin, end)
  std::string headline;        // from a "RELATED:" mark or the prelude, empty when none
  std::string outlet;          // as written in the part's dateline or SOURCE mark
  std::string byline;
  std::optional<FoundDate> date;
  std::vector<size_t> body;    // indexes of the lines that are article text
};

// `headline_first`: the first text line of the first part is its headline
// (plain-text convention) unless a headline is already known.
std::vector<PagePart> split_page(const std::vector<ClassifiedLine>& lines, bool headline_first);

}  // namespace storyline::clean
