#include "ingest/input_reader.h"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <system_error>

#include "ingest/charset.h"
#include "ingest/gzip_stream.h"
#include "ingest/record_readers.h"

namespace storyline::ingest {

namespace fs = std::filesystem;

std::string InputError::to_string() const {
  std::string out = input;
  if (!place.empty()) out += ": " + place;
  out += ": " + message;
  return out;
}

namespace {

bool ends_with(std::string_view text, std::string_view suffix) {
  if (text.size() < suffix.size()) return false;
  for (size_t i = 0; i < suffix.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(text[text.size() - suffix.size() + i])) != suffix[i]) return false;
  return true;
}

// Binary data has NUL bytes or many control characters; text in any 8-bit
// charset or UTF-8 has neither.
bool looks_binary(std::string_view head) {
  size_t control = 0;
  for (unsigned char c : head) {
    if (c == 0) return true;
    if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f') ++control;
  }
  return !head.empty() && control * 10 > head.size();
}

bool looks_html(std::string_view head) {
  size_t start = head.find_first_not_of(" \t\r\n\xEF\xBB\xBF");
  if (start == std::string_view::npos || head[start] != '<') return false;
  std::string lowered(head.substr(start, 1024));
  std::transform(lowered.begin(), lowered.end(), lowered.begin(), [](unsigned char c) { return std::tolower(c); });
  for (const char* mark : {"<!doctype html", "<html", "<head", "<body", "<meta", "<title", "<div", "<p", "<article", "<!--"})
    if (lowered.find(mark) != std::string::npos) return true;
  return false;
}

std::string strip_gz(const std::string& name) {
  return ends_with(name, ".gz") ? name.substr(0, name.size() - 3) : name;
}

// Reads a whole (possibly gzipped) small input for the text and HTML readers.
Status read_all(ByteSource& source, size_t limit, std::string& out) {
  while (source.read(out, 1 << 16) > 0) {
    if (out.size() > limit)
      return Status::too_large("larger than the limit of " + std::to_string(limit >> 20) +
                               " MB (--max-input-mb); skipped");
  }
  return source.status();
}

// Dispatches one opened source by format. Returns the number of errors.
size_t read_source(const std::string& input, const std::string& name, ByteSource& source, std::string head,
                   const ReadLimits& limits, const DocumentSink& on_document, const ErrorSink& on_error,
                   size_t& documents) {
  InputFormat format = detect_format(name, head);
  if (head.empty()) {
    on_error({input, "", "empty input"});
    return 1;
  }
  if (format == InputFormat::kUnknown) {
    on_error({input, "", looks_binary(head) ? "binary data, not text, HTML, JSON Lines or WARC; skipped"
                                            : "unrecognised format; skipped"});
    return 1;
  }
  if (format == InputFormat::kJsonLines) return read_json_lines(input, source, limits, on_document, on_error, documents);
  if (format == InputFormat::kWarc) return read_warc(input, source, limits, on_document, on_error, documents);

  std::string body;
  if (Status status = read_all(source, limits.max_file_bytes, body); !status.is_ok()) {
    on_error({input, "", status.message()});
    return 1;
  }
  RawDocument document;
  document.origin = input;
  document.format = format == InputFormat::kHtml ? RawDocument::Format::kHtml : RawDocument::Format::kText;
  if (format == InputFormat::kHtml) {
    document.body = decode_html(body, "", &document.charset);
  } else {
    document.body = std::move(body);
  }
  ++documents;
  on_document(std::move(document));
  return 0;
}

// Peeks at the first bytes to see whether the data is gzipped whatever the
// name says, then at the decompressed head to tell the format; both peeks
// are replayed, so nothing is read twice and nothing is held whole.
size_t read_opened(const std::string& input, std::unique_ptr<ByteSource> raw, const ReadLimits& limits,
                   const DocumentSink& on_document, const ErrorSink& on_error, size_t& documents) {
  std::string peek;
  raw->read(peek, 4096);
  bool gzip = looks_gzipped(peek);
  std::unique_ptr<ByteSource> source = prefixed_source(std::move(peek), std::move(raw));
  if (gzip) source = gunzip_source(std::move(source));
  std::string head;
  source->read(head, 4096);
  if (!source->status().is_ok() && head.empty()) {
    on_error({input, "", source->status().message()});
    return 1;
  }
  std::unique_ptr<ByteSource> replay = prefixed_source(head, std::move(source));
  std::string name = gzip ? strip_gz(input) : input;
  return read_source(input, name, *replay, head, limits, on_document, on_error, documents);
}

// A SQLite database or one of its side files (a storyline store kept in the
// folder it reads: `cd DIR && storyline analyze .`). A database is known by
// its header; "-wal", "-shm" and "-journal" files by their name beside the
// database (a -shm file has no header of its own).
bool is_sqlite_file(const fs::path& path) {
  static constexpr std::string_view kHeader("SQLite format 3\0", 16);
  std::string leaf = path.filename().string();
  for (std::string_view side : {"-wal", "-shm", "-journal"})
    if (ends_with(leaf, side)) {
      std::error_code error;
      fs::path database = path.parent_path() / leaf.substr(0, leaf.size() - side.size());
      if (fs::is_regular_file(database, error)) return true;
    }
  std::FILE* file = std::fopen(path.c_str(), "rb");
  if (!file) return false;
  char head[16];
  size_t n = std::fread(head, 1, sizeof head, file);
  std::fclose(file);
  return n == sizeof head && std::string_view(head, n) == kHeader;
}

}  // namespace

