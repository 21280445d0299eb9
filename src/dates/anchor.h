// The date relative expressions are resolved against. An article states its
// publication date, or it gets one inferred: from the dates of the other
// articles of its story (they report the same news within days), else from
// an absolute full date in its own text.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace storyline::dates {

// The median day ("2026-03-03") of the ISO dates given (entries that are not
// dates are skipped); empty when none is a date. The median, not the
// earliest, because a story's first and last articles are often days apart
// from the bulk (a preview, a follow-up).
std::string median_day(const std::vector<std::string>& iso_dates);

// The latest full date (day granularity, absolute) written in `text`, as
// "YYYY-MM-DD", or empty: an article cannot be older than what it reports.
std::string latest_stated_day(std::string_view text);

}  // namespace storyline::dates
