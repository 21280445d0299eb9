#include "clean/text_normalizer.h"

#include <unicode/bytestream.h>
#include <unicode/normalizer2.h>

namespace storyline::clean {

namespace {

// Length of the valid UTF-8 sequence starting at `i`, or 0 when invalid
// (overlong forms, surrogates and code points past U+10FFFF are invalid).
size_t valid_sequence_length(std::string_view s, size_t i) {
  unsigned char c = static_cast<unsigned char>(s[i]);
  if (c < 0x80) return 1;
  size_t length;
  uint32_t min;
  uint32_t cp;
  if ((c & 0xE0) == 0xC0) {
    length = 2, min = 0x80, cp = c & 0x1F;
  } else if ((c & 0xF0) == 0xE0) {
    length = 3, min = 0x800, cp = c & 0x0F;
  } else if ((c & 0xF8) == 0xF0) {
    length = 4, min = 0x10000, cp = c & 0x07;
  } else {
    return 0;
  }
  if (i + length > s.size()) return 0;
  for (size_t k = 1; k < length; ++k) {
    unsigned char next = static_cast<unsigned char>(s[i + k]);
    if ((next & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (next & 0x3F);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
  return length;
}

// Decodes one code point of valid UTF-8 at `i`, advancing `i`.
uint32_t decode(std::string_view s, size_t& i) {
  unsigned char c = static_cast<unsigned char>(s[i]);
  if (c < 0x80) {
    ++i;
    return c;
  }
  size_t length = (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : 4;
  uint32_t cp = c & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07);
  for (size_t k = 1; k < length && i + k < s.size(); ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
  i += length;
  return cp;
}

bool is_invisible(uint32_t cp) {
  return cp == 0x200B || cp == 0x200C || cp == 0x200D || cp == 0x200E || cp == 0x200F || cp == 0xFEFF ||
         cp == 0x00AD || cp == 0x2060 || (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
}

bool is_space(uint32_t cp) {
  return cp == ' ' || cp == '\t' || cp == '\f' || cp == '\v' || cp == 0xA0 || cp == 0x1680 ||
         (cp >= 0x2000 && cp <= 0x200A) || cp == 0x202F || cp == 0x205F || cp == 0x3000;
}

}  // namespace

std::string repair_utf8(std::string_view bytes, size_t& repairs, std::vector<size_t>* bad_offsets) {
  repairs = 0;
  std::string out;
  out.reserve(bytes.size());
  size_t i = 0;
  while (i < bytes.size()) {
    // Fast path over ASCII runs.
    size_t start = i;
    while (i < bytes.size() && static_cast<unsigned char>(bytes[i]) < 0x80) ++i;
    out.append(bytes.data() + start, i - start);
    if (i >= bytes.size()) break;
    size_t length = valid_sequence_length(bytes, i);
    if (length == 0) {
      if (bad_offsets && bad_offsets->size() < 16) bad_offsets->push_back(i);
      ++repairs;
      out += "\xEF\xBF\xBD";
      ++i;
    } else {
      out.append(bytes.data() + i, length);
      i += length;
    }
  }
  return out;
}

std::string to_nfc(std::string_view utf8) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  if (U_FAILURE(status)) return std::string(utf8);
  icu::StringPiece piece(utf8.data(), static_cast<int32_t>(utf8.size()));
  if (nfc->isNormalizedUTF8(piece, status) && U_SUCCESS(status)) return std::string(utf8);
  status = U_ZERO_ERROR;
  std::string out;
  out.reserve(utf8.size());
  icu::StringByteSink<std::string> sink(&out);
  nfc->normalizeUTF8(0, piece, sink, nullptr, status);
  if (U_FAILURE(status)) return std::string(utf8);
  return out;
}

std::string normalize_whitespace(std::string_view utf8) {
  std::string out;
  out.reserve(utf8.size());
  bool pending_space = false;
  bool line_start = true;
  size_t i = 0;
  while (i < utf8.size()) {
    unsigned char c = static_cast<unsigned char>(utf8[i]);
    if (c >= 0x21 && c < 0x7F) {  // printable ASCII: the common case
      if (pending_space && !line_start) out.push_back(' ');
      pending_space = false;
      line_start = false;
      out.push_back(static_cast<char>(c));
      ++i;
      continue;
    }
    size_t before = i;
    uint32_t cp = decode(utf8, i);
    if (cp == '\n' || cp == '\r' || cp == 0x2028 || cp == 0x2029 || cp == 0x85) {
      if (cp == '\r' && i < utf8.size() && utf8[i] == '\n') ++i;
      out.push_back('\n');
      pending_space = false;
      line_start = true;
    } else if (is_space(cp)) {
      pending_space = true;
    } else if (is_invisible(cp) || cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp < 0xA0)) {
      // dropped: invisible or control
    } else {
      if (pending_space && !line_start) out.push_back(' ');
      pending_space = false;
      line_start = false;
      out.append(utf8.data() + before, i - before);
    }
  }
  return out;
}

}  // namespace storyline::clean
