// Fuzzes quote finding: the input is cleaned and segmented as the engine
// does, then direct quotes and reported speech are found. Every span (the
// words, the cue, the speaker) must lie inside the text.
#include <cstddef>
#include <cstdint>

#include "core/data_files.h"
#include "fuzz_support.h"
#include "quotes/quote_finder.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static storyline::quotes::QuoteFinder finder = *storyline::quotes::QuoteFinder::create(storyline::core::data_dir());
  for (const storyline::Article& article : storyline::fuzz::segmented_articles(data, size)) {
    for (const auto& quote : finder.find(article)) {
      storyline::fuzz::check_span(quote.text, article.text);
      storyline::fuzz::check_span(quote.cue, article.text);
      storyline::fuzz::check_span(quote.speaker_words, article.text);
    }
  }
  return 0;
}
