#include "clean/publication_date.h"

#include <array>
#include <cctype>
#include <cstdio>
#include <vector>

#include "core/text_util.h"

namespace storyline::clean {

namespace {

struct Token {
  std::string_view text;
  size_t begin;
  bool number;
};

std::vector<Token> tokenize(std::string_view text) {
  std::vector<Token> tokens;
  size_t i = 0;
  while (i < text.size()) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (std::isdigit(c)) {
      size_t start = i;
      while (i < text.size() && std::isdigit(static_cast<unsigned char>(text[i]))) ++i;
      tokens.push_back({text.substr(start, i - start), start, true});
    } else if (std::isalpha(c)) {
      size_t start = i;
      while (i < text.size() && std::isalpha(static_cast<unsigned char>(text[i]))) ++i;
      tokens.push_back({text.substr(start, i - start), start, false});
    } else {
      if (!std::isspace(c)) tokens.push_back({text.substr(i, 1), i, false});
      ++i;
    }
  }
  return tokens;
}

// Digits to a number; runs longer than any date field are out of range
// (and would overflow an int), so they come back as a value no check accepts.
int to_int(std::string_view digits) {
  if (digits.size() > 8) return 999999999;
  int value = 0;
  for (char c : digits) value = value * 10 + (c - '0');
  return value;
}

bool valid_day(int year, int month, int day) {
  static constexpr std::array<int, 12> kDays = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return year >= 1900 && year <= 2100 && month >= 1 && month <= 12 && day >= 1 && day <= kDays[month - 1];
}

int days_from_civil(int y, int m, int d) {
  // Howard Hinnant's algorithm: days since 1970-01-01 in the proleptic
  // Gregorian calendar.
  y -= m <= 2;
  const int era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<int>(doe) - 719468;
}

void civil_from_days(int z, int& y, int& m, int& d) {
  z += 719468;
  const int era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int yy = static_cast<int>(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  y = yy + (m <= 2);
}

// Zone abbreviations news pages print after a time, in minutes east of UTC.
int zone_offset(std::string_view word, bool& known) {
  static const std::pair<const char*, int> kZones[] = {
      {"utc", 0},     {"gmt", 0},     {"z", 0},       {"bst", 60},    {"cet", 60},    {"cest", 120},
      {"eet", 120},   {"eest", 180},  {"msk", 180},   {"est", -300},  {"edt", -240},  {"et", -300},
      {"cst", -360},  {"cdt", -300},  {"mst", -420},  {"mdt", -360},  {"pst", -480},  {"pdt", -420},
      {"ist", 330},   {"jst", 540},   {"kst", 540},   {"aest", 600},  {"aedt", 660},  {"sgt", 480},
      {"hkt", 480},   {"irst", 210},  {"wib", 420},   {"sast", 120},  {"eat", 180},   {"wat", 60}};
  std::string lower = core::ascii_lower(word);
  for (const auto& [name, offset] : kZones)
    if (lower == name) {
      known = true;
      return offset;
    }
  known = false;
  return 0;
}

// Reads "HH:MM[:SS] [am|pm|a.m.|p.m.] [ZONE|+HH:MM|Z]" starting at token `i`.
void read_time(const std::vector<Token>& tokens, size_t i, std::string_view text, FoundDate& date) {
  auto is = [&](size_t k, std::string_view s) { return k < tokens.size() && tokens[k].text == s; };
  if (i < tokens.size() && tokens[i].text == "T") ++i;
  if (!(i + 2 < tokens.size() && tokens[i].number && is(i + 1, ":") && tokens[i + 2].number)) return;
  int hour = to_int(tokens[i].text), minute = to_int(tokens[i + 2].text), second = 0;
  size_t k = i + 3;
  if (k + 1 < tokens.size() && is(k, ":") && tokens[k + 1].number) {
    second = to_int(tokens[k + 1].text);
    k += 2;
    if (k + 1 < tokens.size() && is(k, ".") && tokens[k + 1].number) k += 2;  // fractions
  }
  if (hour > 23 || minute > 59 || second > 60) return;
  date.end = tokens[k - 1].begin + tokens[k - 1].text.size();
  if (k < tokens.size() && !tokens[k].number) {
    std::string word = core::ascii_lower(tokens[k].text);
    if (word == "am" || word == "pm" || ((word == "a" || word == "p") && is(k + 1, ".") && k + 2 < tokens.size() &&
                                         core::ascii_lower(tokens[k + 2].text) == "m")) {
      bool pm = word[0] == 'p';
      if (hour == 12) hour = 0;
      if (pm) hour += 12;
      k += word.size() == 2 ? 1 : 3;
      if (k < tokens.size() && is(k, ".")) ++k;
    }
  }
  date.hour = hour, date.minute = minute, date.second = second;
  if (k < tokens.size()) {
    const Token& zone = tokens[k];
    if ((zone.text == "+" || zone.text == "-") && k + 1 < tokens.size() && tokens[k + 1].number) {
      int sign = zone.text == "+" ? 1 : -1;
      std::string_view digits = tokens[k + 1].text;
      int hours = 0, minutes = 0;
      if (digits.size() == 4) {
        hours = to_int(digits.substr(0, 2)), minutes = to_int(digits.substr(2));
      } else if (digits.size() <= 2) {
        hours = to_int(digits);
        if (k + 3 < tokens.size() && is(k + 2, ":") && tokens[k + 3].number) minutes = to_int(tokens[k + 3].text);
      }
      date.utc_offset_minutes = sign * (hours * 60 + minutes);
      date.has_zone = true;
    } else if (!zone.number) {
      bool known = false;
      int offset = zone_offset(zone.text, known);
      if (known) {
        date.utc_offset_minutes = offset;
        date.has_zone = true;
      }
    }
  }
  (void)text;
}

}  // namespace

int month_from_name(std::string_view word) {
  static const char* kMonths[] = {"january", "february", "march",     "april",   "may",      "june",
                                  "july",    "august",   "september", "october", "november", "december"};
  std::string lower = core::ascii_lower(word);
  if (!lower.empty() && lower.back() == '.') lower.pop_back();
  if (lower.size() < 3) return 0;
  if (lower == "sept") return 9;
  for (int m = 0; m < 12; ++m) {
    std::string_view name = kMonths[m];
    if (lower == name || (lower.size() == 3 && name.substr(0, 3) == lower)) return m + 1;
  }
  return 0;
}

std::string FoundDate::iso() const {
  char buffer[40];
  if (hour < 0) {
    std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", year, month, day);
    return buffer;
  }
  if (!has_zone) {
    std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02dT%02d:%02d:%02d", year, month, day, hour, minute, second);
    return buffer;
  }
  int total = hour * 60 + minute - utc_offset_minutes;
  int days = days_from_civil(year, month, day);
  while (total < 0) total += 1440, --days;
  while (total >= 1440) total -= 1440, ++days;
  int y, m, d;
  civil_from_days(days, y, m, d);
  std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02dT%02d:%02d:%02dZ", y, m, d, total / 60, total % 60, second);
  return buffer;
}

std::optional<FoundDate> find_date(std::string_view text) {
  std::vector<Token> tokens = tokenize(text);
  auto is = [&](size_t k, std::string_view s) { return k < tokens.size() && tokens[k].text == s; };
  for (size_t i = 0; i < tokens.size(); ++i) {
    FoundDate date;
    size_t next = 0;
    const Token& t = tokens[i];
    if (t.number && t.text.size() == 4 && (is(i + 1, "-") || is(i + 1, "/")) && i + 4 < tokens.size() &&
        tokens[i + 2].number && tokens[i + 4].number && tokens[i + 3].text == tokens[i + 1].text) {
      // 2025-01-17, 2025/01/17
      date.year = to_int(t.text), date.month = to_int(tokens[i + 2].text), date.day = to_int(tokens[i + 4].text);
      next = i + 5;
      date.end = tokens[i + 4].begin + tokens[i + 4].text.size();
    } else if (t.number && t.text.size() == 8 && (t.text[0] == '1' || t.text[0] == '2') &&
               (i + 1 >= tokens.size() || tokens[i + 1].text == "T")) {
      // 20250117 (compact ISO, as in some feeds)
      date.year = to_int(t.text.substr(0, 4)), date.month = to_int(t.text.substr(4, 2));
      date.day = to_int(t.text.substr(6, 2));
      next = i + 1;
      date.end = t.begin + t.text.size();
    } else if (!t.number && month_from_name(t.text) && i + 1 < tokens.size()) {
      // January 17, 2025 / Jan. 17 2025
      size_t k = i + 1;
      if (is(k, ".")) ++k;
      if (k < tokens.size() && tokens[k].number && tokens[k].text.size() <= 2) {
        size_t y = k + 1;
        if (y < tokens.size() && (core::ascii_lower(tokens[y].text) == "st" || core::ascii_lower(tokens[y].text) == "nd" ||
                                  core::ascii_lower(tokens[y].text) == "rd" || core::ascii_lower(tokens[y].text) == "th"))
          ++y;
        if (is(y, ",")) ++y;
        if (y < tokens.size() && tokens[y].number && tokens[y].text.size() == 4) {
          date.year = to_int(tokens[y].text), date.month = month_from_name(t.text), date.day = to_int(tokens[k].text);
          next = y + 1;
          date.end = tokens[y].begin + tokens[y].text.size();
        }
      }
    } else if (t.number && t.text.size() <= 2 && i + 2 < tokens.size()) {
      // 17 January 2025 / 17 Jan. 2025 / 17.01.2025 (day first, when unambiguous by form)
      size_t k = i + 1;
      if (is(k, "-")) ++k;
      int month = k < tokens.size() ? month_from_name(tokens[k].text) : 0;
      if (month) {
        size_t y = k + 1;
        if (is(y, ".")) ++y;
        if (is(y, "-") || is(y, ",")) ++y;
        if (y < tokens.size() && tokens[y].number && tokens[y].text.size() == 4) {
          date.year = to_int(tokens[y].text), date.month = month, date.day = to_int(t.text);
          next = y + 1;
          date.end = tokens[y].begin + tokens[y].text.size();
        }
      } else if (is(i + 1, ".") && i + 4 < tokens.size() && tokens[i + 2].number && is(i + 3, ".") &&
                 tokens[i + 4].number && tokens[i + 4].text.size() == 4) {
        date.year = to_int(tokens[i + 4].text), date.month = to_int(tokens[i + 2].text), date.day = to_int(t.text);
        next = i + 5;
        date.end = tokens[i + 4].begin + tokens[i + 4].text.size();
      }
    }
    if (next == 0 || !valid_day(date.year, date.month, date.day)) continue;
    date.begin = t.begin;
    if (i > 0 && month_from_name(t.text) == 0 && !t.number) date.begin = t.begin;
    // A weekday name just before ("Fri, 17 Jan 2025") belongs to the date.
    read_time(tokens, next, text, date);
    return date;
  }
  return std::nullopt;
}

std::optional<std::string> parse_publication_date(std::string_view text) {
  auto date = find_date(text);
  if (!date) return std::nullopt;
  return date->iso();
}

}  // namespace storyline::clean
