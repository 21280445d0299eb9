#include "ingest/charset.h"

#include <unicode/ucnv.h>

#include <cctype>

#include "core/text_util.h"

namespace storyline::ingest {

namespace {
// The value after `key=` in `text` (quotes and spaces stripped).
std::string value_after(std::string_view text, size_t key_end) {
  size_t i = key_end;
  while (i < text.size() && (text[i] == ' ' || text[i] == '"' || text[i] == '\'')) ++i;
  size_t j = i;
  while (j < text.size() && (std::isalnum(static_cast<unsigned char>(text[j])) || text[j] == '-' || text[j] == '_' ||
                             text[j] == ':' || text[j] == '.'))
    ++j;
  return std::string(text.substr(i, j - i));
}
}  // namespace

std::string charset_from_content_type(std::string_view content_type) {
  std::string text = core::ascii_lower(content_type);
  size_t at = text.find("charset=");
  if (at == std::string::npos) return {};
  return value_after(text, at + 8);
}

std::string declared_html_charset(std::string_view html) {
  std::string head = core::ascii_lower(html.substr(0, 2048));
  size_t at = head.find("charset=");
  if (at == std::string::npos) {
    at = head.find("encoding=");  // <?xml version="1.0" encoding="...">
    if (at == std::string::npos) return {};
    return value_after(head, at + 9);
  }
  return value_after(head, at + 8);
}

std::string convert_to_utf8(std::string_view bytes, std::string_view charset) {
  std::string name = core::ascii_lower(charset);
  if (name.empty() || name == "utf-8" || name == "utf8" || name == "us-ascii" || name == "ascii") return std::string(bytes);
  UErrorCode status = U_ZERO_ERROR;
  UConverter* source = ucnv_open(name.c_str(), &status);
  if (U_FAILURE(status) || !source) return std::string(bytes);  // unknown name: keep bytes, cleaner repairs
  ucnv_close(source);
  std::string out(bytes.size() * 3 + 16, '\0');
  status = U_ZERO_ERROR;
  int32_t length = ucnv_convert("utf-8", name.c_str(), out.data(), static_cast<int32_t>(out.size()), bytes.data(),
                                static_cast<int32_t>(bytes.size()), &status);
  if (U_FAILURE(status)) return std::string(bytes);
  out.resize(static_cast<size_t>(length));
  return out;
}

}  // namespace storyline::ingest
