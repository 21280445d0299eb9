// The container every trained model is stored in (data/models/*.model):
//
//   storyline-model 1\n                 magic and container version
//   kind: tagger\n                      which model (tagger, parser, recognizer)
//   <key>: <value>\n ...                what trained it, free text for a reader
//   \n                                  a blank line ends the header
//   <zlib stream>                       the payload, written by ByteWriter
//
// The payload is a sequence of varints, fixed-width little-endian integers
// and length-prefixed strings, in an order each model defines. Reading
// checks every length against what is left, so a cut or corrupt file is an
// error naming the file, never a crash.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "storyline/status.h"

namespace storyline::nlp {

class ByteWriter {
 public:
  void varint(uint64_t value);
  void signed_varint(int64_t value);  // zigzag
  void u64(uint64_t value);
  void f32(float value);
  void string(std::string_view value);
  const std::string& bytes() const { return bytes_; }

 private:
  std::string bytes_;
};

class ByteReader {
 public:
  explicit ByteReader(std::string_view bytes) : bytes_(bytes) {}
  // Each returns false (and stays failed) when the payload ends too soon.
  bool varint(uint64_t& value);
  bool signed_varint(int64_t& value);
  bool u64(uint64_t& value);
  bool f32(float& value);
  bool string(std::string& value);
  bool failed() const { return failed_; }
  bool at_end() const { return position_ == bytes_.size(); }
  size_t remaining() const { return bytes_.size() - position_; }

 private:
  std::string_view bytes_;
  size_t position_ = 0;
  bool failed_ = false;
};

struct ModelFile {
  std::string kind;
  std::vector<std::pair<std::string, std::string>> header;  // key: value lines after "kind"
  std::string payload;                                     // uncompressed
};

Status write_model_file(const std::string& path, const ModelFile& model);
Result<ModelFile> read_model_file(const std::string& path);

}  // namespace storyline::nlp
