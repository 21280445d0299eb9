// Reading inputs: files, folders (recursively), "-" for standard input, in
// plain text, HTML, JSON Lines and WARC (.warc, .warc.gz). Each record found
// becomes a RawDocument; each problem becomes an InputError naming the input
// and the place, and reading goes on with the next record or input.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include "storyline/document.h"

namespace storyline::ingest {

struct InputError {
  std::string input;    // the path or "-"
  std::string place;    // "line 12", "record 3 (byte 40960)", "" for the whole input
  std::string message;
  std::string to_string() const;
};

struct ReadLimits {
  size_t max_file_bytes = 32u << 20;    // a text/HTML file over this is skipped with an error
  size_t max_record_bytes = 32u << 20;  // a WARC record or JSON line over this is skipped
};

enum class InputFormat { kUnknown, kText, kHtml, kJsonLines, kWarc };

// Guesses the format from the name, then from the first bytes.
InputFormat detect_format(const std::string& name, std::string_view head);

using DocumentSink = std::function<void(RawDocument&&)>;
using ErrorSink = std::function<void(const InputError&)>;

struct ReadSummary {
  size_t inputs = 0;         // files (and stdin) opened
  size_t documents = 0;      // records handed to the sink
  size_t failed_inputs = 0;  // inputs with at least one error
  size_t bytes = 0;
};

// Lists the files under `paths` (folders recursively, sorted, hidden files
// skipped); a missing path is reported to `on_error`.
std::vector<std::string> expand_paths(const std::vector<std::string>& paths, const ErrorSink& on_error);

ReadSummary read_inputs(const std::vector<std::string>& paths, const ReadLimits& limits,
                        const DocumentSink& on_document, const ErrorSink& on_error);

// One input, already in memory (used for stdin, tests and fuzzing).
// `name` decides the format like a file name would.
size_t read_buffer(const std::string& name, std::string_view bytes, const ReadLimits& limits,
                   const DocumentSink& on_document, const ErrorSink& on_error);

}  // namespace storyline::ingest
