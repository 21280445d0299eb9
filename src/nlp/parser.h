// The dependency parser: Universal Dependencies trees (head and relation
// per word) by a greedy arc-eager transition parser (arc_eager.h). An
// averaged perceptron picks each transition (SHIFT, REDUCE, LEFT-ARC with
// its relation, RIGHT-ARC with its relation) from the words and tags on the
// stack and in the buffer, the arcs built so far (heads, outermost
// dependents, their relations, valencies) and distances (Zhang and Nivre
// 2011's feature set). Deciding move and relation together is more
// accurate than deciding them one after the other (1.2 points of UAS on EWT
// dev). Trained with a dynamic oracle by train_parser (parser_training.h)
// from UD English-EWT; data/models/parser.model.
#pragma once

#include <string>
#include <vector>

#include "nlp/arc_eager.h"
#include "nlp/linear_model.h"
#include "nlp/word_features.h"
#include "storyline/document.h"
#include "storyline/status.h"

namespace storyline::nlp {

// What the parser reads of a sentence: per word its WordInfo and tag.
struct ParserInput {
  const std::vector<WordInfo>* words = nullptr;
  const std::vector<Upos>* tags = nullptr;
};

// Heads are word indices 0..n-1, -1 for the sentence's root.
struct ParseResult {
  std::vector<int> heads;
  std::vector<Deprel> labels;
};

// Transitions are numbered SHIFT, REDUCE, LEFT-ARC(r), RIGHT-ARC(r) for
// each relation r (a Deprel value).
inline constexpr int kTransitionCount = 2 + 2 * kDeprelCount;
inline int transition_of(Move move, int label) {
  return move == Move::kShift ? 0 : move == Move::kReduce ? 1 : move == Move::kLeft ? 2 + label : 2 + kDeprelCount + label;
}
inline Move move_of(int transition) {
  return transition == 0 ? Move::kShift : transition == 1 ? Move::kReduce : transition < 2 + kDeprelCount ? Move::kLeft : Move::kRight;
}
inline int label_of(int transition) { return transition < 2 ? -1 : (transition - 2) % kDeprelCount; }
// Whether `transition` may be made in `state`.
inline bool transition_valid(const ParseState& state, int transition) {
  const Move move = move_of(transition);
  if (!state.valid(move)) return false;
  return transition < 2 || state.label_valid(move, label_of(transition));
}

class Parser {
 public:
  Parser() = default;
  explicit Parser(LinearModel model) : model_(std::move(model)) {}

  static Result<Parser> load(const std::string& path);
  Status save(const std::string& path, const std::vector<std::pair<std::string, std::string>>& header) const;

  void parse(const ParserInput& input, ParseResult& result) const;

  const LinearModel& model() const { return model_; }

  // The best valid transition.
  int best_transition(const ParseState& state, const std::vector<uint64_t>& features) const;

 private:
  LinearModel model_;
};

// The features that choose the transition in `state`, shared by parsing and training.
void parser_features(const ParseState& state, const ParserInput& input, std::vector<uint64_t>& out);

}  // namespace storyline::nlp
