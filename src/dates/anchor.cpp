#include "dates/anchor.h"

#include <algorithm>

#include "dates/calendar.h"
#include "dates/time_expressions.h"

namespace storyline::dates {

std::string median_day(const std::vector<std::string>& iso_dates) {
  std::vector<int64_t> days;
  for (const std::string& iso : iso_dates)
    if (auto date = parse_iso_date(iso)) days.push_back(days_from_civil(*date));
  if (days.empty()) return "";
  std::sort(days.begin(), days.end());
  // The lower median: a real day of the story, never a day between two.
  return format_day(civil_from_days(days[(days.size() - 1) / 2]));
}

std::string latest_stated_day(std::string_view text) {
  std::string latest;
  for (const TimeExpression& e : find_time_expressions(text, {0, static_cast<uint32_t>(text.size())}, ""))
    if (e.granularity == Granularity::kDay && !e.relative && e.value > latest) latest = e.value;
  return latest;
}

}  // namespace storyline::dates
