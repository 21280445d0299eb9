// Features are 64-bit keys: a template number mixed with the hashes of the
// values it combines (a word, a tag, a distance). A model stores weights
// only for keys seen in training, so collisions are as rare as 64-bit hash
// collisions and the key space costs nothing.
#pragma once

#include <cstdint>
#include <string_view>

namespace storyline::nlp {

// A 64-bit hash of a string (xxHash3, the same on every machine).
uint64_t hash_text(std::string_view text);

// Finalising mix of SplitMix64: every input bit reaches every output bit.
inline uint64_t mix64(uint64_t x) {
  x ^= x >> 30;
  x *= 0xBF58476D1CE4E5B9ull;
  x ^= x >> 27;
  x *= 0x94D049BB133111EBull;
  x ^= x >> 31;
  return x;
}

inline uint64_t combine(uint64_t seed, uint64_t value) { return mix64(seed ^ (value + 0x9E3779B97F4A7C15ull + (seed << 6))); }

// Keys are never 0: 0 marks an empty slot in the weight tables.
inline uint64_t nonzero(uint64_t key) { return key == 0 ? 1 : key; }

inline uint64_t feature_key(uint32_t template_id, uint64_t a) { return nonzero(combine(mix64(template_id + 1), a)); }
inline uint64_t feature_key(uint32_t template_id, uint64_t a, uint64_t b) {
  return nonzero(combine(combine(mix64(template_id + 1), a), b));
}
inline uint64_t feature_key(uint32_t template_id, uint64_t a, uint64_t b, uint64_t c) {
  return nonzero(combine(combine(combine(mix64(template_id + 1), a), b), c));
}

}  // namespace storyline::nlp
