#include "entities/name_folding.h"

#include <unicode/translit.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <memory>
#include <vector>

namespace storyline::entities {
namespace {

// ICU transliterators are not thread-safe: one per thread, built on first use.
icu::Transliterator* folding_transliterator() {
  thread_local std::unique_ptr<icu::Transliterator> transliterator = [] {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::Transliterator> made(icu::Transliterator::createInstance(
        "Any-Latin; Latin-ASCII; Lower", UTRANS_FORWARD, status));
    if (U_FAILURE(status)) made.reset();
    return made;
  }();
  return transliterator.get();
}

char soundex_class(char c) {
  switch (c) {
    case 'b': case 'f': case 'p': case 'v': return '1';
    case 'c': case 'g': case 'j': case 'k': case 'q': case 's': case 'x': case 'z': return '2';
    case 'd': case 't': return '3';
    case 'l': return '4';
    case 'm': case 'n': return '5';
    case 'r': return '6';
    default: return 0;  // vowels, h, w, y
  }
}

}  // namespace

std::string fold_name(std::string_view name) {
  bool ascii = std::all_of(name.begin(), name.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
  std::string folded;
  if (ascii) {
    folded.reserve(name.size());
    for (char c : name) folded.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
    return folded;
  }
  icu::UnicodeString text = icu::UnicodeString::fromUTF8(icu::StringPiece(name.data(), static_cast<int32_t>(name.size())));
  if (auto* transliterator = folding_transliterator()) {
    transliterator->transliterate(text);
  } else {
    text.toLower();
  }
  text.toUTF8String(folded);
  // Typographic apostrophes become ASCII ones so that "O’Brien" = "O'Brien".
  std::string result;
  result.reserve(folded.size());
  for (size_t i = 0; i < folded.size(); ++i) {
    if (folded.compare(i, 3, "\xE2\x80\x99") == 0) {
      result.push_back('\'');
      i += 2;
    } else {
      result.push_back(folded[i]);
    }
  }
  return result;
}

std::string phonetic_key(std::string_view word) {
  std::string key;
  char previous = 0;
  for (char c : word) {
    if (!(c >= 'a' && c <= 'z')) continue;
    if (key.empty()) {
      key.push_back(c);
      previous = soundex_class(c);
      continue;
    }
    char code = soundex_class(c);
    if (c == 'h' || c == 'w') continue;  // do not separate equal classes
    if (code == 0) {
      previous = 0;
      continue;
    }
    if (code != previous) key.push_back(code);
    previous = code;
    if (key.size() == 3) break;
  }
  return key;
}

double name_similarity(std::string_view a, std::string_view b) {
  if (a.empty() || b.empty()) return a == b ? 1.0 : 0.0;
  if (a == b) return 1.0;
  const int la = static_cast<int>(a.size()), lb = static_cast<int>(b.size());
  const int window = std::max(0, std::max(la, lb) / 2 - 1);
  std::vector<char> matched_a(la, 0), matched_b(lb, 0);
  int matches = 0;
  for (int i = 0; i < la; ++i) {
    int from = std::max(0, i - window), to = std::min(lb - 1, i + window);
    for (int j = from; j <= to; ++j) {
      if (matched_b[j] || a[i] != b[j]) continue;
      matched_a[i] = matched_b[j] = 1;
      ++matches;
      break;
    }
  }
  if (matches == 0) return 0.0;
  int transpositions = 0;
  for (int i = 0, j = 0; i < la; ++i) {
    if (!matched_a[i]) continue;
    while (!matched_b[j]) ++j;
    if (a[i] != b[j]) ++transpositions;
    ++j;
  }
  double m = matches;
  double jaro = (m / la + m / lb + (m - transpositions / 2.0) / m) / 3.0;
  int prefix = 0;
  while (prefix < 4 && prefix < la && prefix < lb && a[prefix] == b[prefix]) ++prefix;
  return jaro + prefix * 0.1 * (1.0 - jaro);
}

bool starts_upper(std::string_view word) {
  if (word.empty()) return false;
  int32_t offset = 0;
  UChar32 c;
  U8_NEXT(reinterpret_cast<const uint8_t*>(word.data()), offset, static_cast<int32_t>(word.size()), c);
  return c > 0 && u_isupper(c);
}

bool all_upper(std::string_view word) {
  int32_t offset = 0;
  const int32_t length = static_cast<int32_t>(word.size());
  bool any_letter = false;
  while (offset < length) {
    UChar32 c;
    U8_NEXT(reinterpret_cast<const uint8_t*>(word.data()), offset, length, c);
    if (c < 0) return false;
    if (u_isalpha(c)) {
      if (!u_isupper(c)) return false;
      any_letter = true;
    }
  }
  return any_letter;
}

}  // namespace storyline::entities
