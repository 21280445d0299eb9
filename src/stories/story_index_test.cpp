#include "stories/story_index.h"
#include "stories/stories_stage.h"

#include <gtest/gtest.h>

#include "core/data_files.h"
#include "stories/sentence_alignment.h"
#include "segment/segmenter.h"

namespace storyline::stories {
namespace {

FeatureExtractor& extractor() {
  static FeatureExtractor instance = *FeatureExtractor::load(core::data_dir());
  return instance;
}

Article article(const std::string& title, const std::string& text) {
  Article a;
  a.title = title;
  a.text = text;
  static segment::Segmenter segmenter = *segment::Segmenter::create(core::data_dir());
  segmenter.segment(a);
  return a;
}

const std::string kPier =
    "The ferry line between Solvik and Marren reopened on Tuesday after a week of repairs to the pier.\n"
    "Harbour master Lena Okafor said the first crossing carried forty passengers and nine lorries.\n"
    "The repairs cost more than planned and the board will ask the regional council for a grant.\n"
    "Fishermen said the storm had damaged boats along the whole coast of the island.\n";

TEST(MinHash, CopiesScoreHighAndOtherTextsLow) {
  ArticleFeatures original = extractor().extract(article("Pier reopens", kPier));
  std::string trimmed = kPier.substr(0, kPier.rfind("Fishermen"));
  ArticleFeatures copy = extractor().extract(article("Ferry back after storm", "By Wire Staff\n" + trimmed));
  ArticleFeatures other = extractor().extract(article("Council budget", "The council approved its budget for the "
      "coming year on Monday after a long debate about schools, roads and the cost of the new library.\n"));
  EXPECT_GT(estimate_jaccard(original.signature, copy.signature), 0.6);
  EXPECT_LT(estimate_jaccard(original.signature, other.signature), 0.1);
}

TEST(MinHash, FeaturesRoundTripThroughTheStore) {
  ArticleFeatures features = extractor().extract(article("Pier reopens", kPier));
  auto decoded = decode_features(encode_features(features));
  ASSERT_TRUE(decoded.is_ok());
  EXPECT_EQ(decoded->signature, features.signature);
  EXPECT_EQ(decoded->terms.size(), features.terms.size());
  EXPECT_FALSE(decode_features("short").is_ok());
}

TEST(StoryIndex, CopiesAreFoundAndJoinTheirOriginalsStory) {
  StoryIndex index;
  Placement first = index.add(1, 20000, extractor().extract(article("Pier reopens", kPier)));
  EXPECT_TRUE(first.new_story);
  Placement unrelated = index.add(2, 20000, extractor().extract(article("Council budget", "The council approved "
      "its budget for the coming year on Monday after a long debate about schools and roads.\n")));
  EXPECT_TRUE(unrelated.new_story);
  EXPECT_NE(unrelated.story, first.story);
  Placement copy = index.add(3, 20001, extractor().extract(article("Ferry back", kPier)));
  ASSERT_EQ(copy.duplicates.size(), 1u);
  EXPECT_EQ(copy.duplicates[0].row, 1);
  EXPECT_EQ(copy.story, first.story);
}

TEST(StoryIndex, ArticlesOutsideTheTimeWindowStartANewStory) {
  StoryIndex index;
  Placement first = index.add(1, 20000, extractor().extract(article("Pier reopens", kPier)));
  std::string retold = "A year later the ferry line between Solvik and Marren reopened again after repairs to the "
                       "pier, and the harbour master said passengers and lorries were back.\n";
  Placement later = index.add(2, 20400, extractor().extract(article("Pier reopens again", retold)));
  EXPECT_NE(later.story, first.story);
}

TEST(StoryIndex, ThousandsOfIdenticalCopiesStayCheap) {
  StoryIndex index;
  ArticleFeatures features = extractor().extract(article("Pier reopens", kPier));
  for (int i = 1; i <= 5000; ++i) {
    Placement placement = index.add(i, 20000, features);
    // Buckets keep their most recent members only: each copy is compared
    // with a bounded number of earlier ones.
    EXPECT_LE(placement.duplicates.size(), 128u);
  }
  EXPECT_EQ(index.size(), 5000u);
}

TEST(StoryIndex, EmptyAndOneWordArticlesDoNotCrash) {
  StoryIndex index;
  index.add(1, -1, extractor().extract(article("", "")));
  index.add(2, -1, extractor().extract(article("Word", "word")));
  Placement third = index.add(3, -1, extractor().extract(article("", "")));
  EXPECT_GT(third.story, 0);
}

TEST(SentenceAlignment, ARewriteAlignsSentenceBySentence) {
  Article original = article("Pier reopens", kPier);
  Article rewrite = article("Solvik ferry back",
                            "After a week of work on the damaged pier, ferries between Marren and Solvik resumed on Tuesday.\n"
                            "Forty passengers and nine lorries made the first crossing, harbour master Lena Okafor said.\n"
                            "The board plans to seek a regional council grant because the repairs cost more than planned.\n"
                            "Boats along the island's coast were damaged by the storm, according to fishermen.\n"
                            "Okafor thanked the repair crews, who had worked through the night.\n");
  Alignment alignment = align_sentences(rewrite, original, extractor());
  EXPECT_EQ(alignment.pairs.size(), 4u);
  EXPECT_GE(alignment.coverage, 0.99);
  EXPECT_DOUBLE_EQ(alignment.in_order, 1.0);
  Article other = article("Budget", "The council approved its budget on Monday.\nSchools get more money.\n");
  EXPECT_FALSE(is_rewrite(align_sentences(other, original, extractor())));
}

TEST(StoriesStage, DayNumbers) {
  EXPECT_EQ(day_number("1970-01-01"), 0);
  EXPECT_EQ(day_number("2025-01-17T10:00:00Z"), 20105);
  EXPECT_EQ(day_number(""), -1);
  EXPECT_EQ(day_number("17/01/2025"), -1);
}

}  // namespace
}  // namespace storyline::stories
