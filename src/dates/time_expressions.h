// Dates in running text: absolute ("17 January 2025", "March 2001", "in
// 2029") and relative ("on Friday", "last month", "nearly three years ago"),
// the relative ones resolved against an anchor, normally the article's
// publication date. Used by the events stage to date events and by anyone who
// needs "when" from a sentence.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "storyline/document.h"

namespace storyline::dates {

enum class Granularity { kDay, kMonth, kYear, kApproximate };

struct TimeExpression {
  Span span;          // the words, with their leading preposition ("on Friday", "in 2029")
  std::string value;  // "2026-03-03", "2026-02", "2027"; empty when it needs an anchor and has none
  Granularity granularity = Granularity::kDay;
  bool relative = false;  // the value depends on the anchor
};

// Finds date expressions inside `range` of `text`, resolving relative ones
// against `anchor_iso` (may be empty: then only absolute ones get a value).
std::vector<TimeExpression> find_time_expressions(std::string_view text, Span range, std::string_view anchor_iso);

// "day", "month", "year", "approximate".
std::string_view granularity_name(Granularity);

}  // namespace storyline::dates
