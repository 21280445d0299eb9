// Proleptic Gregorian calendar arithmetic on day numbers (days since
// 1970-01-01), enough to move an anchor date by days, months and years.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace storyline::dates {

struct CivilDate {
  int year = 0;
  int month = 0;  // 1-12
  int day = 0;    // 1-31
  friend bool operator==(const CivilDate&, const CivilDate&) = default;
};

int64_t days_from_civil(CivilDate date);
CivilDate civil_from_days(int64_t days);
int days_in_month(int year, int month);
bool valid_date(CivilDate date);
// 0 = Monday ... 6 = Sunday.
int weekday(int64_t days);

// The date part of an ISO 8601 date or date-time ("2025-01-17", "2025-01-17T09:30:00Z").
std::optional<CivilDate> parse_iso_date(std::string_view iso);

std::string format_day(CivilDate date);    // "2025-01-07"
std::string format_month(int year, int month);  // "2025-01"
std::string format_year(int year);          // "2025"

}  // namespace storyline::dates
