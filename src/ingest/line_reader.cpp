#include <cstring>

#include "ingest/record_readers.h"

namespace storyline::ingest {

namespace {
constexpr size_t kChunk = 1 << 16;
}

bool LineReader::fill() {
  if (position_ > 0 && position_ >= buffer_.size() / 2) {
    buffer_.erase(0, position_);
    position_ = 0;
  }
  return source_.read(buffer_, kChunk) > 0;
}

LineReader::Outcome LineReader::next(std::string& line) {
  line.clear();
  bool too_long = false;
  for (;;) {
    const char* start = buffer_.data() + position_;
    size_t available = buffer_.size() - position_;
    const void* newline = std::memchr(start, '\n', available);
    if (newline) {
      size_t length = static_cast<const char*>(newline) - start;
      if (!too_long) line.append(start, length);
      position_ += length + 1;
      consumed_ += length + 1;
      ++line_number_;
      if (too_long) return Outcome::kTooLong;
      if (!line.empty() && line.back() == '\r') line.pop_back();
      return Outcome::kLine;
    }
    // No newline yet: keep what we have (up to the limit) and read more.
    if (!too_long) {
      line.append(start, available);
      if (line.size() > max_line_) {
        too_long = true;
        line.clear();
      }
    }
    position_ += available;
    consumed_ += available;
    if (!fill()) {
      if (too_long) {
        ++line_number_;
        return Outcome::kTooLong;
      }
      if (line.empty()) return Outcome::kEnd;
      ++line_number_;  // last line without a final newline
      if (line.back() == '\r') line.pop_back();
      return Outcome::kLine;
    }
  }
}

size_t LineReader::read_exact(std::string& out, size_t count) {
  size_t taken = 0;
  while (taken < count) {
    size_t available = buffer_.size() - position_;
    if (available == 0) {
      if (!fill()) break;
      continue;
    }
    size_t n = std::min(available, count - taken);
    out.append(buffer_.data() + position_, n);
    position_ += n;
    taken += n;
  }
  consumed_ += taken;
  return taken;
}

size_t LineReader::skip(size_t count) {
  size_t dropped = 0;
  while (dropped < count) {
    size_t available = buffer_.size() - position_;
    if (available == 0) {
      if (!fill()) break;
      continue;
    }
    size_t n = std::min(available, count - dropped);
    position_ += n;
    dropped += n;
  }
  consumed_ += dropped;
  return dropped;
}

}  // namespace storyline::ingest
