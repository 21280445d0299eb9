#include "nlp/recognizer.h"

#include <gtest/gtest.h>

#include "nlp/conllu.h"
#include "nlp/nlp_test_corpus.h"
#include "nlp/recognizer_training.h"
#include "nlp/tagger_training.h"

namespace storyline::nlp {
namespace {

const std::vector<EntityType> kTypes = {EntityType::kPerson, EntityType::kOrganization, EntityType::kPlace};

// Knows "Solvik" as a place and "Anna" as a given name.
class TinyGazetteer : public Gazetteer {
 public:
  size_t max_phrase_words() const override { return 2; }
  uint8_t phrase_kinds(std::string_view phrase) const override {
    return phrase == "Solvik" ? kPhrasePlace : phrase == "North Varno" ? kPhrasePlace : 0;
  }
  uint8_t word_kinds(std::string_view word) const override { return word == "Anna" ? kWordGivenName : 0; }
};

TEST(Recognizer, BilouFromIobAndBack) {
  std::vector<int> tags;
  size_t bad = 0;
  ASSERT_TRUE(bilou_from_iob({"B-PER", "I-PER", "O", "B-LOC", "B-ORG", "I-ORG", "I-ORG"}, kTypes, tags, bad));
  EXPECT_EQ(tags, (std::vector<int>{1, 3, 0, 12, 5, 6, 7}));
  std::vector<RecognizedEntity> entities;
  bilou_entities(tags, kTypes, entities);
  ASSERT_EQ(entities.size(), 3u);
  EXPECT_EQ(entities[0].first, 0u);
  EXPECT_EQ(entities[0].last, 1u);
  EXPECT_EQ(entities[1].type, EntityType::kPlace);
  EXPECT_EQ(entities[2].last, 6u);
  EXPECT_FALSE(bilou_from_iob({"B-MISC"}, kTypes, tags, bad));
}

TEST(Recognizer, OnlyWellFormedSequencesAreAllowed) {
  EXPECT_TRUE(bilou_allowed(-1, 1, false));   // B-PER
  EXPECT_FALSE(bilou_allowed(-1, 2, false));  // I-PER without B
  EXPECT_FALSE(bilou_allowed(1, 0, false));   // O inside an open PER
  EXPECT_FALSE(bilou_allowed(1, 7, false));   // L-ORG after B-PER
  EXPECT_TRUE(bilou_allowed(1, 3, false));    // L-PER
  EXPECT_FALSE(bilou_allowed(-1, 1, true));   // B on the last word
  EXPECT_TRUE(bilou_allowed(3, 4, true));     // U-PER after L-PER
}

TEST(Recognizer, GazetteerMarksTheLongestNameAtCapitals) {
  const std::string text = "From Solvik to North Varno, Anna said.";
  const std::vector<Span> words = {{0, 4}, {5, 11}, {12, 14}, {15, 20}, {21, 26}, {26, 27}, {28, 32}, {33, 37}, {37, 38}};
  std::vector<GazetteerMark> marks;
  mark_words(TinyGazetteer(), text, words, marks);
  EXPECT_EQ(marks[1].phrase_kinds, kPhrasePlace);
  EXPECT_EQ(marks[1].position, 4);
  EXPECT_EQ(marks[3].position, 1);
  EXPECT_EQ(marks[4].position, 3);
  EXPECT_EQ(marks[5].phrase_kinds, 0);
  EXPECT_EQ(marks[6].word_kinds, kWordGivenName);
}

TEST(Recognizer, LearnsItsTrainingSentencesAndSavesThem) {
  auto treebank = parse_conllu(testing::kTinyTreebank, "tiny");
  auto entities = parse_iob2(testing::kTinyEntities, "tiny");
  ASSERT_TRUE(treebank.is_ok() && entities.is_ok());
  TrainingOptions options;
  options.epochs = 10;
  auto tagger = train_tagger(*treebank, {}, options);
  ASSERT_TRUE(tagger.is_ok());
  TinyGazetteer gazetteer;
  auto recognizer = train_recognizer(*entities, {}, {}, *tagger, gazetteer, options);
  ASSERT_TRUE(recognizer.is_ok()) << recognizer.status().message();
  auto examples = recognizer_examples(*entities, recognizer->types(), *tagger, FoldTaggers{}, gazetteer);
  ASSERT_TRUE(examples.is_ok());
  const EntityScores scores = score_recognizer(*recognizer, *examples);
  EXPECT_EQ(scores.gold, 3u);
  EXPECT_EQ(scores.f1(), 1.0);
  const std::string path = ::testing::TempDir() + "/storyline_recognizer_test.model";
  ASSERT_TRUE(recognizer->save(path, {}).is_ok());
  auto loaded = Recognizer::load(path);
  ASSERT_TRUE(loaded.is_ok()) << loaded.status().message();
  EXPECT_EQ(score_recognizer(*loaded, *examples).f1(), 1.0);
  std::remove(path.c_str());
}

}  // namespace
}  // namespace storyline::nlp
