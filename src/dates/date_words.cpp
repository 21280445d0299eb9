#include "dates/date_words.h"

#include <cstdlib>

#include "core/data_files.h"

namespace storyline::dates {

Result<DateWords> DateWords::load(const std::string& path) {
  auto rows = core::read_table(path);
  if (!rows) return rows.status();
  DateWords words;
  for (const auto& row : *rows) {
    if (row.size() < 3) return Status::invalid_input(path + ": expected kind, word, value in '" + row[0] + "'");
    const std::string& kind = row[0];
    const std::string& word = row[1];
    const std::string& value = row[2];
    if (kind == "month") {
      words.months[word] = std::atoi(value.c_str());
    } else if (kind == "weekday") {
      words.weekdays[word] = std::atoi(value.c_str());
    } else if (kind == "number") {
      words.numbers[word] = std::atoi(value.c_str());
    } else if (kind == "unit") {
      static const std::unordered_map<std::string, Unit> kUnits = {
          {"day", Unit::kDay}, {"week", Unit::kWeek}, {"month", Unit::kMonth}, {"year", Unit::kYear},
          {"decade", Unit::kDecade}};
      auto unit = kUnits.find(value);
      if (unit == kUnits.end()) return Status::invalid_input(path + ": unknown unit '" + value + "'");
      words.units[word] = unit->second;
    } else if (kind == "hedge") {
      words.hedges.insert(word);
    } else if (kind == "future") {
      words.future.insert(word);
    } else if (kind == "past") {
      words.past.insert(word);
    } else if (kind == "forward") {
      words.forward.insert(word);
    } else if (kind == "backward") {
      words.backward.insert(word);
    } else if (kind == "lead") {
      words.leads.insert(word);
    } else {
      return Status::invalid_input(path + ": unknown kind '" + kind + "'");
    }
  }
  return words;
}

const DateWords& DateWords::shared() {
  static const DateWords words = [] {
    auto loaded = load(core::data_path("dates/words.tsv"));
    return loaded ? std::move(*loaded) : DateWords{};
  }();
  return words;
}

}  // namespace storyline::dates
