// Publication dates as pages and feeds write them ("2025-01-17T09:30:00+03:00",
// "Fri, 17 Jan 2025 09:30:00 GMT", "January 17, 2025", "17 Jan. 2025",
// "Published 3 March 2026 10:45 GMT"), normalised to ISO 8601.
// Relative expressions ("on Friday", "last month") are the dates stage's job.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace storyline::clean {

struct FoundDate {
  int year = 0, month = 0, day = 0;
  int hour = -1, minute = 0, second = 0;  // hour < 0: no time of day
  int utc_offset_minutes = 0;
  bool has_zone = false;
  size_t begin = 0, end = 0;  // where it was found in the text (bytes)
  // "2025-01-17", or "2025-01-17T09:30:00Z" when the time and zone are known
  // (converted to UTC), or "2025-01-17T09:30:00" without a zone.
  std::string iso() const;
};

// The first full date (year, month and day) in `text`, if any.
std::optional<FoundDate> find_date(std::string_view text);

// `text` as a whole is a date (metadata fields): ISO string or nothing.
std::optional<std::string> parse_publication_date(std::string_view text);

// 1..12 for an English month name or abbreviation ("jan", "Sept."), else 0.
int month_from_name(std::string_view word);

}  // namespace storyline::clean
