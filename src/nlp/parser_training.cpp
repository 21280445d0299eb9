// Training the parser (parser_training.h): greedy arc-eager parsing of each
// training sentence; at every state the dynamic oracle says which
// transitions lose no reachable gold arc, the perceptron is updated when its
// best valid transition is not one of them, and the parse goes on along the
// model's own choice (exploration) or the best zero-cost one.
#include "nlp/parser_training.h"

#include <algorithm>
#include <chrono>
#include <random>

#include "nlp/perceptron.h"
#include "nlp/tagger_training.h"

namespace storyline::nlp {

namespace {

struct ParseExample {
  std::vector<WordInfo> words;
  std::vector<Upos> tags;
  GoldTree gold;
};

Result<GoldTree> gold_tree(const ConlluSentence& s) {
  GoldTree gold;
  gold.head.assign(s.words.size() + 1, 0);
  gold.label.assign(s.words.size() + 1, 0);
  for (size_t i = 0; i < s.words.size(); ++i) {
    Deprel deprel;
    if (!deprel_from_name(s.words[i].deprel, deprel))
      return Status::invalid_input("sentence " + s.sent_id + ": relation '" + s.words[i].deprel + "' is not UD English's");
    gold.head[i + 1] = s.words[i].head;
    gold.label[i + 1] = static_cast<int>(deprel);
  }
  return gold;
}

}  // namespace

AttachmentScores score_parser(const Parser& parser, const Tagger& tagger, const std::vector<ConlluSentence>& sentences) {
  AttachmentScores scores;
  std::vector<WordInfo> words;
  std::vector<Upos> tags;
  ParseResult result;
  for (const ConlluSentence& s : sentences) {
    describe_words(word_forms(s), words);
    tagger.tag(words, tags);
    parser.parse({&words, &tags}, result);
    for (size_t i = 0; i < s.words.size(); ++i) {
      ++scores.words;
      if (result.heads[i] + 1 != s.words[i].head) continue;
      ++scores.heads_right;
      scores.arcs_right += deprel_name(result.labels[i]) == s.words[i].deprel;
    }
  }
  return scores;
}

Result<Parser> train_parser(const std::vector<ConlluSentence>& train, const std::vector<ConlluSentence>& dev,
                            const Tagger& tagger, const TrainingOptions& options) {
  const int root_label = static_cast<int>(Deprel::kRoot);
  FoldTaggers fold_taggers;
  if (options.jackknife_folds > 1) {
    auto taggers = train_fold_taggers(train, options.jackknife_folds, options);
    if (!taggers) return taggers.status();
    fold_taggers = std::move(*taggers);
  }
  std::vector<ParseExample> examples;
  examples.reserve(train.size());
  for (size_t i = 0; i < train.size(); ++i) {
    ParseExample e;
    describe_words(word_forms(train[i]), e.words);
    const Tagger& own = fold_taggers.taggers.empty() ? tagger : fold_taggers.for_sentence(train[i].sent_id);
    own.tag(e.words, e.tags);
    auto gold = gold_tree(train[i]);
    if (!gold) return gold.status();
    e.gold = std::move(*gold);
    examples.push_back(std::move(e));
  }

  PerceptronTrainer trainer(kTransitionCount);
  std::vector<size_t> order(examples.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::mt19937_64 explore(options.seed);
  std::vector<uint64_t> features;
  std::vector<float> scores(kTransitionCount);
  std::vector<int> costs(kTransitionCount);
  for (int epoch = 1; epoch <= options.epochs; ++epoch) {
    const auto started = std::chrono::steady_clock::now();
    deterministic_shuffle(order, options.seed + static_cast<uint64_t>(epoch));
    size_t steps = 0, mistakes = 0;
    for (size_t index : order) {
      const ParseExample& e = examples[index];
      ParserInput input{&e.words, &e.tags};
      ParseState state(static_cast<int>(e.words.size()), root_label);
      while (!state.terminal()) {
        parser_features(state, input, features);
        trainer.score(features, scores.data());
        // A transition's cost: its move's, plus one for a gold arc with the wrong relation.
        const std::array<int, 4> move_cost = move_costs(state, e.gold);
        int guess = -1, best_right = -1, min_cost = kInvalidCost;
        for (int t = 0; t < kTransitionCount; ++t) {
          costs[t] = kInvalidCost;
          if (!transition_valid(state, t)) continue;
          const Move move = move_of(t);
          costs[t] = move_cost[static_cast<int>(move)];
          if (t >= 2) {
            const int dependent = state.arc_dependent(move);
            if (e.gold.head[dependent] == state.arc_head(move) && label_of(t) != e.gold.label[dependent]) ++costs[t];
          }
          min_cost = std::min(min_cost, costs[t]);
          if (guess < 0 || scores[t] > scores[guess]) guess = t;
        }
        if (guess < 0) break;
        for (int t = 0; t < kTransitionCount; ++t) {
          if (costs[t] == min_cost && (best_right < 0 || scores[t] > scores[best_right])) best_right = t;
        }
        ++steps;
        if (costs[guess] != min_cost) {
          ++mistakes;
          trainer.update(features, best_right, guess);
        }
        trainer.tick();
        const bool follow_model = epoch >= options.explore_from_epoch &&
                                  std::uniform_real_distribution<double>(0, 1)(explore) < options.explore_probability;
        const int chosen = follow_model ? guess : best_right;
        state.apply(move_of(chosen), label_of(chosen));
      }
    }
    if (options.log) {
      const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
      std::string line = "epoch " + std::to_string(epoch) + ": " + std::to_string(trainer.features()) +
                         " features, wrong transitions " +
                         std::to_string(static_cast<double>(mistakes) / static_cast<double>(std::max<size_t>(steps, 1)));
      if (!dev.empty() && (epoch == options.epochs || epoch % 2 == 0)) {
        Parser averaged(trainer.average(options.min_weight));
        AttachmentScores s = score_parser(averaged, tagger, dev);
        line += ", dev UAS " + std::to_string(s.uas()) + " LAS " + std::to_string(s.las());
      }
      line += " (" + std::to_string(seconds) + " s)";
      options.log(line);
    }
  }
  return Parser(trainer.average(options.min_weight));
}

}  // namespace storyline::nlp
