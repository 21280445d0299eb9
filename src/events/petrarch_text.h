// Text helpers shared by the PETRARCH dictionary loaders (internal).
#pragma once

#include <algorithm>
#include <cctype>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "core/text_util.h"
#include "storyline/status.h"

namespace storyline::events::petrarch {

inline std::string upper(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

// A dictionary word: "ARNOR_" (stopped), "RULE_OUT" (two words) → words.
inline std::vector<std::string> dictionary_words(std::string_view token) {
  std::vector<std::string> words;
  for (std::string_view part : core::split(token, '_'))
    if (!part.empty()) words.push_back(core::ascii_lower(part));
  return words;
}

inline std::string strip_comment(const std::string& line) {
  size_t hash = line.find('#');
  return hash == std::string::npos ? line : line.substr(0, hash);
}

inline std::string phrase_key(std::string_view name) {
  std::string key;
  for (const std::string& w : dictionary_words(name)) {
    if (!key.empty()) key += ' ';
    key += upper(w);
  }
  return key;
}

// "331108" → 19331108 (two-digit years up to 30 are 20xx); "19950601" as is.
inline int32_t dictionary_date(std::string_view yymmdd) {
  if (!std::all_of(yymmdd.begin(), yymmdd.end(), [](char c) { return c >= '0' && c <= '9'; })) return -1;
  if (yymmdd.size() == 8) return std::atoi(std::string(yymmdd).c_str());
  if (yymmdd.size() != 6) return -1;
  int yy = (yymmdd[0] - '0') * 10 + (yymmdd[1] - '0');
  int year = yy <= 30 ? 2000 + yy : 1900 + yy;
  return year * 10000 + std::atoi(std::string(yymmdd.substr(2)).c_str());
}

// Lines of a dictionary with their numbers, for errors that name file:line.
class LineReader {
 public:
  LineReader(const std::string& path, std::string text) : path_(path), stream_(std::move(text)) {}
  bool next(std::string& line) {
    if (!std::getline(stream_, line)) return false;
    ++number_;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    return true;
  }
  Status error(const std::string& why) const {
    return Status::invalid_input(path_ + ":" + std::to_string(number_) + ": " + why);
  }

 private:
  std::string path_;
  std::istringstream stream_;
  int number_ = 0;
};

}  // namespace storyline::events::petrarch
