#include "nlp/recognizer.h"

#include <algorithm>

#include "nlp/feature_hash.h"

namespace storyline::nlp {

namespace {

constexpr uint64_t kBefore = 0x5354415254ull;
constexpr uint64_t kAfter = 0x454E44ull;

enum Template : uint32_t {
  kBias, kLower, kForm, kShape, kPrefix3, kSuffix3, kSuffix4, kLowerM1, kLowerP1, kLowerM2, kLowerP2, kFormM1,
  kFormP1, kShapeM1, kShapeP1, kShapes, kTag, kTagM1, kTagP1, kTagM1Tag, kTagTagP1, kPrev, kPrevPrev2, kPrevLower,
  kPrevShape, kPrevTag, kGazetteer, kGazetteerM1, kGazetteerP1, kWordKinds, kWordKindsM1, kWordKindsP1, kFirstShape,
  kLowerLowerP1, kLowerM1Lower, kClass, kClassShape, kGazetteerShape, kPrevGazetteer, kFormTag,
};

int type_of(int tag) { return tag <= 0 ? -1 : (tag - 1) / 4; }
int part_of(int tag) { return tag <= 0 ? 0 : 1 + (tag - 1) % 4; }  // 1 B, 2 I, 3 L, 4 U

}  // namespace

std::string_view ner_type_name(EntityType type) {
  switch (type) {
    case EntityType::kPerson: return "PER";
    case EntityType::kOrganization: return "ORG";
    case EntityType::kPlace: return "LOC";
    case EntityType::kNorp: return "NORP";
  }
  return "PER";
}

bool ner_type_from_name(std::string_view name, EntityType& type) {
  for (EntityType t : {EntityType::kPerson, EntityType::kOrganization, EntityType::kPlace, EntityType::kNorp}) {
    if (ner_type_name(t) == name) {
      type = t;
      return true;
    }
  }
  return false;
}

bool bilou_allowed(int previous, int tag, bool last) {
  const int open = previous > 0 && (part_of(previous) == 1 || part_of(previous) == 2) ? type_of(previous) : -1;
  const int part = part_of(tag);
  if (open >= 0) {
    // Inside an entity: only I or L of its type.
    if (!((part == 2 || part == 3) && type_of(tag) == open)) return false;
  } else if (part == 2 || part == 3) {
    return false;
  }
  if (last && (part == 1 || part == 2)) return false;
  return true;
}

void bilou_entities(const std::vector<int>& tags, const std::vector<EntityType>& types,
                    std::vector<RecognizedEntity>& out) {
  out.clear();
  uint32_t begin = 0;
  for (uint32_t i = 0; i < tags.size(); ++i) {
    const int part = part_of(tags[i]);
    if (part == 1) begin = i;
    if (part == 4) begin = i;
    if (part == 3 || part == 4) out.push_back({begin, i, types[static_cast<size_t>(type_of(tags[i]))]});
  }
}

void recognizer_features(const RecognizerInput& input, size_t i, int previous, int before_previous,
                         std::vector<uint64_t>& out) {
  out.clear();
  const auto& words = *input.words;
  const auto& tags = *input.tags;
  const auto& classes = *input.classes;
  const auto& marks = *input.marks;
  const ptrdiff_t n = static_cast<ptrdiff_t>(i);
  const ptrdiff_t size = static_cast<ptrdiff_t>(words.size());
  auto inside = [&](ptrdiff_t k) { return k >= 0 && k < size; };
  auto outside = [&](ptrdiff_t k) { return k < 0 ? kBefore : kAfter; };
  auto lower = [&](ptrdiff_t k) { return inside(k) ? words[static_cast<size_t>(k)].lower : outside(k); };
  auto form = [&](ptrdiff_t k) { return inside(k) ? words[static_cast<size_t>(k)].form : outside(k); };
  auto shape = [&](ptrdiff_t k) { return inside(k) ? words[static_cast<size_t>(k)].shape : outside(k); };
  auto tag = [&](ptrdiff_t k) { return inside(k) ? static_cast<uint64_t>(tags[static_cast<size_t>(k)]) : outside(k); };
  auto mark = [&](ptrdiff_t k) -> uint64_t {
    if (!inside(k)) return outside(k);
    const GazetteerMark& m = marks[static_cast<size_t>(k)];
    return static_cast<uint64_t>(m.phrase_kinds) << 8 | m.position;
  };
  auto kinds = [&](ptrdiff_t k) -> uint64_t { return inside(k) ? marks[static_cast<size_t>(k)].word_kinds : outside(k); };
  const WordInfo& w = words[i];
  const uint64_t p1 = static_cast<uint64_t>(previous + 1), p2 = static_cast<uint64_t>(before_previous + 1);
  out.push_back(feature_key(kBias, 0));
  out.push_back(feature_key(kLower, w.lower));
  out.push_back(feature_key(kForm, w.form));
  out.push_back(feature_key(kShape, w.shape));
  out.push_back(feature_key(kPrefix3, w.prefix[2]));
  out.push_back(feature_key(kSuffix3, w.suffix[2]));
  out.push_back(feature_key(kSuffix4, w.suffix[3]));
  out.push_back(feature_key(kLowerM1, lower(n - 1)));
  out.push_back(feature_key(kLowerP1, lower(n + 1)));
  out.push_back(feature_key(kLowerM2, lower(n - 2)));
  out.push_back(feature_key(kLowerP2, lower(n + 2)));
  out.push_back(feature_key(kFormM1, form(n - 1)));
  out.push_back(feature_key(kFormP1, form(n + 1)));
  out.push_back(feature_key(kShapeM1, shape(n - 1)));
  out.push_back(feature_key(kShapeP1, shape(n + 1)));
  out.push_back(feature_key(kShapes, shape(n - 1), w.shape, shape(n + 1)));
  out.push_back(feature_key(kTag, tag(n)));
  out.push_back(feature_key(kTagM1, tag(n - 1)));
  out.push_back(feature_key(kTagP1, tag(n + 1)));
  out.push_back(feature_key(kTagM1Tag, tag(n - 1), tag(n)));
  out.push_back(feature_key(kTagTagP1, tag(n), tag(n + 1)));
  out.push_back(feature_key(kPrev, p1));
  out.push_back(feature_key(kPrevPrev2, p1, p2));
  out.push_back(feature_key(kPrevLower, p1, w.lower));
  out.push_back(feature_key(kPrevShape, p1, w.shape));
  out.push_back(feature_key(kPrevTag, p1, tag(n)));
  out.push_back(feature_key(kGazetteer, mark(n)));
  out.push_back(feature_key(kGazetteerM1, mark(n - 1)));
  out.push_back(feature_key(kGazetteerP1, mark(n + 1)));
  out.push_back(feature_key(kWordKinds, kinds(n)));
  out.push_back(feature_key(kWordKindsM1, kinds(n - 1)));
  out.push_back(feature_key(kWordKindsP1, kinds(n + 1)));
  out.push_back(feature_key(kFirstShape, i == 0, w.shape));
  out.push_back(feature_key(kLowerLowerP1, w.lower, lower(n + 1)));
  out.push_back(feature_key(kLowerM1Lower, lower(n - 1), w.lower));
  out.push_back(feature_key(kClass, classes[i]));
  out.push_back(feature_key(kClassShape, classes[i], w.shape));
  out.push_back(feature_key(kGazetteerShape, mark(n), w.shape));
  out.push_back(feature_key(kPrevGazetteer, p1, mark(n)));
  out.push_back(feature_key(kFormTag, w.form, tag(n)));
}

Recognizer::Recognizer(LinearModel model, std::vector<EntityType> types)
    : model_(std::move(model)), types_(std::move(types)) {}

void Recognizer::tag(const RecognizerInput& input, std::vector<int>& tags) const {
  const size_t n = input.words->size();
  tags.assign(n, 0);
  const int classes = bilou_count(static_cast<int>(types_.size()));
  std::vector<uint64_t> features;
  features.reserve(48);
  std::vector<int32_t> scores(static_cast<size_t>(classes));
  int previous = -1, before_previous = -1;
  for (size_t i = 0; i < n; ++i) {
    recognizer_features(input, i, previous, before_previous, features);
    std::fill(scores.begin(), scores.end(), 0);
    model_.score(features.data(), features.size(), scores.data());
    int best = -1;
    for (int c = 0; c < classes; ++c) {
      if (!bilou_allowed(previous, c, i + 1 == n)) continue;
      if (best < 0 || scores[static_cast<size_t>(c)] > scores[static_cast<size_t>(best)]) best = c;
    }
    tags[i] = best;
    before_previous = previous;
    previous = best;
  }
}

void Recognizer::recognize(const RecognizerInput& input, std::vector<RecognizedEntity>& out) const {
  std::vector<int> tags;
  tag(input, tags);
  bilou_entities(tags, types_, out);
}

Result<Recognizer> Recognizer::load(const std::string& path) {
  auto file = read_model_file(path);
  if (!file) return file.status();
  if (file->kind != "recognizer") return Status::corrupt(path + ": a " + file->kind + " model, not a recognizer");
  ByteReader in(file->payload);
  uint64_t count = 0;
  if (!in.varint(count) || count == 0 || count > 8) return Status::corrupt(path + ": bad entity type count");
  std::vector<EntityType> types;
  for (uint64_t t = 0; t < count; ++t) {
    std::string name;
    EntityType type;
    if (!in.string(name) || !ner_type_from_name(name, type))
      return Status::corrupt(path + ": unknown entity type '" + name + "'");
    types.push_back(type);
  }
  LinearModel model;
  if (!model.read(in) || model.classes() != bilou_count(static_cast<int>(count)) || !in.at_end())
    return Status::corrupt(path + ": the recognizer's weights do not read back");
  return Recognizer(std::move(model), std::move(types));
}

Status Recognizer::save(const std::string& path, const std::vector<std::pair<std::string, std::string>>& header) const {
  ModelFile file;
  file.kind = "recognizer";
  file.header = header;
  file.header.emplace_back("payload", "entity type names; weights (LinearModel: O, then B I L U per type)");
  ByteWriter out;
  out.varint(types_.size());
  for (EntityType t : types_) out.string(ner_type_name(t));
  model_.write(out);
  file.payload = out.bytes();
  return write_model_file(path, file);
}

}  // namespace storyline::nlp
