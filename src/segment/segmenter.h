// Paragraphs, sentences and tokens with ICU, as byte spans into the text.
// ICU's sentence rules (UAX #29) break after every period followed by a
// capital; news is full of periods that end no sentence ("Dmitry S. Peskov",
// "U.S. President", "Mr. Pezeshkian"), so candidate breaks after initials,
// dotted acronyms and listed abbreviations (data/abbreviations.txt) are
// removed.
#pragma once

#include <unicode/brkiter.h>

#include <memory>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "storyline/document.h"
#include "storyline/status.h"

namespace storyline::segment {

class Segmenter {
 public:
  static Result<Segmenter> create(const std::string& data_dir);
  ~Segmenter();
  Segmenter(Segmenter&&) noexcept;
  Segmenter& operator=(Segmenter&&) noexcept;
  // A copy has its own ICU iterators, for use on another thread.
  Segmenter(const Segmenter& other);

  // Fills article.paragraphs, .sentences and .tokens from article.text.
  void segment(Article& article);

  std::vector<Span> paragraphs(std::string_view text) const;
  std::vector<Span> sentences(std::string_view text);
  std::vector<Span> tokens(std::string_view text);

 private:
  Segmenter() = default;
  bool is_false_break(std::string_view text, uint32_t end) const;
  std::unique_ptr<icu::BreakIterator> sentence_breaks_;
  std::unique_ptr<icu::BreakIterator> word_breaks_;
  std::shared_ptr<const std::unordered_set<std::string>> abbreviations_;
};

}  // namespace storyline::segment
