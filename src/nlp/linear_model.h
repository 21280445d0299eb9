// The weights of a trained linear classifier, for use: for each feature key
// seen in training, the classes it votes for and by how much (16-bit
// integers: an averaged perceptron's weights quantised with one scale).
// Only non-zero weights are kept, so a feature costs what it votes for.
//
// Layout, chosen for speed: an open-addressing table of 8-byte slots (the
// key's high 32 bits as a check, the offset of its weights), half full at
// most, and one array of weights where each feature's run starts with its
// count. Scoring a set of features first prefetches every slot, then every
// run of weights, then adds: the memory misses overlap instead of queueing.
#pragma once

#include <cstdint>
#include <vector>

#include "nlp/model_io.h"

namespace storyline::nlp {

class LinearModel {
 public:
  struct Weight {
    uint16_t label;
    int16_t value;
  };
  // One feature and its weights, as the trainer hands them over.
  struct Feature {
    uint64_t key;
    std::vector<Weight> weights;
  };

  LinearModel() = default;
  LinearModel(int classes, float scale, std::vector<Feature> features);

  int classes() const { return classes_; }
  size_t features() const { return features_; }
  size_t weights() const { return weights_.size() - features_; }
  // Multiply an integer score by this to get the averaged perceptron's score.
  float scale() const { return scale_; }

  // scores[c] += the weights of every feature in keys[0..count) for class c.
  // REQUIRES: scores holds classes() values.
  void score(const uint64_t* keys, size_t count, int32_t* scores) const;

  // The same model without the weights whose magnitude (in averaged
  // units, |value| * scale) is below `min_weight`, and without the features
  // left with none: smaller and faster, for a little accuracy.
  LinearModel pruned(float min_weight) const;

  void write(ByteWriter& out) const;
  // Fails on a truncated or inconsistent payload (a label out of range).
  bool read(ByteReader& in);

 private:
  struct Slot {
    uint32_t check = 0;  // key >> 32, or 0 for an empty slot (keys are made so this is never 0 when used)
    uint32_t begin = 0;  // index of the feature's count in weights_
  };
  static uint32_t check_of(uint64_t key) {
    const uint32_t check = static_cast<uint32_t>(key >> 32);
    return check == 0 ? 1 : check;
  }
  const Slot* find(uint64_t key) const;
  void build(const std::vector<uint64_t>& keys, const std::vector<uint32_t>& counts, std::vector<Weight> flat);

  int classes_ = 0;
  float scale_ = 1;
  size_t features_ = 0;
  std::vector<Slot> slots_ = std::vector<Slot>(2);
  size_t mask_ = 1;
  std::vector<Weight> weights_;
  // The full keys in order, with the offset of each one's weights: only
  // for writing the model back (the table keeps 32 bits of each key).
  std::vector<uint64_t> keys_;
  std::vector<uint32_t> offsets_;
};

}  // namespace storyline::nlp
