#include "clean/line_classifier.h"

#include <cctype>

#include "clean/outlets.h"
#include "core/data_files.h"
#include "core/text_util.h"

namespace storyline::clean {

namespace {

bool is_trim_char(unsigned char c) {
  return std::isspace(c) || c == ':' || c == '-' || c == '|' || c == '>' || c == '<' || c == '*' || c == '.' ||
         c == '!' || c == '[' || c == ']' || c == '(' || c == ')' || c == '#';
}

// UTF-8 bullets, arrows, dashes and ellipses at line ends.
bool strip_symbol_prefix(std::string_view& text) {
  static const char* kSymbols[] = {"\xE2\x80\xA2", "\xE2\x96\xBA", "\xE2\x96\xB6", "\xE2\x86\x92", "\xC2\xBB",
                                   "\xC2\xAB",     "\xE2\x80\x94", "\xE2\x80\x93", "\xE2\x80\xA6", "\xE2\x96\xB8"};
  for (const char* symbol : kSymbols) {
    std::string_view s(symbol);
    if (text.substr(0, s.size()) == s) {
      text.remove_prefix(s.size());
      return true;
    }
    if (text.size() >= s.size() && text.substr(text.size() - s.size()) == s) {
      text.remove_suffix(s.size());
      return true;
    }
  }
  return false;
}

bool capitalised(std::string_view word) {
  return !word.empty() && (std::isupper(static_cast<unsigned char>(word[0])) ||
                           static_cast<unsigned char>(word[0]) >= 0xC3);  // accented capitals
}

// "By Ana Ruiz", "By Ana Ruiz and Tom Weiss", "By ANA RUIZ, Staff Writer".
bool is_byline(std::string_view line, std::string& name) {
  if (!core::starts_with_ignore_case(line, "by ")) return false;
  std::string_view rest = core::trim(line.substr(3));
  if (rest.empty() || rest.size() > 80 || rest.back() == '.' || rest.back() == '?') return false;
  size_t words = 0;
  for (std::string_view word : core::split(rest, ' ')) {
    if (word.empty()) continue;
    ++words;
    std::string lower = core::ascii_lower(word);
    if (lower == "and" || lower == "&" || lower == "in" || lower == "for" || lower == "of" || lower == "the") continue;
    if (!capitalised(word)) return false;
  }
  if (words == 0 || words > 9) return false;
  name = std::string(rest);
  return true;
}

bool is_weekday(std::string_view word) {
  std::string lower = core::ascii_lower(core::trim(word));
  for (const char* day : {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "mon", "tue",
                          "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun"})
    if (lower == day) return true;
  return false;
}

// Whether what stands before a dateline's date can name an outlet: a host,
// or a short name of capitalised words ("NORTHERN WIRE", "Harbour Ledger",
// "The Times of Solvik"). A sentence fragment ("The vote took place on"), a
// weekday ("Tuesday, May 3, 2016."), markup (an embedded tweet's
// author="@AP" datetime="…") and a label before a colon ("Correction:
// October 2, 2016") name no outlet.
bool outlet_like(std::string_view text, bool before_colon) {
  text = core::trim(text);
  if (text.empty() || text.size() > 60) return false;
  if (OutletDirectory::looks_like_host(text)) return true;
  if (before_colon) return false;
  if (text.find_first_of("<>=\"@{}[]\\/#") != std::string_view::npos) return false;
  size_t words = 0, named = 0;
  for (std::string_view word : core::split(text, ' ')) {
    if (word.empty()) continue;
    ++words;
    std::string lower = core::ascii_lower(word);
    if (lower == "of" || lower == "the" || lower == "and" || lower == "&" || lower == "for" || lower == "on" ||
        lower == "de" || lower == "la" || lower == "le" || lower == "el" || lower == "der" || lower == "die")
      continue;
    if (!capitalised(word) && !std::isdigit(static_cast<unsigned char>(word[0]))) return false;
    if (is_weekday(word)) return false;
    ++named;
  }
  // "… on" ends a clause, not a name.
  std::string last = core::ascii_lower(text.substr(text.rfind(' ') == std::string_view::npos ? 0 : text.rfind(' ') + 1));
  return named > 0 && words <= 6 && last != "on" && last != "of" && last != "the" && last != "and";
}

}  // namespace

std::string LineClassifier::match_key(std::string_view line) {
  std::string_view text = core::trim(line);
  for (bool changed = true; changed && !text.empty();) {
    changed = false;
    while (!text.empty() && is_trim_char(static_cast<unsigned char>(text.front()))) text.remove_prefix(1), changed = true;
    while (!text.empty() && is_trim_char(static_cast<unsigned char>(text.back()))) text.remove_suffix(1), changed = true;
    changed |= strip_symbol_prefix(text);
  }
  std::string key;
  key.reserve(text.size());
  bool space = false;
  for (char c : text) {
    if (std::isspace(static_cast<unsigned char>(c))) {
      space = true;
      continue;
    }
    if (space && !key.empty()) key.push_back(' ');
    space = false;
    key.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  }
  // Typographic apostrophes compare as ASCII ones ("editor’s picks").
  std::string folded;
  folded.reserve(key.size());
  for (size_t i = 0; i < key.size(); ++i) {
    if (key.compare(i, 3, "\xE2\x80\x99") == 0) {
      folded.push_back('\'');
      i += 2;
    } else {
      folded.push_back(key[i]);
    }
  }
  return folded;
}

Result<LineClassifier> LineClassifier::load(const std::string& path, const OutletDirectory& outlets) {
  auto rows = core::read_table(path);
  if (!rows) return rows.status();
  LineClassifier classifier;
  classifier.outlets_ = outlets;
  for (const auto& row : *rows) {
    if (row.size() < 2) continue;
    const std::string& kind = row[0];
    std::string phrase = match_key(row[1]);
    if (kind == "drop") classifier.exact_[phrase] = LineKind::kDrop;
    else if (kind == "list-head") classifier.exact_[phrase] = LineKind::kListHead;
    else if (kind == "end") classifier.exact_[phrase] = LineKind::kEndMark;
    else if (kind == "drop-start") classifier.drop_prefixes_.push_back(phrase);
    else if (kind == "source") classifier.labels_[phrase] = LineKind::kSourceMark;
    else if (kind == "related") classifier.labels_[phrase] = LineKind::kRelatedMark;
    else if (kind == "credit") classifier.labels_[phrase] = LineKind::kDrop;
    else return Status::invalid_input(path + ": unknown kind '" + kind + "'");
  }
  return classifier;
}

LineClass LineClassifier::classify(std::string_view raw) const {
  LineClass result;
  std::string_view line = core::trim(raw);
  if (line.empty()) {
    result.kind = LineKind::kBlank;
    return result;
  }
  size_t words = core::count_words(line);
  // Furniture phrases are short; prose paragraphs skip the phrase lookups,
  // which keeps classification cheap on long lines.
  if (words < 12) {
    std::string key = match_key(line);
    if (key.empty()) {
      result.kind = LineKind::kDrop;  // only punctuation or symbols
      return result;
    }
    if (auto it = exact_.find(key); it != exact_.end()) {
      result.kind = it->second;
      return result;
    }
    for (const std::string& prefix : drop_prefixes_)
      if (key.compare(0, prefix.size(), prefix) == 0) {
        result.kind = LineKind::kDrop;
        return result;
      }
  }
  // "LABEL: value" marks.
  if (size_t colon = line.find(':'); colon != std::string_view::npos && colon < 30) {
    std::string label = match_key(line.substr(0, colon));
    if (auto it = labels_.find(label); it != labels_.end()) {
      std::string_view value = core::trim(line.substr(colon + 1));
      if (!value.empty() && core::count_words(value) <= 25) {
        result.kind = it->second;
        result.value = std::string(value);
        // A SOURCE mark names a publisher by its host or a name the outlet
        // table knows; anything else ("Source: NATO." under a chart, a
        // photo agency's credit) is a credit line: furniture, not an outlet.
        if (result.kind == LineKind::kSourceMark && !OutletDirectory::looks_like_host(value) &&
            !outlets_.knows(value)) {
          result.value.clear();
          result.kind = core::count_words(value) <= 6 ? LineKind::kDrop : LineKind::kText;
        }
        if (result.kind == LineKind::kDrop) result.value.clear();
        return result;
      }
    }
  }
  std::string byline;
  if (words <= 10 && is_byline(line, byline) && line.find('|') == std::string_view::npos) {
    result.kind = LineKind::kByline;
    result.byline = byline;
    return result;
  }
  // Datelines: "DW | Published January 17, 2025", "By Ana Ruiz | March 3, 2026",
  // "Published: 3 March 2026 10:45 GMT". Short lines whose date is the point.
  if (words <= 16) {
    auto date = find_date(line);
    if (date) {
      std::string_view before = core::trim(line.substr(0, date->begin));
      std::string_view after = core::trim(line.substr(date->end));
      // Strip "Published", "Updated", "Posted" and separators around the date.
      for (const char* word : {"published on", "published", "updated on", "updated", "posted on", "posted", "first published"}) {
        std::string lower = core::ascii_lower(before);
        size_t at = lower.rfind(word);
        if (at != std::string::npos && at + std::char_traits<char>::length(word) >= lower.size() - 1) {
          before = core::trim(before.substr(0, at));
          break;
        }
      }
      bool before_colon = false;
      while (!before.empty() && (before.back() == '|' || before.back() == '-' || before.back() == ',' ||
                                 before.back() == ':' || before.back() == '/')) {
        before_colon |= before.back() == ':';
        before = core::trim(before.substr(0, before.size() - 1));
      }
      if (before.size() >= 2 && before.substr(before.size() - 2) == "\xC2\xB7")  // middle dot
        before = core::trim(before.substr(0, before.size() - 2));
      // What stands before the date is nothing, a byline, an outlet, a
      // weekday or a label ("Correction:"); anything else is a sentence that
      // holds a date ("The vote took place on May 3, 2016."), not a dateline.
      bool parts_fit = true;
      for (std::string_view part : core::split(before, '|')) {
        part = core::trim(part);
        std::string name;
        parts_fit &= part.empty() || is_byline(part, name) || outlet_like(part, before_colon) || is_weekday(part) ||
                     (before_colon && core::count_words(part) <= 3 && capitalised(part));
      }
      bool date_is_the_line = core::count_words(after) <= 3 && core::count_words(before) <= 8 && parts_fit &&
                              (before.empty() || before.find('.') == std::string_view::npos ||
                               OutletDirectory::looks_like_host(before));
      if (date_is_the_line) {
        result.kind = LineKind::kDateline;
        result.date = date;
        // What stands before the date: an outlet, a byline, or both
        // ("Harbour Ledger | By Tomas Berge | March 3, 2026").
        for (std::string_view part : core::split(before, '|')) {
          part = core::trim(part);
          if (part.empty()) continue;
          std::string name;
          if (is_byline(part, name)) result.byline = name;
          else if (result.value.empty() && outlet_like(part, before_colon)) result.value = std::string(part);
        }
        return result;
      }
    }
  }
  return result;
}

}  // namespace storyline::clean
