#include "segment/segmenter.h"

#include <gtest/gtest.h>

#include "core/data_files.h"

namespace storyline::segment {
namespace {

std::vector<std::string> sentence_texts(std::string_view text) {
  auto segmenter = Segmenter::create(core::data_dir());
  EXPECT_TRUE(segmenter.is_ok());
  std::vector<std::string> out;
  for (Span span : segmenter->sentences(text)) out.emplace_back(slice(text, span));
  return out;
}

TEST(Segmenter, InitialsTitlesAndAcronymsDoNotEndSentences) {
  EXPECT_EQ(sentence_texts("Spokesman Anton K. Veller spoke. Mr. Veller left early. The U.S. President was away."),
            (std::vector<std::string>{"Spokesman Anton K. Veller spoke.", "Mr. Veller left early.",
                                      "The U.S. President was away."}));
}

TEST(Segmenter, QuotesAndQuestionsEndSentences) {
  EXPECT_EQ(sentence_texts("“We will sign,” she said. Will they? Yes!"),
            (std::vector<std::string>{"“We will sign,” she said.", "Will they?", "Yes!"}));
}

TEST(Segmenter, ParagraphsAlwaysEndSentences) {
  EXPECT_EQ(sentence_texts("A headline without a stop\nThen the text."),
            (std::vector<std::string>{"A headline without a stop", "Then the text."}));
}

TEST(Segmenter, SpansPointIntoTheText) {
  auto segmenter = Segmenter::create(core::data_dir());
  ASSERT_TRUE(segmenter.is_ok());
  Article article;
  article.text = "Überraschung in Solvik. Die Fähre fährt.\nZweiter Absatz.";
  segmenter->segment(article);
  ASSERT_EQ(article.paragraphs.size(), 2u);
  ASSERT_EQ(article.sentences.size(), 3u);
  EXPECT_EQ(slice(article.text, article.sentences[1]), "Die Fähre fährt.");
  std::vector<std::string> tokens;
  for (Span span : article.tokens) tokens.emplace_back(slice(article.text, span));
  EXPECT_EQ(tokens.front(), "Überraschung");
  EXPECT_EQ(tokens[3], ".");
  EXPECT_EQ(tokens.back(), ".");
}

TEST(Segmenter, CopiesSegmentIndependently) {
  auto segmenter = Segmenter::create(core::data_dir());
  ASSERT_TRUE(segmenter.is_ok());
  Segmenter copy(*segmenter);
  EXPECT_EQ(copy.sentences("One. Two.").size(), 2u);
  EXPECT_EQ(segmenter->sentences("One. Two. Three.").size(), 3u);
}

}  // namespace
}  // namespace storyline::segment
