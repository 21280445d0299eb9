#include "claims/number_normalizer.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>

#include "core/data_files.h"
#include "core/text_util.h"

namespace storyline::claims {

namespace {

std::vector<std::string> words_of(const std::string& phrase) {
  std::vector<std::string> out;
  for (auto part : core::split(phrase, ' '))
    if (!part.empty()) out.emplace_back(part);
  return out;
}

bool phrase_at(const std::vector<ClaimToken>& tokens, size_t at, const std::vector<std::string>& words) {
  if (at + words.size() > tokens.size()) return false;
  for (size_t k = 0; k < words.size(); ++k)
    if (tokens[at + k].lower != words[k]) return false;
  return true;
}

std::string plain_number(double value) {
  char buffer[64];
  if (std::fabs(value - std::round(value)) < 1e-9) std::snprintf(buffer, sizeof buffer, "%.0f", value);
  else std::snprintf(buffer, sizeof buffer, "%.3g", value);
  return buffer;
}

}  // namespace

bool same_value(double a, double b) {
  double scale = std::max(std::fabs(a), std::fabs(b));
  return scale == 0 || std::fabs(a - b) <= 0.005 * scale;
}

namespace {
bool exact_dimension(const std::string& dimension) { return dimension == "calendar_year" || dimension == "date"; }
}  // namespace

bool same_quantity_value(const Quantity& a, const Quantity& b) {
  if (exact_dimension(a.dimension) || exact_dimension(b.dimension)) return a.value == b.value;
  return same_value(a.value, b.value);
}

std::string quantity_value_key(const Quantity& q) {
  char buffer[48];
  std::snprintf(buffer, sizeof buffer, exact_dimension(q.dimension) ? "%.0f" : "%.4g", q.value);
  return buffer;
}

std::string format_quantity(const Quantity& q) {
  std::string number;
  double v = q.value;
  if (std::fabs(v) >= 1e9 && q.dimension != "calendar_year") number = plain_number(v / 1e9) + " billion";
  else if (std::fabs(v) >= 1e6 && q.dimension != "calendar_year") number = plain_number(v / 1e6) + " million";
  else number = plain_number(v);
  std::string out = number;
  if (q.dimension == "calendar_year") out = "year " + number;
  else if (!q.unit.empty()) {
    std::string unit = q.unit;
    if ((unit == "year" || unit == "day" || unit == "hour" || unit == "tonne" || unit == "barrel") && v != 1) unit += "s";
    out += " " + unit;
  }
  if (!q.per.empty()) out += " a " + q.per;
  if (!q.qualifier.empty()) out = (q.qualifier_words.empty() ? std::string("about") : q.qualifier_words) + " " + out;
  return out;
}

Result<NumberNormalizer> NumberNormalizer::load(const std::string& data_dir) {
  NumberNormalizer normalizer;
  auto numbers = core::read_table(data_dir + "/claims/numbers.tsv");
  if (!numbers) return numbers.status();
  for (const auto& row : *numbers) {
    if (row.size() < 3) return Status::invalid_input("claims/numbers.tsv: a row needs word, value and kind");
    normalizer.words_[row[0]] = {std::strtod(row[1].c_str(), nullptr), row[2]};
  }
  auto units = core::read_table(data_dir + "/claims/units.tsv");
  if (!units) return units.status();
  for (const auto& row : *units) {
    if (row.size() < 5) return Status::invalid_input("claims/units.tsv: a row needs five fields");
    Unit unit{words_of(row[0]), row[1], row[2], std::strtod(row[3].c_str(), nullptr), row[4] == "prefix",
              row[4] == "a_ok"};
    normalizer.units_.push_back(std::move(unit));
  }
  std::stable_sort(normalizer.units_.begin(), normalizer.units_.end(),
                   [](const Unit& a, const Unit& b) { return a.words.size() > b.words.size(); });
  for (size_t u = 0; u < normalizer.units_.size(); ++u)
    if (!normalizer.units_[u].words.empty()) normalizer.units_by_first_word_[normalizer.units_[u].words[0]].push_back(u);
  for (const char* file : {"/claims/rates.tsv", "/claims/qualifiers.tsv"}) {
    auto rows = core::read_table(data_dir + file);
    if (!rows) return rows.status();
    auto& target = std::string(file).find("rates") != std::string::npos ? normalizer.rates_ : normalizer.qualifiers_;
    for (const auto& row : *rows)
      if (row.size() >= 2) target.emplace_back(words_of(row[0]), row[1]);
    std::stable_sort(target.begin(), target.end(),
                     [](const auto& a, const auto& b) { return a.first.size() > b.first.size(); });
  }
  return normalizer;
}

const NumberNormalizer::Unit* NumberNormalizer::unit_at(const std::vector<ClaimToken>& tokens, size_t at,
                                                        size_t& length) const {
  if (at >= tokens.size()) return nullptr;
  auto candidates = units_by_first_word_.find(tokens[at].lower);
  if (candidates == units_by_first_word_.end()) return nullptr;
  for (size_t u : candidates->second)
    if (const Unit& unit = units_[u]; phrase_at(tokens, at, unit.words)) {
      length = unit.words.size();
      return &unit;
    }
  return nullptr;
}

// A number written in digits (with an optional scale: "12bn", "2.5 million")
// or in words ("twenty-five", "two million", "a dozen").
bool NumberNormalizer::number_at(const std::vector<ClaimToken>& tokens, size_t at, double& value,
                                 size_t& length) const {
  double total = 0, current = 0;
  size_t i = at;
  bool any = false;
  if (tokens[i].is_digits) {
    current = tokens[i].number, any = true, ++i;
  }
  while (i < tokens.size()) {
    auto it = words_.find(tokens[i].lower);
    if (it == words_.end()) break;
    const Word& word = it->second;
    if (word.kind == "unit" && !tokens[at].is_digits) {
      current += word.value;
    } else if (word.kind == "scale") {
      if (!any && i == at) break;  // "million" alone is not a number
      current = (current == 0 ? 1 : current) * word.value;
      if (word.value >= 1000) total += current, current = 0;
    } else if (word.kind == "article" && i == at && i + 1 < tokens.size()) {
      // "a"/"an" is one only before a scale word ("a million") or a unit
      // marked a_ok ("a decade"): "a year" alone is usually a rate.
      auto next = words_.find(tokens[i + 1].lower);
      size_t unit_length = 0;
      const Unit* unit = unit_at(tokens, i + 1, unit_length);
      bool before_scale = next != words_.end() && (next->second.kind == "scale" || tokens[i + 1].lower == "dozen");
      if (!before_scale && !(unit && unit->article_ok)) break;
      // Before "million" or "dozen" the next word gives the value; before
      // "decade" the article itself is the one.
      current = before_scale ? 0 : 1;
      any = true, ++i;
      continue;
    } else {
      break;
    }
    any = true, ++i;
  }
  if (!any) return false;
  value = total + current;
  if (value == 0 && tokens[at].lower != "zero" && !(tokens[at].is_digits && tokens[at].number == 0)) return false;
  length = i - at;
  return true;
}

std::vector<Quantity> NumberNormalizer::find(const std::vector<ClaimToken>& tokens) const {
  std::vector<Quantity> out;
  auto is_month = [&](size_t k) {
    if (k >= tokens.size()) return false;
    auto it = words_.find(tokens[k].lower);
    return it != words_.end() && it->second.kind == "month" && tokens[k].capitalized;
  };
  size_t i = 0;
  while (i < tokens.size()) {
    Quantity q;
    size_t start = i;
    const Unit* prefix = nullptr;
    size_t unit_length = 0;
    if (const Unit* unit = unit_at(tokens, i, unit_length); unit && unit->prefix && i + unit_length < tokens.size() &&
                                                           tokens[i + unit_length].is_digits) {
      prefix = unit;
      i += unit_length;
    }
    double value = 0;
    size_t length = 0;
    if (!number_at(tokens, i, value, length)) {
      i = start + 1;
      continue;
    }
    size_t end = i + length;  // one past the number
    // Ordinals ("17th") and dates ("17 January", "January 17").
    if (tokens[i].is_digits && end < tokens.size() && tokens[end].attached &&
        (tokens[end].lower == "th" || tokens[end].lower == "st" || tokens[end].lower == "nd" || tokens[end].lower == "rd")) {
      i = end + 1;
      continue;
    }
    // Times of day ("7 p.m.", "11:50").
    auto is_clock = [&](size_t k) {
      if (k >= tokens.size()) return false;
      auto it = words_.find(tokens[k].lower);
      return it != words_.end() && it->second.kind == "clock";
    };
    // "11:50", and "9/11" or "24/7" (a date or a phrase, not a quantity).
    auto joiner = [&](size_t k) { return tokens[k].lower == ":" || tokens[k].lower == "/"; };
    bool colon_before = i >= 2 && joiner(i - 1) && tokens[i - 2].is_digits && tokens[i].attached;
    bool colon_after = end + 1 < tokens.size() && joiner(end) && tokens[end + 1].is_digits && tokens[end + 1].attached;
    if (tokens[i].is_digits && (is_clock(end) || colon_before || colon_after)) {
      i = end;
      continue;
    }
    bool year_like = tokens[i].is_digits && tokens[i].lower.size() == 4 && value >= 1900 && value <= 2100;
    if (tokens[i].is_digits && !year_like && ((i > 0 && is_month(i - 1)) || is_month(end))) {
      i = end;
      continue;
    }
    const Unit* unit = prefix;
    if (!unit) {
      size_t at = end;
      if (at < tokens.size() && tokens[at].lower == "of" && length > 1) ++at;  // "12 billion of euros"
      if (const Unit* suffix = unit_at(tokens, at, unit_length); suffix && !suffix->prefix) {
        unit = suffix;
        q.attributive = tokens[at].after_hyphen;
        end = at + unit_length;
      }
    }
    // "a decade and a half", "two and a half years"
    if (phrase_at(tokens, end, {"and", "a", "half"})) value += 0.5, end += 3;
    if (unit) {
      q.value = value * unit->factor;
      q.unit = unit->canonical;
      q.dimension = unit->dimension;
    } else if (tokens[i].is_digits && tokens[i].lower.size() == 4 && tokens[i].lower.find_first_of(",.") == std::string::npos &&
               value >= 1900 && value <= 2100) {
      q.value = value;
      q.unit = "year_ad";
      q.dimension = "calendar_year";
    } else {
      if (!tokens[i].is_digits && value < 2) {  // "one of the", "a"
        i = end;
        continue;
      }
      q.value = value;
      q.dimension = "count";
    }
    q.first = start, q.last = end - 1;
    if (q.dimension == "count" && !tokens[i].is_digits && start > 0) {
      bool reference = false;
      for (const auto& [words, kind] : qualifiers_)
        if (kind == "reference_before" && start >= words.size() && phrase_at(tokens, start - words.size(), words))
          reference = true;
      if (reference) {  // "the two leaders": already named, nothing to check
        i = end;
        continue;
      }
    }
    // A bound or an estimate: "more than two decades", "about 8,000".
    for (const auto& [words, kind] : qualifiers_)
      if (kind != "offset_after" && kind != "reference_before" && start >= words.size() && phrase_at(tokens, start - words.size(), words)) {
        // "over a decade" reads as "during", not "more than": a bound is
        // written with a figure ("over twenty years").
        if (words.size() == 1 && words[0] == "over" && words_.count(tokens[start].lower) &&
            words_.at(tokens[start].lower).kind == "article")
          break;
        q.qualifier = kind;
        for (const auto& word : words) q.qualifier_words += (q.qualifier_words.empty() ? "" : " ") + word;
        break;
      }
    // An age: "a 13-year-old".
    if (q.dimension == "duration" && end < tokens.size() && tokens[end].after_hyphen && tokens[end].lower == "old") {
      q.dimension = "age";
      ++end;
    }
    // A time offset: "three years later", "two years ago".
    for (const auto& [words, kind] : qualifiers_)
      if (kind == "offset_after" && phrase_at(tokens, end, words) && q.dimension.rfind("duration", 0) == 0) {
        q.dimension = "time_offset";
        end += words.size();
        break;
      }
    q.last = end - 1;  // with "-old", "later", "ago"
    // A rate: "two million tonnes of ammonia a year".
    if (q.dimension != "calendar_year")
      for (size_t k = end; k < tokens.size() && k < end + 5 && !tokens[k].punct && !q.per.size(); ++k)
        for (const auto& [words, period] : rates_)
          if (phrase_at(tokens, k, words)) {
            q.per = period;
            break;
          }
    out.push_back(q);
    i = end;
  }
  return out;
}

}  // namespace storyline::claims
