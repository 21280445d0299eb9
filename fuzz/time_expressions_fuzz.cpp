// Fuzzes date expressions in running text. The first line is the anchor
// (normally a publication date, here anything), the rest the text; both the
// whole text and a range inside it are searched. Every span must lie inside
// the range asked for.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "dates/time_expressions.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string input(reinterpret_cast<const char*>(data), size);
  size_t newline = input.find('\n');
  std::string anchor = newline == std::string::npos ? "" : input.substr(0, std::min<size_t>(newline, 40));
  std::string text = newline == std::string::npos ? input : input.substr(newline + 1);
  auto size32 = static_cast<uint32_t>(text.size());
  for (storyline::Span range : {storyline::Span{0, size32}, storyline::Span{size32 / 3, size32 - size32 / 4}}) {
    for (const auto& found : storyline::dates::find_time_expressions(text, range, anchor)) {
      if (found.span.begin > found.span.end || found.span.begin < range.begin || found.span.end > range.end)
        std::abort();
      storyline::dates::granularity_name(found.granularity);
    }
  }
  return 0;
}
