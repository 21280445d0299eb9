// Fuzzes the HTML main-text extractor on its own: any bytes as a page, with
// a small nesting cap so that the depth cut is exercised too.
#include <cstddef>
#include <cstdint>
#include <string>

#include "ingest/html_extractor.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  storyline::ingest::HtmlExtractOptions options;
  options.max_depth = 64;
  options.max_text_bytes = 1 << 16;
  std::string_view html(reinterpret_cast<const char*>(data), size);
  auto page = storyline::ingest::extract_html(html, "https://fuzz.example/", options);
  (void)page;
  return 0;
}
