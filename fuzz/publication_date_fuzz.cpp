// Fuzzes the publication-date parser: any bytes, no crash, and what it
// returns is a well-formed ISO date.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "clean/publication_date.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  auto iso = storyline::clean::parse_publication_date(text);
  if (iso && (iso->size() < 10 || (*iso)[4] != '-' || (*iso)[7] != '-')) std::abort();
  return 0;
}
