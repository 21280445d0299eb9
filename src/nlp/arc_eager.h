// The arc-eager transition system (Nivre 2003) with one root, and its
// dynamic oracle (Goldberg and Nivre 2012): for any state, the cost of each
// move is the number of gold arcs it makes unreachable, so a parser can be
// trained on the states its own mistakes lead to.
//
// Words are 1..n; 0 is the artificial root at the bottom of the stack.
// Moves: SHIFT (push the buffer's front), REDUCE (pop a word that has its
// head), LEFT-ARC (the front becomes the head of the stack's top, which is
// popped), RIGHT-ARC (the stack's top becomes the head of the front, which
// is pushed). An arc carries a relation; only one word may hang from the
// root, and only with the root relation.
#pragma once

#include <array>
#include <cstdint>
#include <vector>

namespace storyline::nlp {

enum class Move : uint8_t { kShift, kReduce, kLeft, kRight };

class ParseState {
 public:
  static constexpr int kNone = -1;

  // `root_label`: the relation of the root's dependent ("root").
  ParseState(int words, int root_label);

  int words() const { return n_; }
  int root_label() const { return root_label_; }
  bool terminal() const { return buffer_ > n_; }
  bool root_taken() const { return root_taken_; }
  int stack_top() const { return stack_.back(); }
  int stack_below() const { return stack_.size() >= 2 ? stack_[stack_.size() - 2] : kNone; }
  const std::vector<int>& stack() const { return stack_; }
  // The buffer's k-th word (0 = front), kNone past the end.
  int buffer(int k) const { return buffer_ + k <= n_ ? buffer_ + k : kNone; }

  int head(int w) const { return head_[w]; }
  int label(int w) const { return label_[w]; }
  int leftmost(int w) const { return left1_[w]; }
  int second_leftmost(int w) const { return left2_[w]; }
  int rightmost(int w) const { return right1_[w]; }
  int second_rightmost(int w) const { return right2_[w]; }
  int left_count(int w) const { return left_count_[w]; }
  int right_count(int w) const { return right_count_[w]; }
  uint64_t left_labels(int w) const { return left_labels_[w]; }
  uint64_t right_labels(int w) const { return right_labels_[w]; }

  bool valid(Move move) const;
  // Whether the arc `move` adds may carry `label` (the root relation from
  // the root only, and only there).
  bool label_valid(Move move, int label) const;
  // The arc's head and dependent for kLeft and kRight.
  int arc_head(Move move) const { return move == Move::kLeft ? buffer_ : stack_.back(); }
  int arc_dependent(Move move) const { return move == Move::kLeft ? stack_.back() : buffer_; }

  // REQUIRES: valid(move), and label_valid(move, label) for an arc.
  void apply(Move move, int label);

  // Attaches every word left without a head once the buffer is empty: the
  // first one to the root when no word hangs from it yet, the rest to the
  // root's dependent with `fallback_label`. After this every word has a head.
  void finish(int fallback_label);

 private:
  void attach(int head, int dependent, int label);

  int n_;
  int root_label_;
  bool root_taken_ = false;
  int buffer_ = 1;
  std::vector<int> stack_;
  std::vector<int> head_, label_, left1_, left2_, right1_, right2_;
  std::vector<uint8_t> left_count_, right_count_;
  std::vector<uint64_t> left_labels_, right_labels_;
};

// The gold tree for the dynamic oracle: heads (0 = root) and relations of words 1..n.
struct GoldTree {
  std::vector<int> head;   // size n + 1; head[0] unused
  std::vector<int> label;  // size n + 1
};

inline constexpr int kInvalidCost = 1 << 20;

// The number of reachable gold arcs each move loses (kInvalidCost when the
// move is not valid), ignoring relations: an arc move's relation costs one
// more when its arc is a gold arc and the relation is not gold.label of the
// dependent.
std::array<int, 4> move_costs(const ParseState& state, const GoldTree& gold);

}  // namespace storyline::nlp
