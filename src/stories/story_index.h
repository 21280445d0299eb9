// The in-memory indexes of the stories stage, fed in arrival order:
//  - copies: MinHash signatures in an LSH index (32 bands of 2 rows), so an
//    article is compared only with articles that share a band;
//  - stories: an inverted index from stemmed terms to recent articles, so an
//    article is compared only with articles that share its strongest terms.
// Both are bounded: buckets and postings keep their most recent entries, and
// articles older than the time window leave the story index, so the cost per
// article stays flat as the store grows.
#pragma once

#include <cstdint>
#include <unordered_map>
#include <vector>

#include "stories/text_features.h"

namespace storyline::stories {

struct StoryIndexOptions {
  double join_threshold = 0.15;      // similarity to a story (article and centroid) to join it
  // An article without a date is unknown in time: the window cannot tell
  // two events of one kind apart, so it joins on stronger content evidence.
  double undated_join_threshold = 0.30;
  double merge_threshold = 0.50;     // to a second story as well: the two merge
  double duplicate_jaccard = 0.60;   // estimated shingle Jaccard of a copy
  double containment = 0.80;         // share of the smaller article inside the larger
  int window_days = 7;               // stories take articles within this many days
  size_t query_terms = 40;           // strongest terms used to find candidates
  size_t posting_cap = 1000;         // most recent articles kept per term
  size_t bucket_cap = 64;            // most recent articles kept per LSH bucket
  size_t candidates = 30;            // articles scored in full
  // How much a story's centroid counts against its single most similar
  // article: single links chain unrelated stories together; centroids keep
  // a story about one thing.
  double centroid_weight = 0.8;
  size_t centroid_terms = 200;       // strongest terms kept per story centroid
};

struct SimilarArticle {
  int64_t row;
  double score;
};

struct Placement {
  int64_t story = 0;
  bool new_story = false;
  double score = 0;                        // similarity that decided it (0 for a new story)
  std::vector<int64_t> merged_stories;     // stories merged into `story` by this article
  std::vector<SimilarArticle> duplicates;  // estimated Jaccard ≥ duplicate threshold
  std::vector<SimilarArticle> contained;   // articles this one contains whole
  std::vector<SimilarArticle> containers;  // articles that contain this one whole
  std::vector<SimilarArticle> similar;     // most similar articles by content (rewrite candidates)
};

class StoryIndex {
 public:
  explicit StoryIndex(StoryIndexOptions options = {}) : options_(options) {}

  // Places a new article; `day` is days since 1970-01-01, or a negative
  // number when the article has no date (it then takes the latest day seen).
  Placement add(int64_t row, int64_t day, const ArticleFeatures& features);

  // Re-adds a stored article with its known story, without placing it
  // (rebuilding the index when the store is opened).
  void restore(int64_t row, int64_t day, const ArticleFeatures& features, int64_t story);
  void set_next_story(int64_t next) { next_story_ = std::max(next_story_, next); }

  // The story an old story id now belongs to (after merges).
  int64_t resolve(int64_t story) const;
  size_t size() const { return articles_.size(); }
  size_t memory_bytes() const;

 private:
  struct Entry {
    int64_t row;
    int64_t day;
    int64_t story;
    float norm;
    uint32_t shingles;
    Signature signature;
    std::vector<TermCount> terms;
  };
  struct Posting {
    uint32_t entry;
    uint32_t count;
  };
  double idf(uint64_t term) const;
  float norm_of(const std::vector<TermCount>& terms) const;
  double cosine(const std::vector<TermCount>& a, float norm_a, const Entry& b) const;
  void insert(Entry entry);
  void compact();

  StoryIndexOptions options_;
  std::vector<Entry> articles_;  // entries that left the window have empty terms
  std::unordered_map<uint64_t, std::vector<Posting>> postings_;
  std::unordered_map<uint64_t, std::vector<uint32_t>> buckets_;
  std::unordered_map<uint64_t, uint32_t> document_frequency_;
  // Sum of the unit-length term vectors of a story's articles, pruned to its
  // strongest terms; `count` articles.
  struct Centroid {
    std::unordered_map<uint64_t, float> weights;
    uint32_t count = 0;
    double norm() const;
  };
  void add_to_centroid(int64_t story, const std::vector<TermCount>& terms, float norm);
  double centroid_cosine(int64_t story, const std::vector<TermCount>& terms, float norm) const;
  std::unordered_map<int64_t, Centroid> centroids_;
  mutable std::unordered_map<int64_t, int64_t> merged_into_;  // path-compressed by resolve()
  std::unordered_map<int64_t, uint32_t> entry_of_row_;
  std::vector<float> accumulator_;   // candidate scores by entry, reused across calls
  std::vector<uint32_t> touched_;    // entries with a non-zero accumulator
  uint64_t documents_ = 0;
  int64_t latest_day_ = -1;
  int64_t next_story_ = 1;
  size_t added_since_compaction_ = 0;
};

}  // namespace storyline::stories
