#include "events/event_types.h"

#include <cstdlib>
#include <sstream>

#include "core/data_files.h"
#include "core/text_util.h"

namespace storyline::events {

Result<EventTypes> EventTypes::load(const std::string& path) {
  std::string text;
  if (Status status = core::read_file(path, text); !status.is_ok()) return status;
  EventTypes table;
  std::istringstream lines(text);
  std::string line;
  int number = 0;
  while (std::getline(lines, line)) {
    ++number;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line[0] == '#') continue;
    auto fields = core::split(line, '\t');
    auto fail = [&](const std::string& why) {
      return Status::invalid_input(path + ":" + std::to_string(number) + ": " + why);
    };
    if (fields.size() != 6) return fail("expected 6 tab-separated fields, found " + std::to_string(fields.size()));
    EventType type;
    type.code = std::string(fields[0]);
    type.root_code = std::string(fields[1]);
    if (type.code.size() < 2 || type.code.size() > 4 || type.code.compare(0, 2, type.root_code) != 0)
      return fail("code '" + type.code + "' does not start with its root code '" + type.root_code + "'");
    type.quad_class = std::atoi(std::string(fields[2]).c_str());
    if (type.quad_class < 1 || type.quad_class > 4) return fail("QuadClass must be 1..4");
    char* end = nullptr;
    std::string goldstein(fields[3]);
    type.goldstein = std::strtod(goldstein.c_str(), &end);
    if (goldstein.empty() || *end != '\0' || type.goldstein < -10 || type.goldstein > 10)
      return fail("Goldstein value must be a number in -10..10");
    type.plover = std::string(fields[4]);
    type.label = std::string(fields[5]);
    if (!table.types_.emplace(type.code, type).second) return fail("code '" + type.code + "' listed twice");
  }
  if (table.types_.empty()) return Status::invalid_input(path + ": no event types");
  return table;
}

const EventType* EventTypes::find(std::string_view code) const {
  auto it = types_.find(std::string(code));
  return it == types_.end() ? nullptr : &it->second;
}

}  // namespace storyline::events
