#include "nlp/arc_eager.h"

#include <algorithm>

namespace storyline::nlp {

ParseState::ParseState(int words, int root_label)
    : n_(words),
      root_label_(root_label),
      head_(words + 1, kNone),
      label_(words + 1, kNone),
      left1_(words + 1, kNone),
      left2_(words + 1, kNone),
      right1_(words + 1, kNone),
      right2_(words + 1, kNone),
      left_count_(words + 1, 0),
      right_count_(words + 1, 0),
      left_labels_(words + 1, 0),
      right_labels_(words + 1, 0) {
  stack_.reserve(words + 1);
  stack_.push_back(0);
}

bool ParseState::valid(Move move) const {
  const int top = stack_.back();
  const bool buffer_left = buffer_ <= n_;
  switch (move) {
    case Move::kShift:
      return buffer_left;
    case Move::kReduce:
      return top != 0 && head_[top] != kNone;
    case Move::kLeft:
      return buffer_left && top != 0 && head_[top] == kNone;
    case Move::kRight:
      return buffer_left && (top != 0 || !root_taken_);
  }
  return false;
}

bool ParseState::label_valid(Move move, int label) const {
  const bool from_root = move == Move::kRight && stack_.back() == 0;
  return from_root == (label == root_label_);
}

void ParseState::attach(int head, int dependent, int label) {
  head_[dependent] = head;
  label_[dependent] = label;
  if (head == 0) {
    root_taken_ = true;
    return;
  }
  if (dependent < head) {
    // Keep the two leftmost by position, whatever the order of attachment.
    if (left1_[head] == kNone || dependent < left1_[head]) {
      left2_[head] = left1_[head];
      left1_[head] = dependent;
    } else if (left2_[head] == kNone || dependent < left2_[head]) {
      left2_[head] = dependent;
    }
    if (left_count_[head] < 255) ++left_count_[head];
    left_labels_[head] |= 1ull << (label & 63);
  } else {
    if (right1_[head] == kNone || dependent > right1_[head]) {
      right2_[head] = right1_[head];
      right1_[head] = dependent;
    } else if (right2_[head] == kNone || dependent > right2_[head]) {
      right2_[head] = dependent;
    }
    if (right_count_[head] < 255) ++right_count_[head];
    right_labels_[head] |= 1ull << (label & 63);
  }
}

void ParseState::apply(Move move, int label) {
  const int top = stack_.back();
  switch (move) {
    case Move::kShift:
      stack_.push_back(buffer_++);
      break;
    case Move::kReduce:
      stack_.pop_back();
      break;
    case Move::kLeft:
      attach(buffer_, top, label);
      stack_.pop_back();
      break;
    case Move::kRight:
      attach(top, buffer_, label);
      stack_.push_back(buffer_++);
      break;
  }
}

void ParseState::finish(int fallback_label) {
  int root_dependent = kNone;
  for (int w = 1; w <= n_; ++w) {
    if (head_[w] == 0) root_dependent = w;
  }
  for (int w = 1; w <= n_; ++w) {
    if (head_[w] != kNone) continue;
    if (root_dependent == kNone) {
      attach(0, w, root_label_);
      root_dependent = w;
    } else {
      attach(root_dependent, w, fallback_label);
    }
  }
  stack_.assign(1, 0);
  buffer_ = n_ + 1;
}

std::array<int, 4> move_costs(const ParseState& state, const GoldTree& gold) {
  std::array<int, 4> costs;
  costs.fill(kInvalidCost);
  const int s = state.stack_top();
  const int b = state.buffer(0);
  const int n = state.words();
  auto in_buffer = [&](int w) { return b != ParseState::kNone && w >= b && w <= n; };
  // A word on the stack can still take a dependent; the root only while no
  // word hangs from it.
  auto on_stack = [&](int w) {
    if (w == 0) return !state.root_taken();
    return std::find(state.stack().begin(), state.stack().end(), w) != state.stack().end();
  };
  // Words on the stack without a head whose gold head is `w`.
  auto headless_stack_dependents_of = [&](int w) {
    int count = 0;
    for (int x : state.stack()) count += x != 0 && state.head(x) == ParseState::kNone && gold.head[x] == w;
    return count;
  };
  auto buffer_dependents_of = [&](int w) {
    int count = 0;
    if (b == ParseState::kNone) return 0;
    for (int x = b; x <= n; ++x) count += gold.head[x] == w;
    return count;
  };
  if (state.valid(Move::kShift)) {
    // The front's head on the stack, and its dependents on the stack, are lost.
    costs[static_cast<int>(Move::kShift)] = (on_stack(gold.head[b]) ? 1 : 0) + headless_stack_dependents_of(b);
  }
  if (state.valid(Move::kReduce)) {
    // The top's dependents in the buffer are lost.
    costs[static_cast<int>(Move::kReduce)] = buffer_dependents_of(s);
  }
  if (state.valid(Move::kLeft)) {
    // The top's head elsewhere in the buffer, and its dependents in the buffer, are lost.
    costs[static_cast<int>(Move::kLeft)] =
        (gold.head[s] != b && in_buffer(gold.head[s]) ? 1 : 0) + buffer_dependents_of(s);
  }
  if (state.valid(Move::kRight)) {
    // The front's head elsewhere on the stack or in the buffer, and its
    // dependents on the stack, are lost.
    const int h = gold.head[b];
    const bool head_elsewhere = h != s && h != b && (on_stack(h) || in_buffer(h));
    costs[static_cast<int>(Move::kRight)] = (head_elsewhere ? 1 : 0) + headless_stack_dependents_of(b);
  }
  return costs;
}

}  // namespace storyline::nlp
