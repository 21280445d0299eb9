// The word lists the date finder reads from data/dates/words.tsv: month and
// weekday names, number words, units, hedges and tense markers.
#pragma once

#include <string>
#include <unordered_map>
#include <unordered_set>

#include "storyline/status.h"

namespace storyline::dates {

enum class Unit { kDay, kWeek, kMonth, kYear, kDecade };

struct DateWords {
  std::unordered_map<std::string, int> months;    // "january", "jan" → 1
  std::unordered_map<std::string, int> weekdays;  // "monday" → 0
  std::unordered_map<std::string, int> numbers;   // "three" → 3
  std::unordered_map<std::string, Unit> units;    // "years" → kYear
  std::unordered_set<std::string> hedges, future, past, forward, backward, leads;

  static Result<DateWords> load(const std::string& path);
  // The words from the data folder, loaded once (empty lists when the file
  // is missing, so that the finder then finds only numeric dates).
  static const DateWords& shared();
};

}  // namespace storyline::dates
