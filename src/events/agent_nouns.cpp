#include <sstream>

#include "core/data_files.h"
#include "core/text_util.h"
#include "events/event_coder.h"

namespace storyline::events {

Result<AgentNouns> AgentNouns::load(const std::string& path) {
  std::string text;
  if (Status status = core::read_file(path, text); !status.is_ok()) return status;
  AgentNouns agents;
  std::istringstream lines(text);
  std::string line;
  int number = 0;
  while (std::getline(lines, line)) {
    ++number;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (core::trim(line).empty() || line[0] == '#') continue;
    auto fields = core::split(line, '\t');
    if (fields.size() != 2 || core::trim(fields[0]).empty() || core::trim(fields[1]).empty())
      return Status::invalid_input(path + ":" + std::to_string(number) + ": expected PHRASE<TAB>CODE");
    agents.add(core::ascii_lower(core::trim(fields[0])), std::string(core::trim(fields[1])));
  }
  return agents;
}

void AgentNouns::add(const std::string& phrase, const std::string& code) {
  phrases_[phrase] = code;
  if (!phrase.ends_with("s")) {
    std::string plural = phrase.ends_with("y") ? phrase.substr(0, phrase.size() - 1) + "ies" : phrase + "s";
    phrases_.emplace(plural, code);
  }
  size_t words = 1;
  for (char c : phrase) words += c == ' ';
  if (words > longest_) longest_ = words;
}

std::string_view AgentNouns::match(const std::vector<std::string_view>& words, uint32_t i, uint32_t& length) const {
  std::string key;
  std::string_view best;
  for (size_t k = 0; k < longest_ && i + k < words.size(); ++k) {
    if (k) key += ' ';
    key.append(words[i + k]);
    auto it = phrases_.find(key);
    if (it != phrases_.end()) {
      best = it->second;
      length = static_cast<uint32_t>(k + 1);
    }
  }
  return best;
}

}  // namespace storyline::events
