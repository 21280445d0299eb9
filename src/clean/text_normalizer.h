// Character-level cleaning: valid UTF-8, NFC, one kind of newline, no
// invisible characters, single spaces. Later stages match words and names on
// this form, so the same text always looks the same.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace storyline::clean {

// Replaces every invalid UTF-8 sequence with U+FFFD. `bad_offsets` receives
// the byte offset of each repair in the input (at most the first 16).
std::string repair_utf8(std::string_view bytes, size_t& repairs, std::vector<size_t>* bad_offsets = nullptr);

// Unicode NFC (ICU). Returns the input unchanged when already NFC (the
// common case, checked fast).
std::string to_nfc(std::string_view utf8);

// Per line: removes zero-width and control characters, turns no-break and
// other spaces into ' ', folds runs of spaces, trims. Newlines (\r\n, \r,
// U+2028, U+2029) become '\n'.
std::string normalize_whitespace(std::string_view utf8);

}  // namespace storyline::clean
