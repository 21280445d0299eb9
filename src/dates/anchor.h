// The date relative expressions are resolved against. An article states its
// publication date, or it gets one inferred: from the dates of the other
// articles of its story (they report the same news within days), else from
// an absolute full date in its own text.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "storyline/document.h"
#include "storyline/status.h"
#include "store/database.h"

namespace storyline::dates {

// The median day ("2026-03-03") of the ISO dates given (entries that are not
// dates are skipped); empty when none is a date. The median, not the
// earliest, because a story's first and last articles are often days apart
// from the bulk (a preview, a follow-up).
std::string median_day(const std::vector<std::string>& iso_dates);

// The latest full date (day granularity, absolute) written in `text`, as
// "YYYY-MM-DD", or empty: an article cannot be older than what it reports.
std::string latest_stated_day(std::string_view text);

// An article's anchor and where it comes from.
struct Anchor {
  std::string day;     // "2025-01-17", empty when nothing tells
  bool inferred = false;
  std::string source;  // "published", "story" or "text"
};

// The anchor of a stored article (store_row set): its publication day; else
// the median day of the dated articles of its story (the stories stage's
// tables: call after that stage's add_batch); else the latest full date in
// its text.
Result<Anchor> anchor_for(store::Database& db, const Article& article);

}  // namespace storyline::dates
