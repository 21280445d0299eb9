#include "dates/time_expressions.h"

#include <cstdlib>
#include <optional>

#include "dates/calendar.h"
#include "dates/date_tokens.h"
#include "dates/date_words.h"

namespace storyline::dates {

namespace {

enum class Tense { kUnknown, kPast, kFuture };

// One match: the tokens [first, end) and what they mean.
struct Match {
  size_t end = 0;
  std::string value;
  Granularity granularity = Granularity::kDay;
  bool relative = false;
};

class Finder {
 public:
  Finder(std::string_view text, Span range, std::string_view anchor_iso)
      : words_(DateWords::shared()), tokens_(date_tokens(text, range)) {
    if (auto anchor = parse_iso_date(anchor_iso)) {
      anchor_ = *anchor;
      anchor_days_ = days_from_civil(*anchor);
    }
  }

  std::vector<TimeExpression> run() {
    std::vector<TimeExpression> found;
    for (size_t i = 0; i < tokens_.size();) {
      if (auto match = match_at(i)) {
        found.push_back({{tokens_[i].span.begin, tokens_[match->end - 1].span.end},
                         std::move(match->value), match->granularity, match->relative});
        i = match->end;
      } else {
        ++i;
      }
    }
    return found;
  }

 private:
  const DateToken* at(size_t k) const { return k < tokens_.size() ? &tokens_[k] : nullptr; }
  // Token k continues the expression that token k-1 is in.
  bool joined(size_t k) const { return k < tokens_.size() && is_space_gap(tokens_[k].gap); }
  bool word_is(size_t k, std::string_view word) const { return k < tokens_.size() && tokens_[k].lower == word; }
  bool joined_word(size_t k, std::string_view word) const { return joined(k) && tokens_[k].lower == word; }

  std::optional<int> month_name(size_t k, bool full_only) const {
    if (k >= tokens_.size() || !tokens_[k].capitalized) return std::nullopt;
    auto found = words_.months.find(tokens_[k].lower);
    if (found == words_.months.end()) return std::nullopt;
    bool full = tokens_[k].lower.size() > 4 || tokens_[k].lower == "may" || tokens_[k].lower == "june" ||
                tokens_[k].lower == "july";
    if (full_only && !full) return std::nullopt;
    return found->second;
  }
  std::optional<int> weekday_name(size_t k) const {
    if (k >= tokens_.size() || !tokens_[k].capitalized) return std::nullopt;
    std::string word = tokens_[k].lower;
    if (word.size() > 2 && word.ends_with("'s")) word.resize(word.size() - 2);
    auto found = words_.weekdays.find(word);
    if (found == words_.weekdays.end()) return std::nullopt;
    return found->second;
  }
  std::optional<int> day_number(size_t k) const {
    if (k >= tokens_.size() || tokens_[k].digits == 0 || tokens_[k].digits > 2) return std::nullopt;
    int n = tokens_[k].number;
    if (n < 1 || n > 31) return std::nullopt;
    return n;
  }
  std::optional<int> year_number(size_t k, int lowest = 1000, int highest = 2999) const {
    if (k >= tokens_.size() || tokens_[k].digits != 4 || tokens_[k].lower.size() != 4) return std::nullopt;
    int n = tokens_[k].number;
    if (n < lowest || n > highest) return std::nullopt;
    return n;
  }

  std::optional<Match> match_at(size_t i) const;
  std::optional<Match> match_core(size_t j, const std::string& lead, bool hedged_prefix) const;
  std::optional<Match> match_modifier(size_t j) const;
  std::optional<Match> match_count(size_t j, const std::string& lead) const;
  std::optional<Match> match_month(size_t j, const std::string& lead, bool prefixed) const;
  std::optional<Match> match_weekday(size_t j, const std::string& lead) const;
  Tense tense_around(size_t first, size_t end) const;
  Tense word_tense(const DateToken& token) const;
  Tense direction(const std::string& lead, size_t first, size_t end) const {
    if (words_.forward.count(lead)) return Tense::kFuture;
    if (words_.backward.count(lead)) return Tense::kPast;
    return tense_around(first, end);
  }
  std::string resolve_day_month(int month, int day, Tense tense) const;
  int resolve_month_year(int month, Tense tense) const;

