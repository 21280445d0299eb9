#include "nlp/perceptron.h"

#include <algorithm>
#include <cmath>
#include <random>

namespace storyline::nlp {

PerceptronTrainer::PerceptronTrainer(int classes) : classes_(classes), keys_(1024, 0), index_(1024, kMissing) {}

uint32_t PerceptronTrainer::find(uint64_t key) const {
  const size_t mask = keys_.size() - 1;
  for (size_t slot = key & mask;; slot = (slot + 1) & mask) {
    if (keys_[slot] == key) return index_[slot];
    if (keys_[slot] == 0) return kMissing;
  }
}

void PerceptronTrainer::grow() {
  std::vector<uint64_t> keys(keys_.size() * 2, 0);
  std::vector<uint32_t> index(keys.size(), kMissing);
  const size_t mask = keys.size() - 1;
  for (size_t i = 0; i < keys_.size(); ++i) {
    if (keys_[i] == 0) continue;
    size_t slot = keys_[i] & mask;
    while (keys[slot] != 0) slot = (slot + 1) & mask;
    keys[slot] = keys_[i];
    index[slot] = index_[i];
  }
  keys_.swap(keys);
  index_.swap(index);
}

uint32_t PerceptronTrainer::insert(uint64_t key) {
  if ((entries_.size() + 1) * 2 > keys_.size()) grow();
  const size_t mask = keys_.size() - 1;
  size_t slot = key & mask;
  for (; keys_[slot] != 0; slot = (slot + 1) & mask) {
    if (keys_[slot] == key) return index_[slot];
  }
  keys_[slot] = key;
  index_[slot] = static_cast<uint32_t>(entries_.size());
  entries_.emplace_back();
  return index_[slot];
}

void PerceptronTrainer::score(std::span<const uint64_t> features, float* scores) const {
  std::fill(scores, scores + classes_, 0.0f);
  for (uint64_t key : features) {
    const uint32_t f = find(key);
    if (f == kMissing) continue;
    for (const Entry& e : entries_[f]) scores[e.label] += e.weight;
  }
}

void PerceptronTrainer::update(std::span<const uint64_t> features, int truth, int guess) {
  if (truth == guess) return;
  for (uint64_t key : features) {
    std::vector<Entry>& entries = entries_[insert(key)];
    for (int label : {truth, guess}) {
      const float delta = label == truth ? 1.0f : -1.0f;
      auto it = std::find_if(entries.begin(), entries.end(), [&](const Entry& e) { return e.label == static_cast<uint32_t>(label); });
      if (it == entries.end()) {
        entries.push_back({static_cast<uint32_t>(label), 0.0f, 0.0});
        it = entries.end() - 1;
      }
      it->weight += delta;
      it->total += static_cast<double>(time_) * delta;
    }
  }
}

LinearModel PerceptronTrainer::average(float min_weight) const {
  // Averaged weight of each entry, then one scale for all of them.
  double largest = 0;
  for (const auto& entries : entries_) {
    for (const Entry& e : entries) largest = std::max(largest, std::abs(e.weight - e.total / static_cast<double>(time_)));
  }
  const double scale = largest > 0 ? largest / 32767.0 : 1.0;
  std::vector<LinearModel::Feature> features;
  features.reserve(entries_.size());
  for (size_t slot = 0; slot < keys_.size(); ++slot) {
    if (keys_[slot] == 0) continue;
    LinearModel::Feature feature{keys_[slot], {}};
    std::vector<Entry> entries = entries_[index_[slot]];
    std::sort(entries.begin(), entries.end(), [](const Entry& a, const Entry& b) { return a.label < b.label; });
    for (const Entry& e : entries) {
      const double averaged = e.weight - e.total / static_cast<double>(time_);
      if (std::abs(averaged) < min_weight) continue;
      const long quantised = std::lround(averaged / scale);
      if (quantised == 0) continue;
      feature.weights.push_back({static_cast<uint16_t>(e.label), static_cast<int16_t>(quantised)});
    }
    if (!feature.weights.empty()) features.push_back(std::move(feature));
  }
  return LinearModel(classes_, static_cast<float>(scale), std::move(features));
}

void deterministic_shuffle(std::vector<size_t>& order, uint64_t seed) {
  std::mt19937_64 generator(seed);
  for (size_t i = order.size(); i > 1; --i) {
    const size_t j = static_cast<size_t>(generator() % i);
    std::swap(order[i - 1], order[j]);
  }
}

}  // namespace storyline::nlp
