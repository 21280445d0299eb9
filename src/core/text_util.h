// Small ASCII-level helpers shared by the stages. Unicode-aware work (case
// folding, normalisation, transliteration) goes through ICU instead.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace storyline::core {

std::string_view trim(std::string_view text);
std::string ascii_lower(std::string_view text);
bool starts_with_ignore_case(std::string_view text, std::string_view prefix);
bool equals_ignore_case(std::string_view a, std::string_view b);
std::vector<std::string_view> split(std::string_view text, char separator);
size_t count_words(std::string_view text);
// `text` with & < > " as HTML character references.
std::string html_escape(std::string_view text);

// A 64-bit hash (xxHash3) and its 16-digit hex form.
uint64_t hash64(std::string_view bytes);
std::string hex64(uint64_t value);

// Byte offset → code-point offset in UTF-8 `text` (for JSON spans, which
// count code points as most consumers index strings).
uint32_t code_point_offset(std::string_view text, uint32_t byte_offset);

}  // namespace storyline::core

namespace storyline::core {

// Maps byte offsets of one UTF-8 text to code-point offsets in O(1) each,
// after one pass over the text.
class CodePointIndex {
 public:
  explicit CodePointIndex(std::string_view text);
  uint32_t at(uint32_t byte_offset) const;

 private:
  std::vector<uint32_t> by_byte_;  // empty when the text is pure ASCII
  uint32_t size_ = 0;
};

}  // namespace storyline::core
