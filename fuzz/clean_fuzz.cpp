// Fuzzes cleaning and segmentation of a plain-text document: UTF-8 repair,
// NFC, line classification, page splitting, dates in marks, ICU sentences
// and tokens. Every span must stay inside the text.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "clean/cleaner.h"
#include "core/data_files.h"
#include "segment/segmenter.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static storyline::clean::Cleaner cleaner = *storyline::clean::Cleaner::load(storyline::core::data_dir());
  static storyline::segment::Segmenter segmenter = *storyline::segment::Segmenter::create(storyline::core::data_dir());
  storyline::RawDocument document;
  document.origin = "fuzz";
  document.body.assign(reinterpret_cast<const char*>(data), size);
  auto articles = cleaner.clean(document);
  if (!articles) return 0;
  for (storyline::Article& article : *articles) {
    segmenter.segment(article);
    for (const auto* spans : {&article.paragraphs, &article.sentences, &article.tokens})
      for (const storyline::Span& span : *spans)
        if (span.begin > span.end || span.end > article.text.size()) std::abort();
  }
  return 0;
}
