// Fuzzes the readers of outside input: WARC (plain and gzip), JSON Lines and
// format detection, through the same entry point as files. The first byte
// picks the name the bytes are read under.
#include <cstddef>
#include <cstdint>
#include <string>

#include "ingest/input_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  static const char* kNames[] = {"x.warc", "x.warc.gz", "x.jsonl", "x.txt", "x.html", "x"};
  std::string name = kNames[data[0] % 6];
  std::string_view bytes(reinterpret_cast<const char*>(data + 1), size - 1);
  storyline::ingest::ReadLimits limits;
  limits.max_file_bytes = 1 << 20;
  limits.max_record_bytes = 1 << 20;
  storyline::ingest::read_buffer(name, bytes, limits, [](storyline::RawDocument&&) {},
                                 [](const storyline::ingest::InputError&) {});
  return 0;
}
