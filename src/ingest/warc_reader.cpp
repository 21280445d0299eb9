// WARC (ISO 28500), the format of Common Crawl's news crawl: every HTML
// response (or resource) record becomes a document with its target URL and
// fetch date. Records are read one at a time, so memory stays bounded by the
// largest record we accept, whatever the size of the file.
#include <algorithm>
#include <cctype>

#include "core/text_util.h"
#include "ingest/charset.h"
#include "ingest/record_readers.h"

namespace storyline::ingest {

namespace {

struct Headers {
  std::vector<std::pair<std::string, std::string>> fields;  // lower-case names
  std::string get(std::string_view name) const {
    for (const auto& [key, value] : fields)
      if (key == name) return value;
    return {};
  }
};

// Parses "Name: value" lines from `block` starting at `position` up to the
// first empty line; returns the position after it (or npos when the block
// has no end of headers).
size_t parse_header_block(std::string_view block, size_t position, Headers& headers) {
  while (position < block.size()) {
    size_t end = block.find('\n', position);
    if (end == std::string_view::npos) return std::string_view::npos;
    std::string_view line = block.substr(position, end - position);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    position = end + 1;
    if (line.empty()) return position;
    size_t colon = line.find(':');
    if (colon == std::string_view::npos) continue;
    headers.fields.emplace_back(core::ascii_lower(core::trim(line.substr(0, colon))), std::string(core::trim(line.substr(colon + 1))));
  }
  return std::string_view::npos;
}

// Undoes "Transfer-Encoding: chunked" when a crawler kept it.
bool dechunk(std::string_view body, std::string& out) {
  size_t position = 0;
  while (position < body.size()) {
    size_t end = body.find('\n', position);
    if (end == std::string_view::npos) return false;
    std::string size_text(core::trim(body.substr(position, end - position)));
    size_t size = 0;
    try {
      size = std::stoul(size_text, nullptr, 16);
    } catch (...) {
      return false;
    }
    position = end + 1;
    if (size == 0) return true;
    if (position + size > body.size()) return false;
    out.append(body.substr(position, size));
    position += size + 2;  // chunk data then CRLF
  }
  return true;
}

}  // namespace

size_t read_warc(const std::string& input, ByteSource& source, const ReadLimits& limits,
                 const DocumentSink& on_document, const ErrorSink& on_error, size_t& documents) {
  size_t errors = 0;
  LineReader reader(source, 64 * 1024);
  std::string line;
  size_t record_number = 0;
  // A damaged stream underneath (truncated gzip) explains any parse failure
  // better than the parse failure itself.
  auto report = [&](const std::string& place, const std::string& message) {
    on_error({input, place, source.status().is_ok() ? message : source.status().message()});
    ++errors;
  };
  for (;;) {
    // Records are separated by blank lines; find the next version line.
    LineReader::Outcome outcome;
    do {
      outcome = reader.next(line);
    } while (outcome == LineReader::Outcome::kLine && core::trim(line).empty());
    if (outcome == LineReader::Outcome::kEnd) break;
    ++record_number;
    uint64_t record_offset = reader.offset();
    std::string place = "record " + std::to_string(record_number) + " (byte " + std::to_string(record_offset) + ")";
    if (outcome == LineReader::Outcome::kTooLong || line.rfind("WARC/", 0) != 0) {
      report(place, "expected a WARC version line; the file is not WARC or is damaged here");
      break;  // without a length we cannot find the next record boundary reliably
    }
    Headers warc;
    for (;;) {
      outcome = reader.next(line);
      if (outcome != LineReader::Outcome::kLine || line.empty()) break;
      size_t colon = line.find(':');
      if (colon != std::string::npos)
        warc.fields.emplace_back(core::ascii_lower(core::trim(std::string_view(line).substr(0, colon))),
                                 std::string(core::trim(std::string_view(line).substr(colon + 1))));
    }
    std::string length_text = warc.get("content-length");
    size_t length = 0;
    try {
      length = std::stoull(length_text);
    } catch (...) {
      report(place, "WARC record without a valid Content-Length");
      break;
    }
    std::string type = core::ascii_lower(warc.get("warc-type"));
    std::string content_type = core::ascii_lower(warc.get("content-type"));
    bool wanted = (type == "response" && content_type.find("application/http") != std::string::npos) ||
                  (type == "resource" && content_type.find("html") != std::string::npos);
    if (!wanted || length > limits.max_record_bytes) {
      if (wanted) {
        on_error({input, place, "record of " + std::to_string(length) + " bytes is over the limit of " +
                                    std::to_string(limits.max_record_bytes) + "; skipped"});
        ++errors;
      }
      if (reader.skip(length) < length) {
        report(place, "truncated: the file ends inside this record");
        break;
      }
      continue;
    }
    std::string block;
    block.reserve(length);
    if (reader.read_exact(block, length) < length) {
      report(place, "truncated: the file ends inside this record");
      break;
    }
    RawDocument document;
    document.format = RawDocument::Format::kHtml;
    document.url = warc.get("warc-target-uri");
    if (!document.url.empty() && document.url.front() == '<') document.url = document.url.substr(1, document.url.size() - 2);
    document.fetched = warc.get("warc-date");
    document.origin = document.url.empty() ? input + "#" + place : document.url;
    std::string_view body = block;
    if (type == "response") {
      Headers http;
      size_t body_start = parse_header_block(block, 0, http);
      if (body_start == std::string_view::npos) {
        on_error({input, place, "HTTP response without the end of its headers"});
        ++errors;
        continue;
      }
      std::string http_type = core::ascii_lower(http.get("content-type"));
      if (!http_type.empty() && http_type.find("html") == std::string::npos) continue;  // not a page
      document.charset = charset_from_content_type(http_type);
      body = std::string_view(block).substr(body_start);
      if (core::ascii_lower(http.get("transfer-encoding")).find("chunked") != std::string::npos) {
        std::string plain;
        if (dechunk(body, plain)) {
          document.body = std::move(plain);
          body = {};
        }
      }
    }
    if (!body.empty()) document.body.assign(body);
    if (document.body.empty()) continue;
    // The HTTP header's charset, else the page's own; to UTF-8.
    document.body = decode_html(document.body, document.charset, &document.charset);
    ++documents;
    on_document(std::move(document));
  }
  if (!source.status().is_ok() && errors == 0) {
    on_error({input, "byte " + std::to_string(source.raw_offset()), source.status().message()});
    ++errors;
  }
  return errors;
}

}  // namespace storyline::ingest
