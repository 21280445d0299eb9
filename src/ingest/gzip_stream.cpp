#include "ingest/gzip_stream.h"

#include <zlib.h>

#include <cerrno>
#include <cstdio>
#include <cstring>

namespace storyline::ingest {

namespace {

class FileSource : public ByteSource {
 public:
  FileSource(FILE* file, bool owned) : file_(file), owned_(owned) {}
  ~FileSource() override {
    if (owned_) std::fclose(file_);
  }
  size_t read(std::string& out, size_t max) override {
    size_t old = out.size();
    out.resize(old + max);
    size_t n = std::fread(out.data() + old, 1, max, file_);
    out.resize(old + n);
    offset_ += n;
    if (n == 0 && std::ferror(file_))
      status_ = Status::io_error("read error at byte " + std::to_string(offset_) + ": " + std::strerror(errno));
    return n;
  }
  Status status() const override { return status_; }
  uint64_t raw_offset() const override { return offset_; }

 private:
  FILE* file_;
  bool owned_;
  uint64_t offset_ = 0;
  Status status_;
};

class MemorySource : public ByteSource {
 public:
  explicit MemorySource(std::string_view bytes) : bytes_(bytes) {}
  size_t read(std::string& out, size_t max) override {
    size_t n = std::min(max, bytes_.size() - position_);
    out.append(bytes_.data() + position_, n);
    position_ += n;
    return n;
  }
  Status status() const override { return Status::ok(); }
  uint64_t raw_offset() const override { return position_; }

 private:
  std::string_view bytes_;
  size_t position_ = 0;
};

class PrefixedSource : public ByteSource {
 public:
  PrefixedSource(std::string prefix, std::unique_ptr<ByteSource> rest)
      : prefix_(std::move(prefix)), rest_(std::move(rest)) {}
  size_t read(std::string& out, size_t max) override {
    if (position_ < prefix_.size()) {
      size_t n = std::min(max, prefix_.size() - position_);
      out.append(prefix_, position_, n);
      position_ += n;
      return n;
    }
    return rest_->read(out, max);
  }
  Status status() const override { return rest_->status(); }
  uint64_t raw_offset() const override { return rest_->raw_offset(); }

 private:
  std::string prefix_;
  size_t position_ = 0;
  std::unique_ptr<ByteSource> rest_;
};

class GzipSource : public ByteSource {
 public:
  explicit GzipSource(std::unique_ptr<ByteSource> input) : input_(std::move(input)) {
    std::memset(&stream_, 0, sizeof stream_);
    // 15 + 32: accept gzip or zlib headers, detected automatically.
    if (inflateInit2(&stream_, 15 + 32) != Z_OK) status_ = Status::internal("zlib: cannot initialise");
  }
  ~GzipSource() override { inflateEnd(&stream_); }

  size_t read(std::string& out, size_t max) override {
    if (!status_.is_ok() || finished_) return 0;
    size_t old = out.size();
    out.resize(old + max);
    stream_.next_out = reinterpret_cast<Bytef*>(out.data() + old);
    stream_.avail_out = static_cast<uInt>(max);
    while (stream_.avail_out > 0) {
      if (stream_.avail_in == 0) {
        in_buffer_.clear();
        size_t n = input_->read(in_buffer_, 1 << 16);
        if (n == 0) {
          if (!input_->status().is_ok()) {
            status_ = input_->status();
          } else if (in_member_) {
            status_ = Status::invalid_input("truncated gzip stream: it ends inside a member at byte " +
                                            std::to_string(input_->raw_offset()));
          } else {
            finished_ = true;
          }
          break;
        }
        stream_.next_in = reinterpret_cast<Bytef*>(in_buffer_.data());
        stream_.avail_in = static_cast<uInt>(n);
      }
      in_member_ = true;
      int rc = inflate(&stream_, Z_NO_FLUSH);
      if (rc == Z_STREAM_END) {
        // Another member may follow: Common Crawl concatenates one per record.
        in_member_ = false;
        inflateReset(&stream_);
      } else if (rc == Z_BUF_ERROR) {
        continue;  // needs more input; the loop reads it
      } else if (rc != Z_OK) {
        status_ = Status::invalid_input("corrupt gzip data near byte " + std::to_string(raw_offset()) + ": " +
                                        (stream_.msg ? stream_.msg : "inflate failed"));
        break;
      }
    }
    out.resize(old + (max - stream_.avail_out));
    return max - stream_.avail_out;
  }
  Status status() const override { return status_; }
  uint64_t raw_offset() const override { return input_->raw_offset() - stream_.avail_in; }

 private:
  std::unique_ptr<ByteSource> input_;
  std::string in_buffer_;
  z_stream stream_;
  bool in_member_ = false;
  bool finished_ = false;
  Status status_;
};

}  // namespace

bool looks_gzipped(std::string_view head) {
  return head.size() >= 2 && static_cast<unsigned char>(head[0]) == 0x1f &&
         static_cast<unsigned char>(head[1]) == 0x8b;
}

Result<std::unique_ptr<ByteSource>> open_file_source(const std::string& path) {
  if (path == "-") return std::unique_ptr<ByteSource>(std::make_unique<FileSource>(stdin, false));
  FILE* file = std::fopen(path.c_str(), "rb");
  if (!file) return Status::not_found(std::string("cannot open: ") + std::strerror(errno));
  return std::unique_ptr<ByteSource>(std::make_unique<FileSource>(file, true));
}

std::unique_ptr<ByteSource> memory_source(std::string_view bytes) { return std::make_unique<MemorySource>(bytes); }

std::unique_ptr<ByteSource> prefixed_source(std::string prefix, std::unique_ptr<ByteSource> rest) {
  return std::make_unique<PrefixedSource>(std::move(prefix), std::move(rest));
}

std::unique_ptr<ByteSource> gunzip_source(std::unique_ptr<ByteSource> compressed) {
  return std::make_unique<GzipSource>(std::move(compressed));
}

}  // namespace storyline::ingest
