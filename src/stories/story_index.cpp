#include "stories/story_index.h"

#include <algorithm>
#include <cmath>
#include <unordered_set>

namespace storyline::stories {

namespace {

constexpr size_t kBands = 32;
constexpr size_t kRows = kSignatureSize / kBands;

uint64_t band_key(const Signature& signature, size_t band) {
  uint64_t key = 0x9e3779b97f4a7c15ULL * (band + 1);
  for (size_t r = 0; r < kRows; ++r) key = (key ^ signature[band * kRows + r]) * 0x100000001b3ULL;
  return key;
}

// Sublinear term frequency, 1 + ln(count), from a table for common counts.
double log_tf(uint32_t count) {
  static const std::vector<double> table = [] {
    std::vector<double> values(64);
    for (size_t c = 1; c < values.size(); ++c) values[c] = 1.0 + std::log(static_cast<double>(c));
    return values;
  }();
  return count < table.size() ? table[count] : 1.0 + std::log(static_cast<double>(count));
}

double weight(uint32_t count, double idf) { return log_tf(count) * idf; }

}  // namespace

double StoryIndex::idf(uint64_t term) const {
  auto it = document_frequency_.find(term);
  double df = it == document_frequency_.end() ? 0 : it->second;
  return std::log((documents_ + 1.0) / (df + 1.0)) + 1.0;
}

float StoryIndex::norm_of(const std::vector<TermCount>& terms) const {
  double sum = 0;
  for (const TermCount& t : terms) {
    double w = weight(t.count, idf(t.term));
    sum += w * w;
  }
  return static_cast<float>(std::sqrt(sum));
}

double StoryIndex::cosine(const std::vector<TermCount>& a, float norm_a, const Entry& b) const {
  if (norm_a <= 0 || b.norm <= 0) return 0;
  double dot = 0;
  size_t i = 0, j = 0;
  while (i < a.size() && j < b.terms.size()) {
    if (a[i].term < b.terms[j].term) ++i;
    else if (a[i].term > b.terms[j].term) ++j;
    else {
      double w = idf(a[i].term);
      dot += weight(a[i].count, w) * weight(b.terms[j].count, w);
      ++i, ++j;
    }
  }
  return dot / (norm_a * b.norm);
}

double StoryIndex::Centroid::norm() const {
  double sum = 0;
  for (const auto& [term, w] : weights) sum += static_cast<double>(w) * w;
  return std::sqrt(sum);
}

void StoryIndex::add_to_centroid(int64_t story, const std::vector<TermCount>& terms, float norm) {
  if (norm <= 0) return;
  Centroid& centroid = centroids_[story];
  ++centroid.count;
  for (const TermCount& t : terms) centroid.weights[t.term] += static_cast<float>(weight(t.count, idf(t.term)) / norm);
  if (centroid.weights.size() > options_.centroid_terms * 2) {
    std::vector<std::pair<float, uint64_t>> ranked;
    for (const auto& [term, w] : centroid.weights) ranked.push_back({w, term});
    std::nth_element(ranked.begin(), ranked.begin() + options_.centroid_terms, ranked.end(), std::greater<>());
    ranked.resize(options_.centroid_terms);
    centroid.weights.clear();
    for (const auto& [w, term] : ranked) centroid.weights[term] = w;
  }
}

double StoryIndex::centroid_cosine(int64_t story, const std::vector<TermCount>& terms, float norm) const {
  auto it = centroids_.find(story);
  if (it == centroids_.end() || norm <= 0) return 0;
  double dot = 0;
  for (const TermCount& t : terms) {
    auto w = it->second.weights.find(t.term);
    if (w != it->second.weights.end()) dot += weight(t.count, idf(t.term)) * w->second;
  }
  double centroid_norm = it->second.norm();
  return centroid_norm > 0 ? dot / (norm * centroid_norm) : 0;
}

int64_t StoryIndex::resolve(int64_t story) const {
  int64_t root = story;
  for (auto it = merged_into_.find(root); it != merged_into_.end(); it = merged_into_.find(root)) root = it->second;
  // Path compression: later lookups of any story on the chain take one step.
  while (story != root) {
    auto it = merged_into_.find(story);
    int64_t next = it->second;
    it->second = root;
    story = next;
  }
  return root;
}

void StoryIndex::insert(Entry entry) {
  uint32_t index = static_cast<uint32_t>(articles_.size());
  for (const TermCount& t : entry.terms) {
    auto& list = postings_[t.term];
    list.push_back({index, t.count});
    // Keep the most recent postings only: old articles of a common term are
    // outside the window anyway, and the scan stays bounded.
    if (list.size() > options_.posting_cap * 2) list.erase(list.begin(), list.end() - options_.posting_cap);
  }
  for (size_t band = 0; band < kBands; ++band) {
    auto& bucket = buckets_[band_key(entry.signature, band)];
    bucket.push_back(index);
    if (bucket.size() > options_.bucket_cap * 2) bucket.erase(bucket.begin(), bucket.end() - options_.bucket_cap);
  }
  entry_of_row_[entry.row] = index;
  articles_.push_back(std::move(entry));
  if (++added_since_compaction_ >= 20000) compact();
}

// Drops articles that left the window from the story index: their terms and
// postings go, their signatures stay for copy detection until buckets roll.
void StoryIndex::compact() {
  added_since_compaction_ = 0;
  int64_t oldest = latest_day_ - options_.window_days;
  for (auto& [term, list] : postings_)
    list.erase(std::remove_if(list.begin(), list.end(),
                              [&](const Posting& p) { return articles_[p.entry].day >= 0 && articles_[p.entry].day < oldest; }),
               list.end());
  for (auto& entry : articles_)
    if (entry.day >= 0 && entry.day < oldest && !entry.terms.empty()) {
      entry.terms.clear();
      entry.terms.shrink_to_fit();
    }
  for (auto it = postings_.begin(); it != postings_.end();)
    it = it->second.empty() ? postings_.erase(it) : std::next(it);
}

void StoryIndex::restore(int64_t row, int64_t day, const ArticleFeatures& features, int64_t story) {
  if (day < 0) day = latest_day_;
  latest_day_ = std::max(latest_day_, day);
  ++documents_;
  for (const TermCount& t : features.terms) ++document_frequency_[t.term];
  next_story_ = std::max(next_story_, story + 1);
  float norm = norm_of(features.terms);
  add_to_centroid(resolve(story), features.terms, norm);
  Entry entry{row, day, story, norm, features.shingle_count, features.signature, features.terms};
  insert(std::move(entry));
}

Placement StoryIndex::add(int64_t row, int64_t day, const ArticleFeatures& features) {
  const bool undated = day < 0;
  if (undated) day = latest_day_;
  latest_day_ = std::max(latest_day_, day);
  ++documents_;
  for (const TermCount& t : features.terms) ++document_frequency_[t.term];
  float norm = norm_of(features.terms);
  Placement placement;

  // Copies: articles sharing an LSH band, checked on the signature.
  std::unordered_set<uint32_t> seen;
  for (size_t band = 0; band < kBands; ++band) {
    auto it = buckets_.find(band_key(features.signature, band));
    if (it == buckets_.end()) continue;
    for (uint32_t candidate : it->second) {
      if (!seen.insert(candidate).second) continue;
      const Entry& other = articles_[candidate];
      double jaccard = estimate_jaccard(features.signature, other.signature);
      if (jaccard >= options_.duplicate_jaccard) {
        placement.duplicates.push_back({other.row, jaccard});
        continue;
      }
      // |A ∩ B| from the Jaccard estimate and the set sizes.
      double a = features.shingle_count, b = other.shingles;
      double shared = jaccard * (a + b) / (1 + jaccard);
      if (a >= 1.5 * b && b >= 20 && shared / b >= options_.containment) placement.contained.push_back({other.row, shared / b});
      if (b >= 1.5 * a && a >= 20 && shared / a >= options_.containment) placement.containers.push_back({other.row, shared / a});
    }
  }

  // Story candidates: recent articles sharing the strongest terms. Postings
  // are in arrival order, which is close to time order in a stream: they are
  // read newest first and the scan stops a day past the window.
  struct QueryTerm {
    double weight;
    double idf;
    uint64_t term;
  };
  std::vector<QueryTerm> strongest;
  for (const TermCount& t : features.terms) {
    double term_idf = idf(t.term);
    strongest.push_back({weight(t.count, term_idf), term_idf, t.term});
  }
  size_t keep = std::min(options_.query_terms, strongest.size());
  std::partial_sort(strongest.begin(), strongest.begin() + keep, strongest.end(),
                    [](const QueryTerm& x, const QueryTerm& y) { return x.weight > y.weight; });
  if (accumulator_.size() < articles_.size()) accumulator_.resize(articles_.size() * 2 + 16, 0.0f);
  touched_.clear();
  int64_t oldest = day - options_.window_days, newest = day + options_.window_days;
  for (size_t k = 0; k < keep; ++k) {
    auto it = postings_.find(strongest[k].term);
    if (it == postings_.end()) continue;
    const auto& list = it->second;
    size_t scanned = 0;
    for (size_t p = list.size(); p-- > 0 && scanned < options_.posting_cap; ++scanned) {
      const Entry& other = articles_[list[p].entry];
      if (other.day >= 0 && other.day < oldest - 1) break;
      if (other.day >= 0 && (other.day < oldest || other.day > newest)) continue;
      float& score = accumulator_[list[p].entry];
      if (score == 0.0f) touched_.push_back(list[p].entry);
      score += static_cast<float>(strongest[k].weight * weight(list[p].count, strongest[k].idf));
    }
  }
  std::vector<std::pair<double, uint32_t>> ranked;
  ranked.reserve(touched_.size());
  for (uint32_t entry : touched_) {
    ranked.push_back({accumulator_[entry], entry});
    accumulator_[entry] = 0.0f;
  }
  size_t full = std::min(options_.candidates, ranked.size());
  std::partial_sort(ranked.begin(), ranked.begin() + full, ranked.end(), std::greater<>());
  std::unordered_map<int64_t, double> story_score;
  for (size_t k = 0; k < full; ++k) {
    const Entry& other = articles_[ranked[k].second];
    double score = cosine(features.terms, norm, other);
    placement.similar.push_back({other.row, score});
    int64_t story = resolve(other.story);
    story_score[story] = std::max(story_score[story], score);
  }
  // A copy belongs to its original's story whatever the term scores say.
  for (const SimilarArticle& copy : placement.duplicates) {
    auto it = entry_of_row_.find(copy.row);
    if (it == entry_of_row_.end()) continue;
    int64_t story = resolve(articles_[it->second].story);
    story_score[story] = std::max(story_score[story], 1.0);
  }
  std::sort(placement.similar.begin(), placement.similar.end(),
            [](const SimilarArticle& a, const SimilarArticle& b) { return a.score > b.score; });
  for (auto& [story, score] : story_score)
    if (score < 1.0)
      score = (1 - options_.centroid_weight) * score +
              options_.centroid_weight * centroid_cosine(story, features.terms, norm);

  int64_t best = 0;
  double best_score = 0;
  for (auto& [story, score] : story_score)
    if (score > best_score || (score == best_score && story < best)) best = story, best_score = score;
  if (best_score >= (undated ? options_.undated_join_threshold : options_.join_threshold)) {
    placement.story = best;
    placement.score = best_score;
    // Stories the article ties together strongly merge into the best one.
    std::vector<int64_t> others;
    for (auto& [story, score] : story_score)
      if (story != best && score >= options_.merge_threshold) others.push_back(story);
    std::sort(others.begin(), others.end());
    for (int64_t story : others) {
      merged_into_[story] = best;
      placement.merged_stories.push_back(story);
      auto from = centroids_.find(story);
      if (from != centroids_.end()) {
        Centroid& into = centroids_[best];
        for (const auto& [term, w] : from->second.weights) into.weights[term] += w;
        into.count += from->second.count;
        centroids_.erase(story);
      }
    }
  } else {
    placement.story = next_story_++;
    placement.new_story = true;
  }
  add_to_centroid(placement.story, features.terms, norm);
  Entry entry{row, day, placement.story, norm, features.shingle_count, features.signature, features.terms};
  insert(std::move(entry));
  return placement;
}

size_t StoryIndex::memory_bytes() const {
  size_t bytes = articles_.capacity() * sizeof(Entry);
  for (const Entry& entry : articles_) bytes += entry.terms.capacity() * sizeof(TermCount);
  for (const auto& [term, list] : postings_) bytes += 48 + list.capacity() * sizeof(Posting);
  for (const auto& [key, bucket] : buckets_) bytes += 48 + bucket.capacity() * sizeof(uint32_t);
  bytes += document_frequency_.size() * 32 + entry_of_row_.size() * 32;
  return bytes;
}

}  // namespace storyline::stories
