#include "nlp/tagger.h"

#include <algorithm>

#include "nlp/feature_hash.h"

namespace storyline::nlp {

namespace {

// Outside the sentence.
constexpr uint64_t kBefore = 0x5354415254ull;  // "START"
constexpr uint64_t kAfter = 0x454E44ull;        // "END"

enum Template : uint32_t {
  kBias, kLower, kForm, kPrefix1, kPrefix2, kPrefix3, kSuffix1, kSuffix2, kSuffix3, kSuffix4, kShape,
  kTag1, kTag2, kTag12, kTag1Lower, kLowerM1, kSuffixM1, kLowerM2, kLowerP1, kSuffixP1, kLowerP2, kShapeP1,
  kLowerM1Lower, kLowerLowerP1, kTag1LowerP1, kFirstShape, kShapeM1, kFormP1, kFormM1, kShapeM1ShapeShapeP1,
  kClass, kClassP1, kClassP2, kClassClassP1, kTag1Class, kClassP1ClassP2,
};

}  // namespace

void TagLexicon::write(ByteWriter& out) const {
  std::vector<std::pair<uint64_t, uint32_t>> sorted(masks_.begin(), masks_.end());
  std::sort(sorted.begin(), sorted.end());
  out.varint(sorted.size());
  uint64_t previous = 0;
  for (const auto& [key, mask] : sorted) {
    out.varint(key - previous);
    out.varint(mask);
    previous = key;
  }
}

bool TagLexicon::read(ByteReader& in) {
  uint64_t size = 0;
  if (!in.varint(size) || size > in.remaining() / 2) return false;
  masks_.clear();
  masks_.reserve(size);
  uint64_t key = 0;
  for (uint64_t i = 0; i < size; ++i) {
    uint64_t delta = 0, mask = 0;
    if (!in.varint(delta) || !in.varint(mask) || mask >= (1u << kUposCount)) return false;
    key += delta;
    masks_[key] = static_cast<uint32_t>(mask);
  }
  return true;
}

void ambiguity_classes(const TagLexicon& lexicon, const std::vector<WordInfo>& words, std::vector<uint32_t>& out) {
  out.resize(words.size());
  for (size_t i = 0; i < words.size(); ++i) out[i] = lexicon.mask(words[i].lower);
}

void tagger_features(const std::vector<WordInfo>& words, const std::vector<uint32_t>& classes, size_t i,
                     int previous, int before_previous, std::vector<uint64_t>& out) {
  out.clear();
  const WordInfo& w = words[i];
  auto lower_at = [&](ptrdiff_t k) -> uint64_t {
    if (k < 0) return kBefore + static_cast<uint64_t>(-k);
    if (static_cast<size_t>(k) >= words.size()) return kAfter + static_cast<uint64_t>(k - static_cast<ptrdiff_t>(words.size()));
    return words[static_cast<size_t>(k)].lower;
  };
  auto field_at = [&](ptrdiff_t k, auto member) -> uint64_t {
    if (k < 0) return kBefore;
    if (static_cast<size_t>(k) >= words.size()) return kAfter;
    return member(words[static_cast<size_t>(k)]);
  };
  const ptrdiff_t n = static_cast<ptrdiff_t>(i);
  const uint64_t t1 = static_cast<uint64_t>(previous), t2 = static_cast<uint64_t>(before_previous);
  out.push_back(feature_key(kBias, 0));
  out.push_back(feature_key(kLower, w.lower));
  out.push_back(feature_key(kForm, w.form));
  for (uint32_t k = 0; k < 3; ++k) out.push_back(feature_key(kPrefix1 + k, w.prefix[k]));
  for (uint32_t k = 0; k < 4; ++k) out.push_back(feature_key(kSuffix1 + k, w.suffix[k]));
  out.push_back(feature_key(kShape, w.shape));
  out.push_back(feature_key(kTag1, t1));
  out.push_back(feature_key(kTag2, t2));
  out.push_back(feature_key(kTag12, t1, t2));
  out.push_back(feature_key(kTag1Lower, t1, w.lower));
  out.push_back(feature_key(kLowerM1, lower_at(n - 1)));
  out.push_back(feature_key(kSuffixM1, field_at(n - 1, [](const WordInfo& x) { return x.suffix[2]; })));
  out.push_back(feature_key(kLowerM2, lower_at(n - 2)));
  out.push_back(feature_key(kLowerP1, lower_at(n + 1)));
  out.push_back(feature_key(kSuffixP1, field_at(n + 1, [](const WordInfo& x) { return x.suffix[2]; })));
  out.push_back(feature_key(kLowerP2, lower_at(n + 2)));
  const uint64_t shape_next = field_at(n + 1, [](const WordInfo& x) { return x.shape; });
  const uint64_t shape_previous = field_at(n - 1, [](const WordInfo& x) { return x.shape; });
  out.push_back(feature_key(kShapeP1, shape_next));
  out.push_back(feature_key(kLowerM1Lower, lower_at(n - 1), w.lower));
  out.push_back(feature_key(kLowerLowerP1, w.lower, lower_at(n + 1)));
  out.push_back(feature_key(kTag1LowerP1, t1, lower_at(n + 1)));
  out.push_back(feature_key(kFirstShape, i == 0, w.shape));
  out.push_back(feature_key(kShapeM1, shape_previous));
  out.push_back(feature_key(kFormP1, field_at(n + 1, [](const WordInfo& x) { return x.form; })));
  out.push_back(feature_key(kFormM1, field_at(n - 1, [](const WordInfo& x) { return x.form; })));
  out.push_back(feature_key(kShapeM1ShapeShapeP1, shape_previous, w.shape, shape_next));
  auto class_at = [&](ptrdiff_t k) -> uint64_t {
    if (k < 0) return 1u << 20;
    if (static_cast<size_t>(k) >= words.size()) return 1u << 21;
    return classes[static_cast<size_t>(k)];
  };
  out.push_back(feature_key(kClass, class_at(n)));
  out.push_back(feature_key(kClassP1, class_at(n + 1)));
  out.push_back(feature_key(kClassP2, class_at(n + 2)));
  out.push_back(feature_key(kClassClassP1, class_at(n), class_at(n + 1)));
  out.push_back(feature_key(kTag1Class, t1, class_at(n)));
  out.push_back(feature_key(kClassP1ClassP2, class_at(n + 1), class_at(n + 2)));
}

void Tagger::tag(const std::vector<WordInfo>& words, std::vector<Upos>& tags) const {
  tags.resize(words.size());
  std::vector<uint64_t> features;
  features.reserve(40);
  std::vector<uint32_t> classes;
  ambiguity_classes(lexicon_, words, classes);
  int32_t scores[kUposCount];
  int previous = kUposCount, before_previous = kUposCount;
  for (size_t i = 0; i < words.size(); ++i) {
    tagger_features(words, classes, i, previous, before_previous, features);
    std::fill(scores, scores + kUposCount, 0);
    model_.score(features.data(), features.size(), scores);
    int best = 0;
    for (int c = 1; c < kUposCount; ++c) {
      if (scores[c] > scores[best]) best = c;
    }
    tags[i] = static_cast<Upos>(best);
    before_previous = previous;
    previous = best;
  }
}

Result<Tagger> Tagger::load(const std::string& path) {
  auto file = read_model_file(path);
  if (!file) return file.status();
  if (file->kind != "tagger") return Status::corrupt(path + ": a " + file->kind + " model, not a tagger");
  ByteReader in(file->payload);
  Tagger tagger;
  if (!tagger.model_.read(in) || tagger.model_.classes() != kUposCount || !tagger.lexicon_.read(in) ||
      !tagger.lemmatizer_.read(in) || !in.at_end())
    return Status::corrupt(path + ": the tagger's weights or lemma table do not read back");
  return tagger;
}

Status Tagger::save(const std::string& path, const std::vector<std::pair<std::string, std::string>>& header) const {
  ModelFile file;
  file.kind = "tagger";
  file.header = header;
  file.header.emplace_back("payload", "weights (LinearModel: classes = UPOS in UD order), tag lexicon, lemma table");
  ByteWriter out;
  model_.write(out);
  lexicon_.write(out);
  lemmatizer_.write(out);
  file.payload = out.bytes();
  return write_model_file(path, file);
}

}  // namespace storyline::nlp
