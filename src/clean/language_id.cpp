#include "clean/language_id.h"

#include <cstdio>  // compact_lang_det.h uses FILE without including it

#include <cld2/public/compact_lang_det.h>
#include <cld2/public/encodings.h>

#include <algorithm>
#include <cctype>

namespace storyline::clean {

namespace {

// CLD2 looks at most this much text: the score settles long before, and
// the cost stays flat for long articles.
constexpr size_t kMaxBytes = 16 * 1024;

// Cuts `text` to at most `max` bytes at a character boundary.
std::string_view head(std::string_view text, size_t max) {
  if (text.size() <= max) return text;
  size_t cut = max;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  return text.substr(0, cut);
}

}  // namespace

std::string primary_language(std::string_view tag) {
  size_t end = 0;
  while (end < tag.size() && std::isalpha(static_cast<unsigned char>(tag[end]))) ++end;
  if (end < 2 || end > 3 || (end < tag.size() && tag[end] != '-' && tag[end] != '_')) return {};
  std::string code(tag.substr(0, end));
  std::transform(code.begin(), code.end(), code.begin(), [](unsigned char c) { return std::tolower(c); });
  return code;
}

LanguageGuess identify_language(std::string_view title, std::string_view text, std::string_view declared) {
  std::string sample(head(title, 1024));
  if (!sample.empty()) sample += '\n';
  sample += head(text, kMaxBytes - sample.size());
  CLD2::Language top3[3];
  int percent3[3];
  double scores3[3];
  int text_bytes = 0;
  bool reliable = false;
  CLD2::CLDHints hints = {nullptr, "", CLD2::UNKNOWN_ENCODING, CLD2::UNKNOWN_LANGUAGE};
  // The cleaner's text is valid UTF-8 (it repairs what is not).
  CLD2::Language language =
      CLD2::ExtDetectLanguageSummary(sample.data(), static_cast<int>(sample.size()), true, &hints, 0, top3, percent3,
                                     scores3, nullptr, &text_bytes, &reliable);
  LanguageGuess guess;
  std::string code = language == CLD2::UNKNOWN_LANGUAGE ? std::string() : CLD2::LanguageCode(language);
  if (code == "un" || code == "xxx") code.clear();
  if (!code.empty() && reliable) {
    guess.code = code;
    guess.reliable = true;
    guess.from = "text";
    return guess;
  }
  std::string stated = primary_language(declared);
  if (!stated.empty()) {
    guess.code = stated;
    guess.from = "metadata";
    return guess;
  }
  if (!code.empty()) {
    guess.code = code;
    guess.from = "guess";
  }
  return guess;
}

}  // namespace storyline::clean
