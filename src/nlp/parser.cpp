#include "nlp/parser.h"

#include <algorithm>

#include "nlp/feature_hash.h"

namespace storyline::nlp {

namespace {

constexpr uint64_t kNoWord = 0x4E4F4E45ull;    // "NONE"
constexpr uint64_t kRootWord = 0x524F4F54ull;  // "ROOT"
constexpr uint64_t kNoTag = 100, kRootTag = 101, kNoLabel = 200;

uint64_t distance_bucket(int d) {
  if (d <= 0) return 0;
  if (d <= 4) return static_cast<uint64_t>(d);
  if (d <= 7) return 5;
  if (d <= 12) return 6;
  return 7;
}

uint64_t count_bucket(int c) { return static_cast<uint64_t>(std::min(c, 6)); }

}  // namespace

void parser_features(const ParseState& state, const ParserInput& input, std::vector<uint64_t>& out) {
  out.clear();
  const auto& words = *input.words;
  const auto& tags = *input.tags;
  auto W = [&](int x) -> uint64_t {
    if (x == ParseState::kNone) return kNoWord;
    if (x == 0) return kRootWord;
    return words[static_cast<size_t>(x - 1)].lower;
  };
  auto P = [&](int x) -> uint64_t {
    if (x == ParseState::kNone) return kNoTag;
    if (x == 0) return kRootTag;
    return static_cast<uint64_t>(tags[static_cast<size_t>(x - 1)]);
  };
  auto L = [&](int x) -> uint64_t {
    if (x == ParseState::kNone || x == 0) return kNoLabel;
    const int l = state.label(x);
    return l == ParseState::kNone ? kNoLabel : static_cast<uint64_t>(l);
  };
  auto child = [&](int x, int (ParseState::*member)(int) const) {
    return x == ParseState::kNone ? ParseState::kNone : (state.*member)(x);
  };
  const int s0 = state.stack_top();
  const int s1 = state.stack_below();
  const int n0 = state.buffer(0), n1 = state.buffer(1), n2 = state.buffer(2);
  const int s0h = s0 > 0 ? state.head(s0) : ParseState::kNone;
  const int s0h2 = s0h > 0 ? state.head(s0h) : ParseState::kNone;
  const int s0l = child(s0, &ParseState::leftmost), s0l2 = child(s0, &ParseState::second_leftmost);
  const int s0r = child(s0, &ParseState::rightmost), s0r2 = child(s0, &ParseState::second_rightmost);
  const int n0l = child(n0, &ParseState::leftmost), n0l2 = child(n0, &ParseState::second_leftmost);

  const uint64_t s0w = W(s0), s0p = P(s0), n0w = W(n0), n0p = P(n0), n1w = W(n1), n1p = P(n1);
  const uint64_t n2w = W(n2), n2p = P(n2);
  const uint64_t s0wp = combine(s0w, s0p), n0wp = combine(n0w, n0p);
  const uint64_t d = (s0 != ParseState::kNone && n0 != ParseState::kNone) ? distance_bucket(n0 - s0) : 0;
  const uint64_t s0vl = s0 > 0 ? count_bucket(state.left_count(s0)) : 0;
  const uint64_t s0vr = s0 > 0 ? count_bucket(state.right_count(s0)) : 0;
  const uint64_t n0vl = n0 != ParseState::kNone ? count_bucket(state.left_count(n0)) : 0;
  const uint64_t s0sl = s0 > 0 ? state.left_labels(s0) : 0, s0sr = s0 > 0 ? state.right_labels(s0) : 0;
  const uint64_t n0sl = n0 != ParseState::kNone ? state.left_labels(n0) : 0;
  const uint64_t s0_has_head = s0 > 0 && state.head(s0) != ParseState::kNone;

  uint32_t t = 0;
  auto add1 = [&](uint64_t a) { out.push_back(feature_key(t++, a)); };
  auto add2 = [&](uint64_t a, uint64_t b) { out.push_back(feature_key(t++, a, b)); };
  auto add3 = [&](uint64_t a, uint64_t b, uint64_t c) { out.push_back(feature_key(t++, a, b, c)); };

  add1(0);  // bias
  // Single words.
  add1(s0wp), add1(s0w), add1(s0p), add1(n0wp), add1(n0w), add1(n0p);
  add1(combine(n1w, n1p)), add1(n1w), add1(n1p), add1(combine(n2w, n2p)), add1(n2w), add1(n2p);
  // Pairs.
  add2(s0wp, n0wp), add2(s0wp, n0w), add2(s0w, n0wp), add2(s0wp, n0p), add2(s0p, n0wp);
  add2(s0w, n0w), add2(s0p, n0p), add2(n0p, n1p);
  // Triples of tags.
  add3(n0p, n1p, n2p), add3(s0p, n0p, n1p), add3(P(s0h), s0p, n0p), add3(s0p, P(s0l), n0p);
  add3(s0p, P(s0r), n0p), add3(s0p, n0p, P(n0l));
  // Distance.
  add2(s0w, d), add2(s0p, d), add2(n0w, d), add2(n0p, d), add3(s0w, n0w, d), add3(s0p, n0p, d);
  // Valency.
  add2(s0w, s0vr), add2(s0p, s0vr), add2(s0w, s0vl), add2(s0p, s0vl), add2(n0w, n0vl), add2(n0p, n0vl);
  // Second-order: heads and outermost dependents.
  add1(W(s0h)), add1(P(s0h)), add1(L(s0)), add1(W(s0l)), add1(P(s0l)), add1(L(s0l));
  add1(W(s0r)), add1(P(s0r)), add1(L(s0r)), add1(W(n0l)), add1(P(n0l)), add1(L(n0l));
  // Third-order.
  add1(W(s0h2)), add1(P(s0h2)), add1(L(s0h)), add1(W(s0l2)), add1(P(s0l2)), add1(L(s0l2));
  add1(W(s0r2)), add1(P(s0r2)), add1(L(s0r2)), add1(W(n0l2)), add1(P(n0l2)), add1(L(n0l2));
  add3(s0p, P(s0l), P(s0l2)), add3(s0p, P(s0r), P(s0r2)), add3(s0p, P(s0h), P(s0h2)), add3(n0p, P(n0l), P(n0l2));
  // Label sets.
  add2(s0w, s0sr), add2(s0p, s0sr), add2(s0w, s0sl), add2(s0p, s0sl), add2(n0w, n0sl), add2(n0p, n0sl);
  // The word below the top, and whether the top already has its head
  // (which decides between REDUCE and LEFT-ARC).
  add1(P(s1)), add1(W(s1)), add3(P(s1), s0p, n0p), add3(s0_has_head, s0p, n0p), add2(s0_has_head, L(s0));
}


int Parser::best_transition(const ParseState& state, const std::vector<uint64_t>& features) const {
  int32_t scores[kTransitionCount] = {};
  model_.score(features.data(), features.size(), scores);
  // Scan moves, not the 106 transitions' validity one by one.
  int best = -1;
  if (state.valid(Move::kShift)) best = 0;
  if (state.valid(Move::kReduce) && (best < 0 || scores[1] > scores[best])) best = 1;
  for (Move move : {Move::kLeft, Move::kRight}) {
    if (!state.valid(move)) continue;
    for (int l = 0; l < kDeprelCount; ++l) {
      if (!state.label_valid(move, l)) continue;
      const int t = transition_of(move, l);
      if (best < 0 || scores[t] > scores[best]) best = t;
    }
  }
  return best;
}

void Parser::parse(const ParserInput& input, ParseResult& result) const {
  const int n = static_cast<int>(input.words->size());
  ParseState state(n, static_cast<int>(Deprel::kRoot));
  std::vector<uint64_t> features;
  features.reserve(96);
  while (!state.terminal()) {
    parser_features(state, input, features);
    const int best = best_transition(state, features);
    if (best < 0) break;
    state.apply(move_of(best), label_of(best));
  }
  state.finish(static_cast<int>(Deprel::kDep));
  result.heads.resize(n);
  result.labels.resize(n);
  for (int w = 1; w <= n; ++w) {
    result.heads[w - 1] = state.head(w) - 1;
    result.labels[w - 1] = static_cast<Deprel>(state.label(w));
  }
}

Result<Parser> Parser::load(const std::string& path) {
  auto file = read_model_file(path);
  if (!file) return file.status();
  if (file->kind != "parser") return Status::corrupt(path + ": a " + file->kind + " model, not a parser");
  ByteReader in(file->payload);
  // The relation names in the order of the label model's classes: they must
  // be this build's Deprel values, in order.
  uint64_t count = 0;
  if (!in.varint(count) || count != kDeprelCount) return Status::corrupt(path + ": the relations are not this build's");
  for (int l = 0; l < kDeprelCount; ++l) {
    std::string name;
    if (!in.string(name) || name != deprel_name(static_cast<Deprel>(l)))
      return Status::corrupt(path + ": relation " + std::to_string(l) + " is '" + name + "', not '" +
                             std::string(deprel_name(static_cast<Deprel>(l))) + "'");
  }
  LinearModel model;
  if (!model.read(in) || model.classes() != kTransitionCount || !in.at_end())
    return Status::corrupt(path + ": the parser's weights do not read back");
  return Parser(std::move(model));
}

Status Parser::save(const std::string& path, const std::vector<std::pair<std::string, std::string>>& header) const {
  ModelFile file;
  file.kind = "parser";
  file.header = header;
  file.header.emplace_back("payload",
                           "relation names; weights (LinearModel: SHIFT, REDUCE, LEFT-ARC per relation, "
                           "RIGHT-ARC per relation)");
  ByteWriter out;
  out.varint(kDeprelCount);
  for (int l = 0; l < kDeprelCount; ++l) out.string(deprel_name(static_cast<Deprel>(l)));
  model_.write(out);
  file.payload = out.bytes();
  return write_model_file(path, file);
}

}  // namespace storyline::nlp
