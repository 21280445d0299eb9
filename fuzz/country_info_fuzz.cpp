// Fuzzes the CountryInfo loader (TABARI/PETRARCH format): a fresh knowledge
// base reads the input as a file, then answers lookups of the names it may
// have added. Errors are values; nothing may crash or read out of bounds.
#include <cstddef>
#include <cstdint>
#include <string>

#include "entities/knowledge_base.h"
#include "entities/name_folding.h"
#include "fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string path = storyline::fuzz::write_input(data, size, ".countryinfo");
  storyline::entities::KnowledgeBase kb;
  if (!kb.add_country_info(path).is_ok()) return 0;
  // Look up every line's words as a phrase: loaded names come back.
  std::string text(reinterpret_cast<const char*>(data), size);
  size_t begin = 0;
  while (begin < text.size()) {
    size_t end = text.find('\n', begin);
    if (end == std::string::npos) end = text.size();
    std::string line = text.substr(begin, std::min<size_t>(end - begin, 200));
    kb.find(storyline::entities::fold_name(line), line);
    begin = end + 1;
  }
  return 0;
}
