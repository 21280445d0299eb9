// Direct quotes and reported speech in one article, each with its speaker,
// cue and chain of attribution.
//
// Direct quotes are stretches between quotation marks (quote_marks.h) that
// are whole statements (they end with their own punctuation, or fill their
// sentence) or that a cue introduces: attributed after the text ("…,” he
// said / "…,” said X), before it (X said: “…”), or, for a quote with no cue
// of its own, by the attribution just before it in the same or the previous
// paragraph (a quote continued in the next sentence or paragraph).
// Reported speech is a cue verb with its speaker and the reported words
// ("X said (that) …", "…, X said", "according to X, …").
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "quotes/quote_lexicon.h"
#include "storyline/document.h"

namespace storyline::quotes {

struct FoundQuote {
  Span text;                // the quoted or reported words
  Span cue;                 // the cue in the text (empty for a continued quote: it shares its cue)
  std::string cue_word;     // "said", "told", "according to"
  Span speaker_words;       // where the speaker is named or referred to ("he"); may be empty
  std::string speaker;      // the speaker's name, empty when unknown
  int64_t entity_id = 0;    // the speaker's entity, 0 when none
  bool direct = true;
  std::vector<std::string> via;
};

class QuoteFinder {
 public:
  static Result<QuoteFinder> create(const std::string& data_dir);
  explicit QuoteFinder(QuoteLexicon lexicon) : lexicon_(std::make_shared<QuoteLexicon>(std::move(lexicon))) {}
  // Quotes in text order. The article must be segmented (paragraphs, sentences).
  std::vector<FoundQuote> find(const Article& article) const;

 private:
  std::shared_ptr<const QuoteLexicon> lexicon_;
};

}  // namespace storyline::quotes
