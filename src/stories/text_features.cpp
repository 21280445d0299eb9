#include "stories/text_features.h"

#include <algorithm>
#include <cctype>
#include <cstring>

#include "core/data_files.h"
#include "core/text_util.h"

namespace storyline::stories {

namespace {

// A 64-bit mixer (splitmix64 finaliser): one multiply-xorshift chain turns a
// shingle hash into the k independent-looking hashes MinHash needs.
inline uint64_t mix(uint64_t x) {
  x ^= x >> 30;
  x *= 0xbf58476d1ce4e5b9ULL;
  x ^= x >> 27;
  x *= 0x94d049bb133111ebULL;
  x ^= x >> 31;
  return x;
}

constexpr size_t kShingleWords = 5;

// The first column of a word list (data/stories/*.txt) as a set.
Result<std::shared_ptr<const std::unordered_set<std::string>>> load_word_set(const std::string& path) {
  auto rows = core::read_table(path);
  if (!rows) return rows.status();
  auto words = std::make_shared<std::unordered_set<std::string>>();
  for (const auto& row : *rows)
    if (!row.empty()) words->insert(row[0]);
  return std::shared_ptr<const std::unordered_set<std::string>>(std::move(words));
}

}  // namespace

Result<FeatureExtractor> FeatureExtractor::load(const std::string& data_dir) {
  FeatureExtractor extractor;
  sb_stemmer* stemmer = sb_stemmer_new("english", nullptr);
  if (!stemmer) return Status::internal("libstemmer: no English stemmer");
  extractor.stemmer_ = std::shared_ptr<sb_stemmer>(stemmer, StemmerDeleter());
  auto stopwords = load_word_set(data_dir + "/stories/stopwords.txt");
  if (!stopwords) return stopwords.status();
  extractor.stopwords_ = std::move(*stopwords);
  auto url_words = load_word_set(data_dir + "/stories/url_words.txt");
  if (!url_words) return url_words.status();
  extractor.url_words_ = std::move(*url_words);
  return extractor;
}

constexpr int kNameExtraWeight = 2;

// Splits `text` into lower-case words (letters and digits; other bytes of
// UTF-8 letters kept as they are), stems content words into `terms` (each
// `weight` times) and, when `words` is given, records every word's hash for
// shingling.
void FeatureExtractor::add_words(std::string_view text, int weight, std::vector<uint64_t>& terms,
                                 std::vector<uint64_t>* words, bool figures) {
  std::string word;
  // A capitalised word inside a sentence is a name ("Lohan", "Chile"): the
  // words that tell two events of one kind apart (two rehab stays, two
  // earthquakes), counted once more. A figure of two or more digits ("6.1",
  // "2008", "45") is specific too.
  bool capitalised = false, sentence_start = true, next_sentence_start = true;
  auto flush = [&] {
    if (word.empty()) return;
    if (words) words->push_back(core::hash64(word));
    bool has_letter = false;
    for (char c : word) has_letter |= std::isalpha(static_cast<unsigned char>(c)) || (c & 0x80);
    bool figure = figures && !has_letter && word.size() >= 2;
    int count = weight + ((capitalised && !sentence_start) ? kNameExtraWeight : 0);
    if (figure) {
      for (int i = 0; i < weight; ++i) terms.push_back(core::hash64("#" + word));
    } else if (has_letter && word.size() >= 2 && !stopwords_->count(word)) {
      const sb_symbol* stem = sb_stemmer_stem(stemmer_.get(), reinterpret_cast<const sb_symbol*>(word.data()),
                                              static_cast<int>(word.size()));
      int length = sb_stemmer_length(stemmer_.get());
      uint64_t term = stem ? core::hash64(std::string_view(reinterpret_cast<const char*>(stem), length))
                           : core::hash64(word);
      for (int i = 0; i < count; ++i) terms.push_back(term);
    }
    word.clear();
  };
  for (char c : text) {
    unsigned char u = static_cast<unsigned char>(c);
    if (std::isalnum(u) || (u & 0x80)) {
      if (word.empty()) {
        capitalised = std::isupper(u);
        sentence_start = next_sentence_start;
        next_sentence_start = false;
      }
      word.push_back(static_cast<char>(std::tolower(u)));
    } else if (c == '\'' && !word.empty()) {
      // "Russia's" → "russia": the possessive is not part of the name.
      flush();
    } else {
      flush();
      if (c == '.' || c == '!' || c == '?' || c == '\n' || c == '"') next_sentence_start = true;
    }
  }
  flush();
}

std::vector<uint64_t> FeatureExtractor::content_terms(std::string_view text) {
  std::vector<uint64_t> terms;
  // Without figures: sentences that share only their numbers are not
  // re-tellings of each other (a translation keeps every figure).
  add_words(text, 1, terms, nullptr, false);
  std::sort(terms.begin(), terms.end());
  terms.erase(std::unique(terms.begin(), terms.end()), terms.end());
  return terms;
}

// The words of a URL's path that name its subject: runs of three or more
// letters between separators, without digits (ids, dates, hashes) and
// without the words of site structure (url_words.txt). A slug is the
// headline again, often with the words a short headline left out
// ("solvik-ferry-pier-reopens-after-repairs" for "Pier reopens").
std::string FeatureExtractor::url_subject_words(std::string_view url) const {
  size_t scheme = url.find("://");
  size_t start = url.find('/', scheme == std::string_view::npos ? 0 : scheme + 3);
  if (start == std::string_view::npos) return {};
  std::string_view path = url.substr(start);
  path = path.substr(0, std::min(path.find('?'), path.find('#')));
  std::string words, token;
  bool digits = false;
  auto flush = [&] {
    if (token.size() >= 3 && !digits && !url_words_->count(token)) words += token, words += ' ';
    token.clear();
    digits = false;
  };
  for (char c : path) {
    unsigned char u = static_cast<unsigned char>(c);
    if (std::isalpha(u)) token.push_back(static_cast<char>(std::tolower(u)));
    else if (std::isdigit(u)) digits = true;
    else flush();
  }
  flush();
  return words;
}

ArticleFeatures FeatureExtractor::extract(const Article& article) {
  std::vector<uint64_t> terms, words;
  add_words(article.title, 2, terms, nullptr, true);
  add_words(article.text, 1, terms, &words, true);
  if (!article.url.empty()) add_words(url_subject_words(article.url), 1, terms, nullptr, false);
  ArticleFeatures features;
  std::sort(terms.begin(), terms.end());
  for (size_t i = 0; i < terms.size();) {
    size_t j = i;
    while (j < terms.size() && terms[j] == terms[i]) ++j;
    features.terms.push_back({terms[i], static_cast<uint32_t>(j - i)});
    i = j;
  }
  // MinHash over distinct word 5-shingles. Texts shorter than a shingle use
  // their words as the only shingle.
  features.signature.fill(UINT32_MAX);
  std::vector<uint64_t> shingles;
  if (words.size() < kShingleWords) {
    uint64_t h = 0;
    for (uint64_t w : words) h = mix(h ^ w);
    if (!words.empty()) shingles.push_back(h);
  } else {
    for (size_t i = 0; i + kShingleWords <= words.size(); ++i) {
      uint64_t h = 0;
      for (size_t k = 0; k < kShingleWords; ++k) h = mix(h + words[i + k]);
      shingles.push_back(h);
    }
  }
  std::sort(shingles.begin(), shingles.end());
  shingles.erase(std::unique(shingles.begin(), shingles.end()), shingles.end());
  features.shingle_count = static_cast<uint32_t>(shingles.size());
  for (uint64_t shingle : shingles)
    for (size_t k = 0; k < kSignatureSize; ++k) {
      uint32_t value = static_cast<uint32_t>(mix(shingle + 0x9e3779b97f4a7c15ULL * (k + 1)) >> 32);
      if (value < features.signature[k]) features.signature[k] = value;
    }
  return features;
}

double estimate_jaccard(const Signature& a, const Signature& b) {
  size_t same = 0;
  for (size_t k = 0; k < kSignatureSize; ++k) same += a[k] == b[k] && a[k] != UINT32_MAX;
  return static_cast<double>(same) / kSignatureSize;
}

std::string encode_features(const ArticleFeatures& features) {
  std::string out;
  uint32_t count = static_cast<uint32_t>(features.terms.size());
  out.append(reinterpret_cast<const char*>(&count), 4);
  out.append(reinterpret_cast<const char*>(&features.shingle_count), 4);
  out.append(reinterpret_cast<const char*>(features.signature.data()), kSignatureSize * 4);
  for (const TermCount& term : features.terms) {
    out.append(reinterpret_cast<const char*>(&term.term), 8);
    out.append(reinterpret_cast<const char*>(&term.count), 4);
  }
  return out;
}

Result<ArticleFeatures> decode_features(std::string_view bytes) {
  ArticleFeatures features;
  if (bytes.size() < 8 + kSignatureSize * 4) return Status::corrupt("stories: feature row too short");
  uint32_t count;
  std::memcpy(&count, bytes.data(), 4);
  std::memcpy(&features.shingle_count, bytes.data() + 4, 4);
  std::memcpy(features.signature.data(), bytes.data() + 8, kSignatureSize * 4);
  size_t offset = 8 + kSignatureSize * 4;
  if (bytes.size() != offset + static_cast<size_t>(count) * 12) return Status::corrupt("stories: feature row damaged");
  features.terms.resize(count);
  for (uint32_t i = 0; i < count; ++i, offset += 12) {
    std::memcpy(&features.terms[i].term, bytes.data() + offset, 8);
    std::memcpy(&features.terms[i].count, bytes.data() + offset + 8, 4);
  }
  return features;
}

}  // namespace storyline::stories
