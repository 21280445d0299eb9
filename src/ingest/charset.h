// Character sets: news pages still arrive in windows-1252, ISO-8859-x,
// KOI8-R or Shift_JIS. Everything after the reader works on UTF-8.
#pragma once

#include <string>
#include <string_view>

namespace storyline::ingest {

// The charset a page declares: <meta charset>, <meta http-equiv> or an
// XML declaration within the first 2 KB; empty when none.
std::string declared_html_charset(std::string_view html);

// The charset named in a Content-Type header value ("text/html; charset=x").
std::string charset_from_content_type(std::string_view content_type);

// Converts `bytes` from `charset` to UTF-8 with ICU. UTF-8, ASCII, unknown
// or empty charsets return the bytes unchanged (invalid UTF-8 is repaired
// later, with a warning, by the cleaner).
std::string convert_to_utf8(std::string_view bytes, std::string_view charset);

}  // namespace storyline::ingest