InputFormat detect_format(const std::string& name, std::string_view head) {
  std::string base = strip_gz(name);
  if (ends_with(base, ".warc") || ends_with(base, ".arc")) return InputFormat::kWarc;
  if (ends_with(base, ".jsonl") || ends_with(base, ".ndjson") || ends_with(base, ".json")) return InputFormat::kJsonLines;
  if (ends_with(base, ".html") || ends_with(base, ".htm") || ends_with(base, ".xhtml")) return InputFormat::kHtml;
  if (looks_binary(head)) return InputFormat::kUnknown;
  if (head.rfind("WARC/", 0) == 0) return InputFormat::kWarc;
  size_t start = head.find_first_not_of(" \t\r\n");
  if (start != std::string_view::npos && head[start] == '{') return InputFormat::kJsonLines;
  if (looks_html(head)) return InputFormat::kHtml;
  return InputFormat::kText;
}

std::vector<std::string> expand_paths(const std::vector<std::string>& paths, const ErrorSink& on_error) {
  std::vector<std::string> files;
  for (const std::string& path : paths) {
    if (path == "-") {
      files.push_back(path);
      continue;
    }
    std::error_code error;
    fs::file_status status = fs::status(path, error);
    if (error || !fs::exists(status)) {
      on_error({path, "", "no such file or folder"});
      continue;
    }
    if (fs::is_directory(status)) {
      std::vector<std::string> found;
      fs::recursive_directory_iterator it(path, fs::directory_options::skip_permission_denied, error), end;
      for (; !error && it != end; it.increment(error)) {
        std::string leaf = it->path().filename().string();
        if (!leaf.empty() && leaf[0] == '.') {
          if (it->is_directory()) it.disable_recursion_pending();
          continue;
        }
        if (it->is_regular_file()) {
          // Documentation beside the articles is not an article.
          if (leaf == "README.md" || leaf == "ANSWERS.md" || ends_with(leaf, ".md")) continue;
          // Nor is a database (the store itself, when it lives there).
          if (is_sqlite_file(it->path())) continue;
          found.push_back(it->path().string());
        }
      }
      if (error) on_error({path, "", "cannot list folder: " + error.message()});
      std::sort(found.begin(), found.end());
      files.insert(files.end(), found.begin(), found.end());
    } else {
      files.push_back(path);
    }
  }
  return files;
}

ReadSummary read_inputs(const std::vector<std::string>& paths, const ReadLimits& limits,
                        const DocumentSink& on_document, const ErrorSink& on_error) {
  ReadSummary summary;
  for (const std::string& input : expand_paths(paths, [&](const InputError& error) {
         ++summary.failed_inputs;
         on_error(error);
       })) {
    ++summary.inputs;
    auto source = open_file_source(input);
    if (!source) {
      on_error({input, "", source.status().message()});
      ++summary.failed_inputs;
      continue;
    }
    size_t errors = read_opened(input, std::move(*source), limits, on_document, on_error, summary.documents);
    if (errors > 0) ++summary.failed_inputs;
  }
  return summary;
}

size_t read_buffer(const std::string& name, std::string_view bytes, const ReadLimits& limits,
                   const DocumentSink& on_document, const ErrorSink& on_error) {
  size_t documents = 0;
  read_opened(name, memory_source(bytes), limits, on_document, on_error, documents);
  return documents;
}

}  // namespace storyline::ingest
