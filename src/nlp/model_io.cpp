#include "nlp/model_io.h"

#include <zlib.h>

#include <cstring>
#include <fstream>

#include "core/data_files.h"

namespace storyline::nlp {

namespace {
constexpr std::string_view kMagic = "storyline-model 1\n";
}

void ByteWriter::varint(uint64_t value) {
  while (value >= 0x80) {
    bytes_.push_back(static_cast<char>((value & 0x7F) | 0x80));
    value >>= 7;
  }
  bytes_.push_back(static_cast<char>(value));
}

void ByteWriter::signed_varint(int64_t value) {
  varint((static_cast<uint64_t>(value) << 1) ^ static_cast<uint64_t>(value >> 63));
}

void ByteWriter::u64(uint64_t value) {
  for (int i = 0; i < 8; ++i) bytes_.push_back(static_cast<char>((value >> (8 * i)) & 0xFF));
}

void ByteWriter::f32(float value) {
  uint32_t bits;
  std::memcpy(&bits, &value, sizeof bits);
  for (int i = 0; i < 4; ++i) bytes_.push_back(static_cast<char>((bits >> (8 * i)) & 0xFF));
}

void ByteWriter::string(std::string_view value) {
  varint(value.size());
  bytes_.append(value);
}

bool ByteReader::varint(uint64_t& value) {
  value = 0;
  for (int shift = 0; shift < 64; shift += 7) {
    if (failed_ || position_ >= bytes_.size()) return failed_ = true, false;
    const uint8_t byte = static_cast<uint8_t>(bytes_[position_++]);
    value |= static_cast<uint64_t>(byte & 0x7F) << shift;
    if (!(byte & 0x80)) return true;
  }
  return failed_ = true, false;
}

bool ByteReader::signed_varint(int64_t& value) {
  uint64_t raw;
  if (!varint(raw)) return false;
  value = static_cast<int64_t>(raw >> 1) ^ -static_cast<int64_t>(raw & 1);
  return true;
}

bool ByteReader::u64(uint64_t& value) {
  if (failed_ || remaining() < 8) return failed_ = true, false;
  value = 0;
  for (int i = 0; i < 8; ++i) value |= static_cast<uint64_t>(static_cast<uint8_t>(bytes_[position_++])) << (8 * i);
  return true;
}

bool ByteReader::f32(float& value) {
  if (failed_ || remaining() < 4) return failed_ = true, false;
  uint32_t bits = 0;
  for (int i = 0; i < 4; ++i) bits |= static_cast<uint32_t>(static_cast<uint8_t>(bytes_[position_++])) << (8 * i);
  std::memcpy(&value, &bits, sizeof value);
  return true;
}

bool ByteReader::string(std::string& value) {
  uint64_t size;
  if (!varint(size)) return false;
  if (size > remaining()) return failed_ = true, false;
  value.assign(bytes_.substr(position_, size));
  position_ += size;
  return true;
}

Status write_model_file(const std::string& path, const ModelFile& model) {
  std::string out(kMagic);
  out += "kind: " + model.kind + "\n";
  for (const auto& [key, value] : model.header) {
    std::string line = key + ": " + value;
    for (char& c : line) {
      if (c == '\n') c = ' ';
    }
    out += line + "\n";
  }
  out += "\n";
  uLongf compressed_size = compressBound(model.payload.size());
  std::string compressed(compressed_size, '\0');
  if (compress2(reinterpret_cast<Bytef*>(compressed.data()), &compressed_size,
                reinterpret_cast<const Bytef*>(model.payload.data()), model.payload.size(), 9) != Z_OK) {
    return Status::internal(path + ": zlib could not compress the model");
  }
  compressed.resize(compressed_size);
  // The uncompressed size first, so that reading allocates once.
  ByteWriter size;
  size.u64(model.payload.size());
  out += size.bytes();
  out += compressed;
  const std::string temporary = path + ".partial";
  {
    std::ofstream file(temporary, std::ios::binary | std::ios::trunc);
    if (!file) return Status::io_error(temporary + ": cannot open for writing");
    file.write(out.data(), static_cast<std::streamsize>(out.size()));
    if (!file) return Status::io_error(temporary + ": write failed");
  }
  if (std::rename(temporary.c_str(), path.c_str()) != 0) return Status::io_error(path + ": cannot replace");
  return Status::ok();
}

Result<ModelFile> read_model_file(const std::string& path) {
  std::string content;
  if (Status status = core::read_file(path, content); !status.is_ok()) return status;
  if (content.compare(0, kMagic.size(), kMagic) != 0) return Status::corrupt(path + ": not a storyline model file");
  ModelFile model;
  size_t position = kMagic.size();
  while (true) {
    const size_t end = content.find('\n', position);
    if (end == std::string::npos) return Status::corrupt(path + ": the header does not end");
    std::string_view line(content.data() + position, end - position);
    position = end + 1;
    if (line.empty()) break;
    const size_t colon = line.find(": ");
    if (colon == std::string_view::npos) return Status::corrupt(path + ": header line without 'key: value'");
    std::string key(line.substr(0, colon)), value(line.substr(colon + 2));
    if (key == "kind") model.kind = value;
    else model.header.emplace_back(std::move(key), std::move(value));
  }
  ByteReader size_reader(std::string_view(content).substr(position));
  uint64_t size = 0;
  if (!size_reader.u64(size) || size > (1ull << 32)) return Status::corrupt(path + ": bad payload size");
  position += 8;
  model.payload.resize(size);
  uLongf out_size = size;
  if (uncompress(reinterpret_cast<Bytef*>(model.payload.data()), &out_size,
                 reinterpret_cast<const Bytef*>(content.data() + position), content.size() - position) != Z_OK ||
      out_size != size) {
    return Status::corrupt(path + ": the payload does not decompress");
  }
  return model;
}

}  // namespace storyline::nlp
