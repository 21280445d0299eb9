#include "nlp/parser.h"

#include <gtest/gtest.h>

#include "nlp/arc_eager.h"
#include "nlp/conllu.h"
#include "nlp/nlp_test_corpus.h"
#include "nlp/parser_training.h"
#include "nlp/tagger_training.h"

namespace storyline::nlp {
namespace {

GoldTree tree(const std::vector<int>& heads) {
  GoldTree gold;
  gold.head.push_back(0);
  gold.label.push_back(0);
  for (int h : heads) {
    gold.head.push_back(h);
    gold.label.push_back(h == 0 ? static_cast<int>(Deprel::kRoot) : static_cast<int>(Deprel::kDep));
  }
  return gold;
}

// Following the cheapest move at every step rebuilds a projective tree.
std::vector<int> oracle_parse(const GoldTree& gold) {
  const int n = static_cast<int>(gold.head.size()) - 1;
  ParseState state(n, static_cast<int>(Deprel::kRoot));
  while (!state.terminal()) {
    const auto costs = move_costs(state, gold);
    const int best = static_cast<int>(std::min_element(costs.begin(), costs.end()) - costs.begin());
    const Move move = static_cast<Move>(best);
    int label = -1;
    if (move == Move::kLeft || move == Move::kRight) label = gold.label[state.arc_dependent(move)];
    if (!state.label_valid(move, label)) label = move == Move::kRight && state.stack_top() == 0 ? static_cast<int>(Deprel::kRoot) : static_cast<int>(Deprel::kDep);
    state.apply(move, label);
  }
  state.finish(static_cast<int>(Deprel::kDep));
  std::vector<int> heads;
  for (int w = 1; w <= n; ++w) heads.push_back(state.head(w));
  return heads;
}

TEST(ArcEager, OracleRebuildsProjectiveTrees) {
  for (const std::vector<int>& heads : std::vector<std::vector<int>>{
           {2, 3, 0, 3, 3}, {0, 1, 2, 3}, {4, 4, 4, 0}, {2, 0, 4, 2, 6, 4, 2}, {3, 3, 0, 6, 6, 3, 3}}) {
    EXPECT_EQ(oracle_parse(tree(heads)), heads);
  }
}

TEST(ArcEager, OneRootOnlyAndEveryWordGetsAHead) {
  ParseState state(3, static_cast<int>(Deprel::kRoot));
  EXPECT_FALSE(state.valid(Move::kReduce));  // the root is not popped
  EXPECT_FALSE(state.valid(Move::kLeft));
  EXPECT_TRUE(state.label_valid(Move::kRight, static_cast<int>(Deprel::kRoot)));
  EXPECT_FALSE(state.label_valid(Move::kRight, static_cast<int>(Deprel::kNsubj)));
  state.apply(Move::kRight, static_cast<int>(Deprel::kRoot));  // word 1 hangs from the root
  state.apply(Move::kReduce, -1);
  EXPECT_FALSE(state.valid(Move::kRight));  // a second root is not allowed
  state.apply(Move::kShift, -1);
  state.apply(Move::kShift, -1);
  EXPECT_TRUE(state.terminal());
  state.finish(static_cast<int>(Deprel::kDep));
  EXPECT_EQ(state.head(1), 0);
  EXPECT_EQ(state.head(2), 1);
  EXPECT_EQ(state.head(3), 1);
}

TEST(Parser, LearnsItsTrainingSentencesAndSavesThem) {
  auto treebank = parse_conllu(testing::kTinyTreebank, "tiny");
  ASSERT_TRUE(treebank.is_ok());
  TrainingOptions options;
  options.epochs = 30;
  auto tagger = train_tagger(*treebank, {}, options);
  ASSERT_TRUE(tagger.is_ok());
  auto parser = train_parser(*treebank, {}, *tagger, options);
  ASSERT_TRUE(parser.is_ok()) << parser.status().message();
  const AttachmentScores scores = score_parser(*parser, *tagger, *treebank);
  EXPECT_EQ(scores.las(), 1.0);
  const std::string path = ::testing::TempDir() + "/storyline_parser_test.model";
  ASSERT_TRUE(parser->save(path, {{"trained-on", "tiny"}}).is_ok());
  auto loaded = Parser::load(path);
  ASSERT_TRUE(loaded.is_ok()) << loaded.status().message();
  EXPECT_EQ(score_parser(*loaded, *tagger, *treebank).las(), 1.0);
  std::remove(path.c_str());
}

TEST(Parser, AnySentenceGetsATreeWithOneRoot) {
  auto treebank = parse_conllu(testing::kTinyTreebank, "tiny");
  ASSERT_TRUE(treebank.is_ok());
  TrainingOptions options;
  options.epochs = 2;
  auto tagger = train_tagger(*treebank, {}, options);
  auto parser = train_parser(*treebank, {}, *tagger, options);
  ASSERT_TRUE(parser.is_ok());
  for (size_t n : {1u, 2u, 7u, 60u}) {
    std::vector<std::string> forms;
    for (size_t i = 0; i < n; ++i) forms.push_back(i % 3 ? "ferry" : ",");
    std::vector<std::string_view> views(forms.begin(), forms.end());
    std::vector<WordInfo> words;
    describe_words(views, words);
    std::vector<Upos> tags;
    tagger->tag(words, tags);
    ParseResult result;
    parser->parse({&words, &tags}, result);
    ASSERT_EQ(result.heads.size(), n);
    int roots = 0;
    for (size_t i = 0; i < n; ++i) {
      roots += result.heads[i] == -1;
      EXPECT_GE(result.heads[i], -1);
      EXPECT_LT(result.heads[i], static_cast<int>(n));
      EXPECT_NE(result.heads[i], static_cast<int>(i));
      EXPECT_EQ(result.heads[i] == -1, result.labels[i] == Deprel::kRoot);
    }
    EXPECT_EQ(roots, 1);
  }
}

}  // namespace
}  // namespace storyline::nlp
