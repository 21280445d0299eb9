// CAMEO event types with what each code implies: root code, QuadClass,
// Goldstein value and the PLOVER category beside it. Read from
// data/events/cameo_codes.tsv (format in that file's header).
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>

#include "storyline/status.h"

namespace storyline::events {

struct EventType {
  std::string code;       // "057"
  std::string root_code;  // "05"
  int quad_class = 0;     // 1 verbal cooperation .. 4 material conflict
  double goldstein = 0;   // -10 .. +10
  std::string plover;     // "SUPPORT"; empty when PLOVER has no counterpart
  std::string label;      // short description
};

class EventTypes {
 public:
  // Loads the table; an error names the file and line.
  static Result<EventTypes> load(const std::string& path);
  // The type of `code`, or nullptr for an unknown code.
  const EventType* find(std::string_view code) const;
  size_t size() const { return types_.size(); }

 private:
  std::unordered_map<std::string, EventType> types_;
};

}  // namespace storyline::events
