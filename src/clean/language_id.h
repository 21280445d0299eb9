// The language of an article's text, by Compact Language Detector 2
// (Debian's libcld2: n-gram scores over the text, 80+ languages).
//
// Short and mixed texts: CLD2 says when its answer is unreliable (too few
// letters, or no language clearly ahead). Then a language the input
// declares (<html lang>, a JSON Lines "language") is taken; failing that,
// CLD2's best guess, marked as a guess; a text CLD2 can say nothing about
// (a word or two, only figures) is "und" (ISO 639-2: undetermined), for
// which no language-specific stage runs.
#pragma once

#include <string>
#include <string_view>

namespace storyline::clean {

struct LanguageGuess {
  std::string code = "und";  // ISO 639-1 ("en", "de"), a CLD2 code for the rest ("zh-Hant"), or "und"
  bool reliable = false;
  std::string from;          // "text", "metadata", "guess", or "" for und
};

// `declared`: what the input says ("de", "en-GB", "fr_FR"), may be empty.
LanguageGuess identify_language(std::string_view title, std::string_view text, std::string_view declared);

// "en-GB" → "en", "fr_FR" → "fr", "" for anything that is not a language tag.
std::string primary_language(std::string_view tag);

}  // namespace storyline::clean
