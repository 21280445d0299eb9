// Training side of the linear models: a multi-class averaged perceptron
// over sparse 64-bit feature keys. Weights are stored per feature only for
// the classes an update touched, with the running sum that averaging needs
// (w_avg = w - u / t, where u accumulates t * delta; Daumé's trick), so
// memory grows with the updates, not with features × classes.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "nlp/linear_model.h"

namespace storyline::nlp {

class PerceptronTrainer {
 public:
  explicit PerceptronTrainer(int classes);

  int classes() const { return classes_; }
  // scores[c] = current weight sum of the features for class c (scores has classes() values).
  void score(std::span<const uint64_t> features, float* scores) const;
  // Moves the truth's weights up and the guess's down by one (nothing when equal).
  void update(std::span<const uint64_t> features, int truth, int guess);
  // One example seen: averaging counts examples, not updates.
  void tick() { ++time_; }

  // The averaged weights, quantised to 16 bits; weights whose magnitude is
  // below `min_weight` (in averaged units) are dropped.
  LinearModel average(float min_weight) const;
  size_t features() const { return entries_.size(); }

 private:
  struct Entry {
    uint32_t label;
    float weight;
    double total;  // sum of time * delta
  };
  uint32_t find(uint64_t key) const;  // kMissing when absent
  uint32_t insert(uint64_t key);
  void grow();
  static constexpr uint32_t kMissing = 0xFFFFFFFFu;

  int classes_;
  uint64_t time_ = 1;
  std::vector<uint64_t> keys_;   // open addressing; 0 = empty
  std::vector<uint32_t> index_;  // slot → feature number
  std::vector<std::vector<Entry>> entries_;
};

// Fisher–Yates with a fixed generator (std::shuffle's algorithm is not
// specified by the standard, so it could differ between libraries).
void deterministic_shuffle(std::vector<size_t>& order, uint64_t seed);

}  // namespace storyline::nlp
