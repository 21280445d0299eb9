// Words as Universal Dependencies English (EWT) cuts them, as byte spans
// into the text: clitics apart ("do|n't", "Iran|'s", "I|'m", "can|not",
// "gon|na"), hyphenated compounds apart ("Al|-|Zaman") except after the
// prefixes EWT keeps ("e-mail", "non-stop") and between digits
// ("713-853-3989"), abbreviations with their period ("Dr.", "U.S.", "a.m."),
// URLs and e-mail addresses whole, runs of the same punctuation whole
// ("...", "!!!", "--"), emoticons whole (":)").
//
// Every word is a substring of the text, so a word's span is its form: EWT's
// multiword tokens ("don't" = "do" + "n't") are always contiguous pieces.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "storyline/document.h"
#include "storyline/status.h"

namespace storyline::segment {

class Tokenizer {
 public:
  // `abbreviations`: lower-case words without their final period ("mr",
  // "e.g"), as in data/abbreviations.txt.
  explicit Tokenizer(std::shared_ptr<const std::unordered_set<std::string>> abbreviations);
  static Result<Tokenizer> create(const std::string& data_dir);

  // Appends the words of text[range) to `out`, in order, as spans into `text`.
  void tokenize(std::string_view text, Span range, std::vector<Span>& out) const;
  std::vector<Span> tokenize(std::string_view text) const;

 private:
  // `last_in_range`: nothing but spaces follows the chunk in the range.
  void split_chunk(std::string_view text, Span chunk, bool last_in_range, std::vector<Span>& out) const;
  void split_word(std::string_view text, Span word, std::vector<Span>& out) const;
  bool keeps_period(std::string_view word_with_period) const;
  bool listed_abbreviation(std::string_view stem) const;

  std::shared_ptr<const std::unordered_set<std::string>> abbreviations_;
};

}  // namespace storyline::segment
