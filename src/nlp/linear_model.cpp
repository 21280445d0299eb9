#include "nlp/linear_model.h"

#include <algorithm>
#include <cmath>
#include <numeric>

#include "core/text_util.h"
#include "nlp/feature_hash.h"

namespace storyline::nlp {

uint64_t hash_text(std::string_view text) { return core::hash64(text); }

LinearModel::LinearModel(int classes, float scale, std::vector<Feature> features) : classes_(classes), scale_(scale) {
  std::sort(features.begin(), features.end(), [](const Feature& a, const Feature& b) { return a.key < b.key; });
  std::vector<uint64_t> keys;
  std::vector<uint32_t> counts;
  std::vector<Weight> flat;
  for (const Feature& f : features) {
    keys.push_back(f.key);
    counts.push_back(static_cast<uint32_t>(f.weights.size()));
    flat.insert(flat.end(), f.weights.begin(), f.weights.end());
  }
  build(keys, counts, std::move(flat));
}

// `keys` sorted; `flat` holds each feature's weights in the same order.
void LinearModel::build(const std::vector<uint64_t>& keys, const std::vector<uint32_t>& counts, std::vector<Weight> flat) {
  features_ = keys.size();
  keys_ = keys;
  offsets_.assign(keys.size(), 0);
  size_t slots = 2;
  while (slots < keys.size() * 2) slots <<= 1;
  slots_.assign(slots, Slot{});
  mask_ = slots - 1;
  weights_.clear();
  weights_.reserve(flat.size() + keys.size());
  size_t next = 0;
  for (size_t f = 0; f < keys.size(); ++f) {
    size_t slot = keys[f] & mask_;
    while (slots_[slot].check != 0) slot = (slot + 1) & mask_;
    offsets_[f] = static_cast<uint32_t>(weights_.size());
    slots_[slot] = {check_of(keys[f]), offsets_[f]};
    weights_.push_back({static_cast<uint16_t>(counts[f]), 0});
    weights_.insert(weights_.end(), flat.begin() + static_cast<ptrdiff_t>(next),
                    flat.begin() + static_cast<ptrdiff_t>(next + counts[f]));
    next += counts[f];
  }
}

const LinearModel::Slot* LinearModel::find(uint64_t key) const {
  const uint32_t check = check_of(key);
  for (size_t slot = key & mask_;; slot = (slot + 1) & mask_) {
    const Slot& s = slots_[slot];
    if (s.check == check) return &s;
    if (s.check == 0) return nullptr;
  }
}

void LinearModel::score(const uint64_t* keys, size_t count, int32_t* scores) const {
  constexpr size_t kBatch = 128;
  const Slot* found[kBatch];
  for (size_t start = 0; start < count; start += kBatch) {
    const size_t n = std::min(kBatch, count - start);
    for (size_t i = 0; i < n; ++i) __builtin_prefetch(&slots_[keys[start + i] & mask_]);
    for (size_t i = 0; i < n; ++i) {
      found[i] = find(keys[start + i]);
      if (found[i]) __builtin_prefetch(&weights_[found[i]->begin]);
    }
    for (size_t i = 0; i < n; ++i) {
      if (!found[i]) continue;
      const Weight* w = &weights_[found[i]->begin];
      const uint32_t weights = w->label;
      for (uint32_t k = 1; k <= weights; ++k) scores[w[k].label] += w[k].value;
    }
  }
}

LinearModel LinearModel::pruned(float min_weight) const {
  std::vector<uint64_t> keys;
  std::vector<uint32_t> counts;
  std::vector<Weight> flat;
  for (size_t f = 0; f < keys_.size(); ++f) {
    const Weight* w = &weights_[offsets_[f]];
    uint32_t kept = 0;
    for (uint32_t k = 1; k <= w->label; ++k) {
      if (static_cast<float>(std::abs(w[k].value)) * scale_ < min_weight) continue;
      flat.push_back(w[k]);
      ++kept;
    }
    if (kept == 0) continue;
    keys.push_back(keys_[f]);
    counts.push_back(kept);
  }
  LinearModel model;
  model.classes_ = classes_;
  model.scale_ = scale_;
  model.build(keys, counts, std::move(flat));
  return model;
}

void LinearModel::write(ByteWriter& out) const {
  out.varint(static_cast<uint64_t>(classes_));
  out.f32(scale_);
  out.varint(keys_.size());
  uint64_t previous = 0;
  for (size_t f = 0; f < keys_.size(); ++f) {
    out.varint(keys_[f] - previous);
    previous = keys_[f];
    const Weight* w = &weights_[offsets_[f]];
    out.varint(w->label);
    for (uint32_t k = 1; k <= w->label; ++k) {
      out.varint(w[k].label);
      out.signed_varint(w[k].value);
    }
  }
}

bool LinearModel::read(ByteReader& in) {
  uint64_t classes = 0, count = 0;
  float scale = 0;
  if (!in.varint(classes) || classes == 0 || classes > 65535 || !in.f32(scale) || !in.varint(count)) return false;
  // Each feature takes at least three bytes: a count beyond that is corrupt.
  if (count > in.remaining() / 3) return false;
  std::vector<uint64_t> keys(count);
  std::vector<uint32_t> counts(count);
  std::vector<Weight> flat;
  flat.reserve(count * 3);
  uint64_t key = 0;
  for (uint64_t f = 0; f < count; ++f) {
    uint64_t delta = 0, weights = 0;
    if (!in.varint(delta) || !in.varint(weights) || weights > classes || weights == 0) return false;
    if (delta == 0 && f > 0) return false;  // keys are strictly increasing
    key += delta;
    if (key == 0) return false;
    keys[f] = key;
    counts[f] = static_cast<uint32_t>(weights);
    for (uint64_t k = 0; k < weights; ++k) {
      uint64_t label = 0;
      int64_t value = 0;
      if (!in.varint(label) || label >= classes || !in.signed_varint(value) || value < -32768 || value > 32767)
        return false;
      flat.push_back({static_cast<uint16_t>(label), static_cast<int16_t>(value)});
    }
  }
  classes_ = static_cast<int>(classes);
  scale_ = scale;
  build(keys, counts, std::move(flat));
  return true;
}

}  // namespace storyline::nlp
