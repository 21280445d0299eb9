#include "nlp/tagger.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>

#include "nlp/conllu.h"
#include "nlp/nlp_test_corpus.h"
#include "nlp/tagger_training.h"

namespace storyline::nlp {
namespace {

std::vector<ConlluSentence> tiny_treebank() {
  auto sentences = parse_conllu(testing::kTinyTreebank, "tiny");
  EXPECT_TRUE(sentences.is_ok()) << sentences.status().message();
  return sentences.is_ok() ? *sentences : std::vector<ConlluSentence>{};
}

std::vector<Upos> tags_of(const Tagger& tagger, const ConlluSentence& sentence) {
  std::vector<WordInfo> words;
  describe_words(word_forms(sentence), words);
  std::vector<Upos> tags;
  tagger.tag(words, tags);
  return tags;
}

std::string file_bytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

TEST(Tagger, LearnsItsTrainingSentences) {
  const auto treebank = tiny_treebank();
  TrainingOptions options;
  options.epochs = 8;
  auto tagger = train_tagger(treebank, {}, options);
  ASSERT_TRUE(tagger.is_ok()) << tagger.status().message();
  for (const ConlluSentence& s : treebank) {
    const auto tags = tags_of(*tagger, s);
    for (size_t i = 0; i < s.words.size(); ++i) EXPECT_EQ(upos_name(tags[i]), s.words[i].upos) << s.words[i].form;
  }
}

TEST(Tagger, SavedModelTagsTheSameAndTrainingIsDeterministic) {
  const auto treebank = tiny_treebank();
  TrainingOptions options;
  options.epochs = 5;
  auto first = train_tagger(treebank, {}, options);
  auto second = train_tagger(treebank, {}, options);
  ASSERT_TRUE(first.is_ok() && second.is_ok());
  const std::string a = ::testing::TempDir() + "/storyline_tagger_a.model";
  const std::string b = ::testing::TempDir() + "/storyline_tagger_b.model";
  ASSERT_TRUE(first->save(a, {{"trained-on", "tiny"}}).is_ok());
  ASSERT_TRUE(second->save(b, {{"trained-on", "tiny"}}).is_ok());
  EXPECT_EQ(file_bytes(a), file_bytes(b));
  auto loaded = Tagger::load(a);
  ASSERT_TRUE(loaded.is_ok()) << loaded.status().message();
  for (const ConlluSentence& s : treebank) EXPECT_EQ(tags_of(*loaded, s), tags_of(*first, s));
  // A model of another kind is refused by name.
  auto wrong = read_model_file(a);
  ASSERT_TRUE(wrong.is_ok());
  wrong->kind = "parser";
  ASSERT_TRUE(write_model_file(b, *wrong).is_ok());
  auto refused = Tagger::load(b);
  ASSERT_FALSE(refused.is_ok());
  EXPECT_NE(refused.status().message().find("not a tagger"), std::string::npos);
  std::remove(a.c_str());
  std::remove(b.c_str());
}

TEST(Lemmatizer, TableFirstThenRulesByTag) {
  const Lemmatizer lemmatizer =
      Lemmatizer::train({{"went", Upos::kVerb, "go"}, {"went", Upos::kVerb, "go"}, {"signed", Upos::kVerb, "sign"}});
  EXPECT_EQ(lemmatizer.lemma("went", Upos::kVerb), "go");
  EXPECT_EQ(lemmatizer.lemma("Went", Upos::kVerb), "go");
  EXPECT_EQ(lemmatizer.size(), 1u);  // "signed" → "sign" is what the rules give anyway
  EXPECT_EQ(lemmatizer.lemma("ministries", Upos::kNoun), "ministry");
  EXPECT_EQ(lemmatizer.lemma("vessels", Upos::kNoun), "vessel");
  EXPECT_EQ(lemmatizer.lemma("crisis", Upos::kNoun), "crisis");
  EXPECT_EQ(lemmatizer.lemma("stopped", Upos::kVerb), "stop");
  EXPECT_EQ(lemmatizer.lemma("signing", Upos::kVerb), "sign");
  EXPECT_EQ(lemmatizer.lemma("Solvik", Upos::kPropn), "Solvik");
  EXPECT_EQ(lemmatizer.lemma("The", Upos::kDet), "the");
}

TEST(WordFeatures, ShapesAndNormalForms) {
  EXPECT_EQ(word_shape("Solvik"), "Xx");
  EXPECT_EQ(word_shape("U.S."), "X.X.");
  EXPECT_EQ(word_shape("1999"), "d");
  EXPECT_EQ(word_shape("Ünïcode"), "uxux");
  EXPECT_EQ(normalized_word("Year-2024"), "year-0000");
  EXPECT_EQ(normalized_word("can’t"), "can't");
  EXPECT_EQ(describe_word("U.S.").lower, describe_word("u.s.").lower);
  EXPECT_NE(describe_word("U.S.").form, describe_word("u.s.").form);
}

}  // namespace
}  // namespace storyline::nlp
