#include "stories/sentence_alignment.h"

#include <algorithm>

namespace storyline::stories {

namespace {

constexpr size_t kMaxSentences = 300;     // bounds the comparison on huge articles
constexpr size_t kMinTerms = 4;           // headings and fragments do not count
constexpr double kMatch = 0.30;           // Dice coefficient of a sentence pair

struct SentenceTerms {
  Span span;
  std::vector<uint64_t> terms;  // sorted, distinct
};

std::vector<SentenceTerms> sentence_terms(const Article& article, FeatureExtractor& extractor) {
  std::vector<SentenceTerms> out;
  for (const Span& span : article.sentences) {
    if (out.size() >= kMaxSentences) break;
    auto terms = extractor.content_terms(slice(article.text, span));
    if (terms.size() >= kMinTerms) out.push_back({span, std::move(terms)});
  }
  return out;
}

double dice(const std::vector<uint64_t>& a, const std::vector<uint64_t>& b) {
  size_t shared = 0, i = 0, j = 0;
  while (i < a.size() && j < b.size()) {
    if (a[i] < b[j]) ++i;
    else if (a[i] > b[j]) ++j;
    else ++shared, ++i, ++j;
  }
  return 2.0 * shared / (a.size() + b.size());
}

// Length of the longest increasing subsequence: pairs whose order agrees.
size_t longest_increasing(const std::vector<size_t>& values) {
  std::vector<size_t> tails;
  for (size_t v : values) {
    auto it = std::lower_bound(tails.begin(), tails.end(), v);
    if (it == tails.end()) tails.push_back(v);
    else *it = v;
  }
  return tails.size();
}

}  // namespace

Alignment align_sentences(const Article& first, const Article& second, FeatureExtractor& extractor) {
  std::vector<SentenceTerms> a = sentence_terms(first, extractor), b = sentence_terms(second, extractor);
  Alignment alignment;
  if (a.empty() || b.empty()) return alignment;
  struct Candidate {
    double similarity;
    size_t i, j;
  };
  std::vector<Candidate> candidates;
  for (size_t i = 0; i < a.size(); ++i)
    for (size_t j = 0; j < b.size(); ++j) {
      double similarity = dice(a[i].terms, b[j].terms);
      if (similarity >= kMatch) candidates.push_back({similarity, i, j});
    }
  // Best pairs first, each sentence used once.
  std::sort(candidates.begin(), candidates.end(), [](const Candidate& x, const Candidate& y) {
    return x.similarity != y.similarity ? x.similarity > y.similarity : x.i < y.i;
  });
  std::vector<bool> used_a(a.size()), used_b(b.size());
  std::vector<Candidate> chosen;
  for (const Candidate& c : candidates) {
    if (used_a[c.i] || used_b[c.j]) continue;
    used_a[c.i] = used_b[c.j] = true;
    chosen.push_back(c);
  }
  std::sort(chosen.begin(), chosen.end(), [](const Candidate& x, const Candidate& y) { return x.i < y.i; });
  std::vector<size_t> order;
  double total = 0;
  for (const Candidate& c : chosen) {
    alignment.pairs.push_back({a[c.i].span, b[c.j].span, c.similarity});
    order.push_back(c.j);
    total += c.similarity;
  }
  if (!chosen.empty()) {
    alignment.similarity = total / chosen.size();
    alignment.in_order = static_cast<double>(longest_increasing(order)) / chosen.size();
  }
  alignment.coverage = static_cast<double>(chosen.size()) / std::min(a.size(), b.size());
  return alignment;
}

// Two reports of one event share a few facts (three or four sentences that
// match); a rewrite carries over most of its source, sentence after sentence.
// Short articles therefore need a high share of matched sentences and long
// ones at least five matches.
bool is_rewrite(const Alignment& alignment) {
  return alignment.pairs.size() >= 5 && alignment.coverage >= 0.4 && alignment.in_order >= 0.6;
}

}  // namespace storyline::stories