  const DateWords& words_;
  std::vector<DateToken> tokens_;
  std::optional<CivilDate> anchor_;
  int64_t anchor_days_ = 0;
};

std::optional<Match> Finder::match_at(size_t i) const {
  // A leading preposition ("on", "in", "until at least") and a hedging
  // adjective ("early", "late", "mid") belong to the expression.
  std::string lead;
  size_t j = i;
  if (words_.leads.count(tokens_[j].lower) && joined(j + 1)) {
    lead = tokens_[j].lower;
    ++j;
    if (word_is(j, "at") && joined_word(j + 1, "least") && joined(j + 2)) j += 2;
  }
  bool prefixed = false;
  if (j < tokens_.size() && (tokens_[j].lower == "early" || tokens_[j].lower == "late" || tokens_[j].lower == "mid") &&
      j + 1 < tokens_.size() && (is_space_gap(tokens_[j + 1].gap) || tokens_[j + 1].gap == "-")) {
    prefixed = true;
    ++j;
  }
  if (j > i && (tokens_[j].gap.empty() || ends_clause(tokens_[j].gap))) return std::nullopt;
  return match_core(j, lead, prefixed);
}

std::optional<Match> Finder::match_core(size_t j, const std::string& lead, bool prefixed) const {
  const DateToken& token = tokens_[j];
  // ISO dates: 2025-01-17.
  if (auto year = year_number(j); year && at(j + 2) && tokens_[j + 1].gap == "-" && tokens_[j + 2].gap == "-" &&
                                  tokens_[j + 1].lower.size() == 2 && tokens_[j + 2].lower.size() == 2) {
    CivilDate date{*year, tokens_[j + 1].number, tokens_[j + 2].number};
    if (valid_date(date)) return Match{j + 3, format_day(date), Granularity::kDay, false};
  }
  if (auto m = match_modifier(j)) return m;
  if (auto m = match_count(j, lead)) return m;
  if (auto m = match_month(j, lead, prefixed)) return m;
  if (auto m = match_weekday(j, lead)) return m;
  bool has_anchor = anchor_.has_value();
  auto relative_day = [&](int64_t offset) {
    return Match{j + 1, has_anchor ? format_day(civil_from_days(anchor_days_ + offset)) : "", Granularity::kDay, true};
  };
  if (token.lower == "today" || token.lower == "tonight") return relative_day(0);
  if (token.lower == "yesterday") return relative_day(-1);
  if (token.lower == "tomorrow") return relative_day(1);
  // "17 January 2025", "17th of January".
  if (auto day = day_number(j)) {
    size_t k = j + 1;
    if (joined_word(k, "of")) ++k;
    if (joined(k))
      if (auto month = month_name(k, false)) {
        if (auto year = year_number(k + 1); year && (joined(k + 1) || tokens_[k + 1].gap == ". ")) {
          CivilDate date{*year, *month, *day};
          if (valid_date(date)) return Match{k + 2, format_day(date), Granularity::kDay, false};
        }
        std::string value = resolve_day_month(*month, *day, direction(lead, j, k + 1));
        return Match{k + 1, value, Granularity::kDay, true};
      }
  }
  // A decade: "the 1990s", "in the 2010s".
  if (token.lower.size() == 5 && token.digits == 4 && token.lower[4] == 's' && token.lower[3] == '0' && j > 0 &&
      tokens_[j - 1].lower == "the" && is_space_gap(token.gap))
    return Match{j + 1, token.lower.substr(0, 4), Granularity::kApproximate, false};
  // A year after a preposition or "early/late/mid": "in 2029", "since 1951", "mid-2025".
  if (auto year = year_number(j, 1800, 2199); year && (!lead.empty() || prefixed))
    return Match{j + 1, format_year(*year), Granularity::kYear, false};
  return std::nullopt;
}

// "last month", "next Friday", "this year", "earlier this month", "last night".
std::optional<Match> Finder::match_modifier(size_t j) const {
  const std::string& word = tokens_[j].lower;
  bool has_anchor = anchor_.has_value();
  CivilDate a = anchor_.value_or(CivilDate{});
  if ((word == "earlier" || word == "later") && joined_word(j + 1, "this") && joined(j + 2)) {
    auto unit = words_.units.find(tokens_[j + 2].lower);
    if (unit == words_.units.end()) return std::nullopt;
    switch (unit->second) {
      case Unit::kMonth:
        return Match{j + 3, has_anchor ? format_month(a.year, a.month) : "", Granularity::kMonth, true};
      case Unit::kYear:
        return Match{j + 3, has_anchor ? format_year(a.year) : "", Granularity::kYear, true};
      case Unit::kWeek:
        return Match{j + 3, has_anchor ? format_day(a) : "", Granularity::kApproximate, true};
      default:
        return std::nullopt;
    }
  }
  int step = word == "last" || word == "past" ? -1 : word == "next" || word == "coming" ? 1 : word == "this" ? 0 : 2;
  if (step == 2 || !joined(j + 1)) return std::nullopt;
  const DateToken& what = tokens_[j + 1];
  if (step == -1 && what.lower == "night")
    return Match{j + 2, has_anchor ? format_day(civil_from_days(anchor_days_ - 1)) : "", Granularity::kDay, true};
  if (step == 0 && (what.lower == "morning" || what.lower == "afternoon" || what.lower == "evening"))
    return Match{j + 2, has_anchor ? format_day(a) : "", Granularity::kDay, true};
  if (what.lower == "weekend") {
    // The Saturday that opens it: last weekend's is before the anchor.
    if (!has_anchor) return Match{j + 2, "", Granularity::kApproximate, true};
    int64_t to_saturday = (5 - weekday(anchor_days_) + 7) % 7;
    int64_t offset = step < 0 ? to_saturday - 7 : step > 0 ? to_saturday + 7 : to_saturday;
    if (step < 0 && offset == 0) offset = -7;
    return Match{j + 2, format_day(civil_from_days(anchor_days_ + offset)), Granularity::kApproximate, true};
  }
  if (auto weekday_index = weekday_name(j + 1)) {
    if (!has_anchor) return Match{j + 2, "", Granularity::kDay, true};
    int today = weekday(anchor_days_);
    int64_t offset;
    if (step < 0) {
      offset = -((today - *weekday_index + 7) % 7);
      if (offset == 0) offset = -7;
    } else if (step > 0) {
      offset = (*weekday_index - today + 7) % 7;
      if (offset == 0) offset = 7;
    } else {
      offset = direction("", j, j + 2) == Tense::kPast ? -((today - *weekday_index + 7) % 7)
                                                       : (*weekday_index - today + 7) % 7;
    }
    return Match{j + 2, format_day(civil_from_days(anchor_days_ + offset)), Granularity::kDay, true};
  }
  if (auto month = month_name(j + 1, true)) {
    int year = a.year;
    if (step < 0) year = *month < a.month ? a.year : a.year - 1;
    if (step > 0) year = *month > a.month ? a.year : a.year + 1;
    return Match{j + 2, has_anchor ? format_month(year, *month) : "", Granularity::kMonth, true};
  }
  auto unit = words_.units.find(what.lower);
  if (unit == words_.units.end() || what.lower.ends_with("s")) return std::nullopt;
  switch (unit->second) {
    case Unit::kWeek:
      return Match{j + 2, has_anchor ? format_day(civil_from_days(anchor_days_ + 7 * step)) : "",
                   Granularity::kApproximate, true};
    case Unit::kMonth: {
      int months = a.year * 12 + (a.month - 1) + step;
      return Match{j + 2, has_anchor ? format_month(months / 12, months % 12 + 1) : "", Granularity::kMonth, true};
    }
    case Unit::kYear:
      return Match{j + 2, has_anchor ? format_year(a.year + step) : "", Granularity::kYear, true};
    default:
      return std::nullopt;
  }
}


// "three years ago", "nearly a decade ago", "in two weeks".
std::optional<Match> Finder::match_count(size_t j, const std::string& lead) const {
  size_t k = j;
  bool hedged = false;
  while (k < tokens_.size() && words_.hedges.count(tokens_[k].lower) && joined(k + 1)) ++k, hedged = true;
  if (k >= tokens_.size()) return std::nullopt;
  int count = -1;
  const DateToken& first = tokens_[k];
  if (first.digits > 0 && first.digits == static_cast<int>(first.lower.size()) && first.digits <= 3) {
    count = first.number;
  } else if (auto number = words_.numbers.find(first.lower); number != words_.numbers.end()) {
    count = number->second;
    // "a few", "a couple of", "twenty-five".
    if ((first.lower == "a" || first.lower == "an") && joined(k + 1) && words_.numbers.count(tokens_[k + 1].lower) &&
        words_.numbers.at(tokens_[k + 1].lower) > 1) {
      ++k;
      count = words_.numbers.at(tokens_[k].lower);
      if (tokens_[k].lower == "couple" && joined_word(k + 1, "of")) ++k;
    } else if (count >= 20 && count % 10 == 0 && count < 100 && k + 1 < tokens_.size() && tokens_[k + 1].gap == "-") {
      auto unit_digit = words_.numbers.find(tokens_[k + 1].lower);
      if (unit_digit != words_.numbers.end() && unit_digit->second < 10) ++k, count += unit_digit->second;
    }
  } else {
    return std::nullopt;
  }
  if (count <= 0 || !joined(k + 1)) return std::nullopt;
  auto unit = words_.units.find(tokens_[k + 1].lower);
  if (unit == words_.units.end()) return std::nullopt;
  bool ago = joined_word(k + 2, "ago");
  bool ahead = !ago && (lead == "in" || lead == "within") && !hedged && !joined_word(k + 2, "of");
  if (!ago && !ahead) return std::nullopt;
  size_t end = ago ? k + 3 : k + 2;
  int sign = ago ? -1 : 1;
  if (!anchor_) return Match{end, "", Granularity::kApproximate, true};
  const CivilDate& a = *anchor_;
  std::string value;
  switch (unit->second) {
    case Unit::kDay:
      value = format_day(civil_from_days(anchor_days_ + sign * count));
      break;
    case Unit::kWeek:
      value = format_day(civil_from_days(anchor_days_ + sign * 7 * count));
      break;
    case Unit::kMonth: {
      int months = a.year * 12 + (a.month - 1) + sign * count;
      value = format_month(months / 12, months % 12 + 1);
      break;
    }
    case Unit::kYear:
      value = format_year(a.year + sign * count);
      break;
    case Unit::kDecade:
      value = format_year(a.year + sign * 10 * count);
      break;
  }
  return Match{end, value, Granularity::kApproximate, true};
}

// "January 17", "Jan. 17, 2025", "March 2001", "in June".
std::optional<Match> Finder::match_month(size_t j, const std::string& lead, bool prefixed) const {
  auto month = month_name(j, false);
  if (!month) return std::nullopt;
  bool full = month_name(j, true).has_value();
  auto continues = [&](size_t k) {
    return joined(k) || (!full && k < tokens_.size() && tokens_[k].gap == ". ");
  };
  if (auto day = day_number(j + 1); day && continues(j + 1)) {
    size_t k = j + 2;
    if (k < tokens_.size() && (joined(k) || tokens_[k].gap == ", "))
      if (auto year = year_number(k)) {
        CivilDate date{*year, *month, *day};
        if (valid_date(date)) return Match{k + 1, format_day(date), Granularity::kDay, false};
      }
    return Match{j + 2, resolve_day_month(*month, *day, direction(lead, j, j + 2)), Granularity::kDay, true};
  }
  if (auto year = year_number(j + 1); year && (continues(j + 1) || (j + 1 < tokens_.size() && tokens_[j + 1].gap == ", ")))
    return Match{j + 2, format_month(*year, *month), Granularity::kMonth, false};
  // A month alone is a date only after a preposition ("in June"): alone,
  // "May" is as often a verb or a name.
  if (!full || (lead.empty() && !prefixed)) return std::nullopt;
  if (!anchor_) return Match{j + 1, "", Granularity::kMonth, true};
  int year = resolve_month_year(*month, direction(lead, j, j + 1));
  return Match{j + 1, format_month(year, *month), Granularity::kMonth, true};
}

// "on Friday", "until at least Friday", "Friday's vote".
std::optional<Match> Finder::match_weekday(size_t j, const std::string& lead) const {
  auto target = weekday_name(j);
  if (!target) return std::nullopt;
  if (!anchor_) return Match{j + 1, "", Granularity::kDay, true};
  int today = weekday(anchor_days_);
  int64_t offset = direction(lead, j, j + 1) == Tense::kFuture ? (*target - today + 7) % 7
                                                               : -((today - *target + 7) % 7);
  return Match{j + 1, format_day(civil_from_days(anchor_days_ + offset)), Granularity::kDay, true};
}

Tense Finder::word_tense(const DateToken& token) const {
  const std::string& word = token.lower;
  if (words_.future.count(word) || word.ends_with("'ll")) return Tense::kFuture;
  if (words_.past.count(word)) return Tense::kPast;
  if (word.size() > 4 && word.ends_with("ed") && token.digits == 0) return Tense::kPast;
  return Tense::kUnknown;
}

// The tense of the clause around tokens [first, end): the nearest tense
// marker before the expression within its clause, else the first one after
// it within its sentence. News reports the past, so weekdays without any
// marker resolve backward.
Tense Finder::tense_around(size_t first, size_t end) const {
  for (size_t k = first, seen = 0; k > 0 && seen < 12; --k, ++seen) {
    if (ends_clause(tokens_[k].gap)) break;
    if (Tense tense = word_tense(tokens_[k - 1]); tense != Tense::kUnknown) return tense;
  }
  for (size_t k = end, seen = 0; k < tokens_.size() && seen < 12; ++k, ++seen) {
    if (ends_sentence(tokens_[k].gap)) break;
    if (Tense tense = word_tense(tokens_[k]); tense != Tense::kUnknown) return tense;
  }
  return Tense::kUnknown;
}

// A day and month without a year: in the future, the first such day on or
// after the anchor; in the past, the last one on or before it; otherwise
// the nearest.
std::string Finder::resolve_day_month(int month, int day, Tense tense) const {
  if (!anchor_) return "";
  std::optional<CivilDate> best;
  int64_t best_distance = 0;
  for (int year = anchor_->year - 1; year <= anchor_->year + 1; ++year) {
    CivilDate date{year, month, day};
    if (!valid_date(date)) continue;
    int64_t distance = days_from_civil(date) - anchor_days_;
    if ((tense == Tense::kFuture && distance < 0) || (tense == Tense::kPast && distance > 0)) continue;
    if (!best || std::llabs(distance) < std::llabs(best_distance)) best = date, best_distance = distance;
  }
  return best ? format_day(*best) : "";
}

int Finder::resolve_month_year(int month, Tense tense) const {
  int anchor_month = anchor_->month;
  if (tense == Tense::kFuture) return month >= anchor_month ? anchor_->year : anchor_->year + 1;
  if (tense == Tense::kPast) return month <= anchor_month ? anchor_->year : anchor_->year - 1;
  int forward = (month - anchor_month + 12) % 12, backward = (anchor_month - month + 12) % 12;
  if (forward <= backward) return month >= anchor_month ? anchor_->year : anchor_->year + 1;
  return month <= anchor_month ? anchor_->year : anchor_->year - 1;
}

}  // namespace

std::vector<TimeExpression> find_time_expressions(std::string_view text, Span range, std::string_view anchor_iso) {
  return Finder(text, range, anchor_iso).run();
}

std::string_view granularity_name(Granularity granularity) {
  switch (granularity) {
    case Granularity::kDay:
      return "day";
    case Granularity::kMonth:
      return "month";
    case Granularity::kYear:
      return "year";
    case Granularity::kApproximate:
      return "approximate";
  }
  return "day";
}

}  // namespace storyline::dates
