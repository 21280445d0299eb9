// The quote finder's working state for one article (quote_finder.h is the
// interface): direct quotes and their attributions are found in
// quote_finder.cpp, reported speech in reported_speech.cpp.
#pragma once

#include <algorithm>
#include <optional>
#include <string_view>
#include <utility>
#include <vector>

#include "quotes/quote_finder.h"
#include "quotes/text_view.h"

namespace storyline::quotes::detail {

using dates::is_space_gap;

constexpr size_t kLongestSpeaker = 16;     // tokens of a subject before a cue
constexpr size_t kLongestApposition = 14;  // tokens of "the director of …" between commas
constexpr size_t kShortestContent = 3;     // tokens of reported words

// Where an attribution is: token ranges [first, end).
struct Attribution {
  size_t cue_first = 0, cue_end = 0;
  size_t speaker_first = 0, speaker_end = 0;
  size_t tail_first = 0, tail_end = 0;  // where outlets and cited sources may follow
};

inline bool only_chars(std::string_view text, std::string_view allowed) {
  return text.find_first_not_of(allowed) == std::string_view::npos;
}

class Finder {
 public:
  Finder(const Article& article, const QuoteLexicon& lexicon)
      : article_(article), view_(article, lexicon), used_(view_.size(), false) {}

  std::vector<FoundQuote> run();

 private:
  // The quoted words without the comma or period that belongs to the attribution.
  Span trimmed(Span span) const {
    std::string_view text = view_.text();
    while (span.end > span.begin && std::string_view(" \t\n,.;:").find(text[span.end - 1]) != std::string_view::npos)
      --span.end;
    while (span.begin < span.end && std::string_view(" \t\n").find(text[span.begin]) != std::string_view::npos)
      ++span.begin;
    return span;
  }

  // A statement in its own right ("…,” he said; “….”), not a phrase held up
  // for inspection (calling it “an invention”).
  bool whole_statement(const QuotedStretch& stretch) const;

  // ", while X told …", ", but Y said …": another attribution starts at k.
  bool new_attribution(size_t k) const;
  // The first token at or after `k` that starts a clause; size() when none.
  // Computed once per article: a scan to the next break, repeated for every
  // cue of a long sentence, would be quadratic.
  size_t next_break(size_t k) const;
  // The first token at or after `k` that starts a clause attributing words
  // anew ("…, according to X", "…, adding that …"); size() when none.
  size_t next_content_stop(size_t k) const;

  // A cue verb in lower case ("States" in "United States" is a name).
  bool is_cue(size_t k) const { return !view_[k].capitalized && view_.lexicon().cue(view_[k].lower) != nullptr; }

  size_t words_in(Span span) const { return view_.token_at(span.end) - view_.token_at(span.begin); }

  size_t paragraph_of(uint32_t offset) const {
    const auto& paragraphs = article_.paragraphs;
    auto it = std::upper_bound(paragraphs.begin(), paragraphs.end(), offset,
                               [](uint32_t value, const Span& p) { return value < p.begin; });
    return it == paragraphs.begin() ? 0 : static_cast<size_t>(it - paragraphs.begin() - 1);
  }

  void add(Span text, const Attribution& a, bool direct);

  // The subject before the cue at `cue`: tokens [first, end), empty when a
  // comma comes first. `blocked` when a relative word opens it ("which
  // officials say"): then it is no attribution.
  std::pair<size_t, size_t> subject_before(size_t cue, size_t sentence_first, bool& blocked) const;

  // Where the chunk that ends at `end` starts (a comma or dash before it).
  size_t chunk_start(size_t end, size_t sentence_first) const;

  // “…,” he said / “…,” said Arancibia / “…,” according to X.
  std::optional<Attribution> after_quote(const QuotedStretch& stretch) const;

  // X said: “…” / X told reporters: “…”
  std::optional<Attribution> before_quote(const QuotedStretch& stretch) const;

  // The reported words after a cue: after "that" when it comes soon, else
  // right after the verb. [first, end), empty when none.
  std::pair<size_t, size_t> content_after(size_t cue, size_t sentence_end, CueObject object) const;

  void reported_at_cue(size_t cue);

  // ", according to X" after reported words: a link of the last quote's chain.
  void add_trailing_via(size_t from, size_t to);

  // A transcript's or headline's speaker label: "PENCE: Well, …", "Ana
  // Ruiz: We will rebuild": a name (in capitals, or of two or three words)
  // opening the paragraph, then a colon; the rest of the paragraph is theirs.
  void speaker_label(Span paragraph);

  // "…, adding that …": the words of the sentence's speaker, who is the
  // speaker of an attribution earlier in the sentence, else the subject
  // that opens it.
  void participle(size_t cue, size_t sentence_first, size_t sentence_end, const CueVerb& verb);

  // The words after the cue at `cue`, said by the speaker of an attribution
  // earlier in the sentence. False when there is none.
  bool same_speaker(size_t cue, size_t sentence_first, size_t sentence_end, const CueVerb& verb);

  // Quotes found twice (a phrase in quotation marks inside reported words
  // that were found too) are kept once, as the longer.
  void drop_contained();

  // "According to X, …" / "…, according to X."
  void reported_according_to(size_t k);

  // A quote with no cue of its own continues the attribution just before it
  // in the same paragraph, or in the previous one when it opens its own.
  void continue_quote(const QuotedStretch& stretch);

  const Article& article_;
  TextView view_;
  std::vector<bool> used_;  // cue tokens already part of an attribution
  mutable std::vector<size_t> next_break_, next_stop_;  // see next_break and next_content_stop
  std::vector<FoundQuote> quotes_;
};

}  // namespace storyline::quotes::detail
