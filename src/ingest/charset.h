// Character sets: news pages still arrive in windows-1252, ISO-8859-x,
// KOI8-R or Shift_JIS. Everything after the reader works on UTF-8.
//
// Labels are read as the WHATWG Encoding Standard reads them (the table
// browsers use): "iso-8859-1", "latin1", "ascii" and "us-ascii" mean
// windows-1252, "gb2312" means GBK, "euc-kr" windows-949, and so on. Pages
// labelled iso-8859-1 are in practice windows-1252 („ “ – … in 0x80–0x9F).
#pragma once

#include <string>
#include <string_view>

namespace storyline::ingest {

// The charset a page declares: <meta charset>, <meta http-equiv> or an
// XML declaration within the first 2 KB; empty when none.
std::string declared_html_charset(std::string_view html);

// The charset named in a Content-Type header value ("text/html; charset=x").
std::string charset_from_content_type(std::string_view content_type);

// The WHATWG encoding a label names ("latin1" → "windows-1252", "utf8" →
// "UTF-8"), or empty for a label the standard does not know.
std::string whatwg_encoding(std::string_view label);

// Converts `bytes` from the encoding `label` names to UTF-8: a byte order
// mark wins over the label (as the standard says); windows-1252 by the
// standard's own table, the others through ICU; a byte the encoding cannot
// give becomes U+FFFD. An empty or unknown label: the bytes as they are
// when they are valid UTF-8, else windows-1252 (the web's default for
// unlabelled pages); invalid UTF-8 left in the result is repaired later,
// with a warning, by the cleaner.
std::string convert_to_utf8(std::string_view bytes, std::string_view label);

// A page's bytes to UTF-8: the transport's label (HTTP Content-Type) first,
// then the page's own declaration. `used` gets the encoding's name.
std::string decode_html(std::string_view bytes, std::string_view transport_label, std::string* used = nullptr);

}  // namespace storyline::ingest
