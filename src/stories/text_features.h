// What the stories stage compares: stemmed content-word counts (for story
// and rewrite similarity) and a MinHash signature of word 5-shingles (for
// copies). Both are computed once per article and stored compactly, so the
// in-memory indexes can be rebuilt from the store without re-reading text.
#pragma once

#include <libstemmer.h>

#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "storyline/document.h"
#include "storyline/status.h"

namespace storyline::stories {

constexpr size_t kSignatureSize = 64;
using Signature = std::array<uint32_t, kSignatureSize>;

struct TermCount {
  uint64_t term;  // hash of the stem
  uint32_t count;
};

struct ArticleFeatures {
  std::vector<TermCount> terms;  // sorted by term
  Signature signature{};
  uint32_t shingle_count = 0;    // distinct shingles (for containment estimates)
};

class FeatureExtractor {
 public:
  static Result<FeatureExtractor> load(const std::string& data_dir);

  // Terms from the headline (counted twice: it names the story), the text
  // and the subject words of the URL's path (once); a name inside a sentence
  // counts more, and figures count (see add_words).
  ArticleFeatures extract(const Article& article);
  std::string url_subject_words(std::string_view url) const;
  // Stemmed content-word hashes of one span of text (sentences, for rewrite
  // alignment).
  std::vector<uint64_t> content_terms(std::string_view text);

 private:
  struct StemmerDeleter {
    void operator()(sb_stemmer* stemmer) const { sb_stemmer_delete(stemmer); }
  };
  // `figures`: numbers of two or more digits count as terms ("#45").
  void add_words(std::string_view text, int weight, std::vector<uint64_t>& terms, std::vector<uint64_t>* words,
                 bool figures);
  std::shared_ptr<sb_stemmer> stemmer_;
  std::shared_ptr<const std::unordered_set<std::string>> stopwords_;
  std::shared_ptr<const std::unordered_set<std::string>> url_words_;
};

// Jaccard similarity estimated from two signatures.
double estimate_jaccard(const Signature& a, const Signature& b);

std::string encode_features(const ArticleFeatures& features);
Result<ArticleFeatures> decode_features(std::string_view bytes);

}  // namespace storyline::stories
