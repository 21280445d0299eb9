// Readers for inputs that hold many records. Each streams its source, hands
// every good record to the sink and every bad one to the error sink, and
// returns how many errors it reported.
#pragma once

#include <string>

#include "ingest/gzip_stream.h"
#include "ingest/input_reader.h"

namespace storyline::ingest {

size_t read_json_lines(const std::string& input, ByteSource& source, const ReadLimits& limits,
                       const DocumentSink& on_document, const ErrorSink& on_error, size_t& documents);

size_t read_warc(const std::string& input, ByteSource& source, const ReadLimits& limits,
                 const DocumentSink& on_document, const ErrorSink& on_error, size_t& documents);

// Pulls lines from a ByteSource with a bounded buffer.
class LineReader {
 public:
  LineReader(ByteSource& source, size_t max_line) : source_(source), max_line_(max_line) {}
  enum class Outcome { kLine, kTooLong, kEnd };
  // The next line without its "\n" (and "\r"). kTooLong skips the rest of an
  // over-long line; kEnd when no bytes are left.
  Outcome next(std::string& line);
  // Reads exactly `count` bytes (fewer only at the end of the source).
  size_t read_exact(std::string& out, size_t count);
  // Drops `count` bytes; returns how many were dropped.
  size_t skip(size_t count);
  uint64_t line_number() const { return line_number_; }
  uint64_t offset() const { return consumed_; }  // bytes consumed so far (decompressed)

 private:
  bool fill();
  ByteSource& source_;
  size_t max_line_;
  std::string buffer_;
  size_t position_ = 0;
  uint64_t line_number_ = 0;
  uint64_t consumed_ = 0;
};

}  // namespace storyline::ingest
