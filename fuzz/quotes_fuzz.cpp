// Fuzzes the date finder and the quote finder on a cleaned, segmented
// plain-text document: every span they return must stay inside the text and
// inside the range asked for.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "clean/cleaner.h"
#include "core/data_files.h"
#include "dates/time_expressions.h"
#include "quotes/quote_finder.h"
#include "segment/segmenter.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static storyline::clean::Cleaner cleaner = *storyline::clean::Cleaner::load(storyline::core::data_dir());
  static storyline::segment::Segmenter segmenter = *storyline::segment::Segmenter::create(storyline::core::data_dir());
  static storyline::quotes::QuoteFinder finder = *storyline::quotes::QuoteFinder::create(storyline::core::data_dir());
  storyline::RawDocument document;
  document.origin = "fuzz";
  document.body.assign(reinterpret_cast<const char*>(data), size);
  auto articles = cleaner.clean(document);
  if (!articles) return 0;
  auto inside = [](storyline::Span span, storyline::Span range) {
    return span.begin <= span.end && range.begin <= span.begin && span.end <= range.end;
  };
  for (storyline::Article& article : *articles) {
    segmenter.segment(article);
    storyline::Span all{0, static_cast<uint32_t>(article.text.size())};
    for (const storyline::Span& sentence : article.sentences)
      for (const auto& e : storyline::dates::find_time_expressions(article.text, sentence, "2025-01-17"))
        if (!inside(e.span, sentence)) std::abort();
    for (const auto& q : finder.find(article))
      if (!inside(q.text, all) || !inside(q.cue, all) || !inside(q.speaker_words, all)) std::abort();
  }
  return 0;
}
