#include "nlp/conllu.h"

#include <gtest/gtest.h>

#include "nlp/nlp_test_corpus.h"

namespace storyline::nlp {
namespace {

TEST(Conllu, ReadsWordsHeadsAndMultiwordTokens) {
  const std::string text =
      "# newdoc id = d1\n# sent_id = s1\n# text = I don't.\n"
      "1\tI\tI\tPRON\tPRP\t_\t3\tnsubj\t_\t_\n"
      "2-3\tdon't\t_\t_\t_\t_\t_\t_\t_\tSpaceAfter=No\n"
      "2\tdo\tdo\tAUX\tVBP\t_\t0\troot\t_\t_\n"
      "3\tn't\tnot\tPART\tRB\t_\t2\tadvmod\t_\t_\n"
      "3.1\tx\tx\tX\tX\t_\t_\t_\t2:dep\t_\n"
      "4\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n\n";
  auto sentences = parse_conllu(text, "test");
  ASSERT_TRUE(sentences.is_ok()) << sentences.status().message();
  ASSERT_EQ(sentences->size(), 1u);
  const ConlluSentence& s = (*sentences)[0];
  EXPECT_EQ(s.newdoc_id, "d1");
  EXPECT_EQ(s.sent_id, "s1");
  EXPECT_EQ(s.text, "I don't.");
  ASSERT_EQ(s.words.size(), 4u);  // the empty node 3.1 is not a word
  EXPECT_EQ(s.words[1].form, "do");
  EXPECT_EQ(s.words[2].head, 2);
  ASSERT_EQ(s.multiwords.size(), 1u);
  EXPECT_EQ(s.multiwords[0].first, 1u);
  EXPECT_EQ(s.multiwords[0].last, 2u);
  EXPECT_TRUE(no_space_after(s.multiwords[0].misc));
}

TEST(Conllu, MalformedInputNamesTheLine) {
  auto fields = parse_conllu("1\tword\tword\n", "bad.conllu");
  ASSERT_FALSE(fields.is_ok());
  EXPECT_NE(fields.status().message().find("bad.conllu:1"), std::string::npos);
  auto head = parse_conllu("1\ta\ta\tX\tX\t_\t7\tdep\t_\t_\n\n", "bad.conllu");
  ASSERT_FALSE(head.is_ok());
  EXPECT_NE(head.status().message().find("head 7"), std::string::npos);
  auto order = parse_conllu("2\ta\ta\tX\tX\t_\t0\troot\t_\t_\n\n", "bad.conllu");
  EXPECT_FALSE(order.is_ok());
}

TEST(Conllu, ReadsIob2AndRejectsUnknownTags) {
  auto sentences = parse_iob2(testing::kTinyEntities, "tiny");
  ASSERT_TRUE(sentences.is_ok()) << sentences.status().message();
  ASSERT_EQ(sentences->size(), 3u);
  EXPECT_EQ((*sentences)[0].tags[1], "B-PER");
  EXPECT_EQ((*sentences)[0].text, "Mayor Anna Vey signed the harbour treaties.");
  EXPECT_FALSE(parse_iob2("1\tx\tPER\t-\t-\n", "bad").is_ok());
}

TEST(Conllu, LocatesWordsInTheirText) {
  const auto spans = locate_words("She did n't see.", {"She", "did", "n't", "see", "."});
  ASSERT_EQ(spans.size(), 5u);
  EXPECT_EQ(spans[2].begin, 8u);
  EXPECT_EQ(spans[4].begin, 15u);
  EXPECT_TRUE(locate_words("abc", {"zzz"})[0].empty());
}

TEST(Conllu, FieldsNeverHoldTabsOrNothing) {
  EXPECT_EQ(conllu_field(""), "_");
  EXPECT_EQ(conllu_field("a\tb\nc"), "a b c");
  EXPECT_EQ(conllu_field("   "), "_");
}

}  // namespace
}  // namespace storyline::nlp
