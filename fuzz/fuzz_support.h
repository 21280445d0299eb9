// Helpers shared by the fuzz targets: a per-process temporary file for the
// loaders that read a path, and one cleaned, segmented article per input
// (the form every analysing stage receives).
#pragma once

#include <unistd.h>

#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <string>
#include <vector>

#include "clean/cleaner.h"
#include "core/data_files.h"
#include "segment/segmenter.h"
#include "storyline/document.h"

namespace storyline::fuzz {

// Writes the input to a file of this process (overwritten on every input).
inline std::string write_input(const uint8_t* data, size_t size, const char* suffix) {
  static const std::string path = "/tmp/storyline-fuzz-" + std::to_string(getpid()) + suffix;
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
  return path;
}

// The input as the engine would see it: cleaned (UTF-8 repaired, NFC) and
// segmented into paragraphs, sentences and tokens.
inline std::vector<Article> segmented_articles(const uint8_t* data, size_t size) {
  static clean::Cleaner cleaner = *clean::Cleaner::load(core::data_dir());
  static segment::Segmenter segmenter = *segment::Segmenter::create(core::data_dir());
  RawDocument document;
  document.origin = "fuzz";
  document.body.assign(reinterpret_cast<const char*>(data), size);
  auto articles = cleaner.clean(document);
  if (!articles) return {};
  for (Article& article : *articles) segmenter.segment(article);
  return std::move(*articles);
}

inline void check_span(const Span& span, const std::string& text) {
  if (span.begin > span.end || span.end > text.size()) std::abort();
}

}  // namespace storyline::fuzz
