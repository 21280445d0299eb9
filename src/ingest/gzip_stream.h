// Byte sources for the readers: a file, memory, a replay of bytes already
// peeked, and streaming gzip decompression (zlib) over any of them. Gzip
// handles multi-member files (Common Crawl writes one member per WARC record)
// and reports truncation instead of returning silently short data.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "storyline/status.h"

namespace storyline::ingest {

class ByteSource {
 public:
  virtual ~ByteSource() = default;
  // Appends up to `max` bytes to `out`; returns the number appended, 0 at the
  // end or on error (see status()).
  virtual size_t read(std::string& out, size_t max) = 0;
  virtual Status status() const = 0;
  // Bytes consumed from the file underneath so far (for error places).
  virtual uint64_t raw_offset() const = 0;
};

// Opens `path` ("-" = standard input).
Result<std::unique_ptr<ByteSource>> open_file_source(const std::string& path);
// Over bytes in memory; `bytes` must outlive the source.
std::unique_ptr<ByteSource> memory_source(std::string_view bytes);
// Gives `prefix` first, then the rest of `rest`.
std::unique_ptr<ByteSource> prefixed_source(std::string prefix, std::unique_ptr<ByteSource> rest);
// Decompresses gzip (or zlib) data read from `compressed`.
std::unique_ptr<ByteSource> gunzip_source(std::unique_ptr<ByteSource> compressed);

bool looks_gzipped(std::string_view head);

}  // namespace storyline::ingest
