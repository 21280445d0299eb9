// An article as the quote finder reads it: word tokens with the gaps
// between them (dates/date_tokens.h), its sentences and quoted stretches,
// and the capitalised name runs a speaker can be taken from when the
// entities stage gave no mention there.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "dates/date_tokens.h"
#include "quotes/quote_lexicon.h"
#include "quotes/quote_marks.h"
#include "storyline/document.h"

namespace storyline::quotes {

using Token = dates::DateToken;

// A run of capitalised words naming someone or something ("Prime Minister
// Ingrid Solheim-Vik" → name "Ingrid Solheim-Vik" once titles are dropped).
struct NameRun {
  size_t first = 0, end = 0;  // tokens, titles dropped
  bool possessive = false;    // "Chile’s": names an owner, not a speaker
  bool organisation = false;  // ends with an organisation word ("Institute")
  std::string roles;          // title and role words just before the name, lower case ("prime minister")
  bool speaks = false;        // right before or after a cue verb ("Lund said", "said Lund")
};

class TextView {
 public:
  TextView(const Article& article, const QuoteLexicon& lexicon);

  const Article& article() const { return article_; }
  std::string_view text() const { return article_.text; }
  const QuoteLexicon& lexicon() const { return lexicon_; }
  const std::vector<Token>& tokens() const { return tokens_; }
  const std::vector<QuotedStretch>& stretches() const { return stretches_; }
  size_t size() const { return tokens_.size(); }
  const Token& operator[](size_t k) const { return tokens_[k]; }

  // The first token that begins at or after byte `offset`.
  size_t token_at(uint32_t offset) const;
  // The tokens [first, end) of the sentence holding token k.
  std::pair<size_t, size_t> sentence_of(size_t k) const;
  // Whether token k lies inside quotation marks.
  bool in_quote(size_t k) const;
  // Whether token k starts a new clause (a comma, dash or sentence end before it).
  // The period of "Ms." or of an initial ("Dmitry S. Peskov") breaks nothing.
  bool clause_break_before(size_t k) const {
    if (k >= size() || !dates::ends_clause(tokens_[k].gap)) return false;
    bool abbreviation = k > 0 && (tokens_[k].gap == ". " || tokens_[k].gap == ".") &&
                        (lexicon_.is("honorific", tokens_[k - 1].lower) || tokens_[k - 1].lower.size() == 1);
    return !abbreviation;
  }
  bool is(std::string_view kind, size_t k) const { return k < size() && lexicon_.is(kind, tokens_[k].lower); }
  bool according_to(size_t k) const {
    return k + 1 < size() && tokens_[k].lower == "according" && tokens_[k + 1].lower == "to" &&
           dates::is_space_gap(tokens_[k + 1].gap);
  }

  Span span_of(size_t first, size_t end) const {
    return first < end ? Span{tokens_[first].span.begin, tokens_[end - 1].span.end} : Span{};
  }
  std::string words(size_t first, size_t end) const { return std::string(slice(text(), span_of(first, end))); }

  // Name runs inside tokens [first, end), in text order.
  std::vector<NameRun> name_runs(size_t first, size_t end) const;
  // The run that names the speaker of the phrase [first, end): the last one
  // that is neither an owner ("Chile’s") nor an organisation, else the last.
  const NameRun* speaker_run(const std::vector<NameRun>& runs) const;
  // The fullest form of a one-word name: the nearest longer run before
  // token `at` (else after it) ending with the same word ("Lund" → "Henrik Lund").
  std::string fullest_name(const NameRun& run, size_t at) const;
  // Runs that can stand for a person a pronoun refers to: two words or
  // more, or one word right before a cue verb; outside quotes.
  const std::vector<NameRun>& person_runs() const { return person_runs_; }
  // The run's last word, lower case ("solheim-vik" for "Ingrid Solheim-Vik").
  std::string last_word(const NameRun& run) const;

 private:
  bool capitalised_word(size_t k) const;
  const Article& article_;
  const QuoteLexicon& lexicon_;
  std::vector<Token> tokens_;
  std::vector<QuotedStretch> stretches_;
  std::vector<size_t> sentence_starts_;  // token index of each sentence's first token
  std::vector<NameRun> person_runs_;
  std::vector<NameRun> all_runs_;
};

}  // namespace storyline::quotes
