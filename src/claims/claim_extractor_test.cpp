#include "claims/claim_extractor.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>

#include "core/data_files.h"

namespace storyline::claims {
namespace {

Article make_article(const std::vector<std::string>& sentences) {
  Article article;
  for (const auto& sentence : sentences) {
    uint32_t begin = static_cast<uint32_t>(article.text.size());
    article.text += sentence;
    article.sentences.push_back({begin, static_cast<uint32_t>(article.text.size())});
    article.text += " ";
  }
  return article;
}

const ClaimExtractor& extractor() {
  static auto loaded = ClaimExtractor::load(core::data_dir());
  EXPECT_TRUE(loaded.is_ok()) << loaded.status().message();
  return *loaded;
}

TEST(ClaimExtractor, FiguresWithWhatTheyCount) {
  Article article = make_article({"The city signed a 30-year lease for the harbour.",
                                  "The port will ship three million tonnes of grain a year."});
  auto claims = extractor().extract(article);
  ASSERT_EQ(claims.size(), 2u);
  EXPECT_EQ(claims[0].kind, "quantity");
  EXPECT_EQ(claims[0].value_text, "30 years");
  EXPECT_EQ(claims[0].what, (std::vector<std::string>{"leas"}));  // stops at the first function word
  EXPECT_EQ(std::string(slice(article.text, claims[0].match)), "30-year");
  EXPECT_EQ(claims[1].value_text, "3 million tonnes a year");
  EXPECT_EQ(claims[1].what, (std::vector<std::string>{"grain"}));
}

TEST(ClaimExtractor, NegativeStatementsKeepWhatTheyNegateAndHeadingsAreSkipped) {
  Article article = make_article({"Harbour Lease Signed", "The lease contains no fishing clause, the mayor said."});
  auto claims = extractor().extract(article);
  ASSERT_EQ(claims.size(), 1u);
  EXPECT_EQ(claims[0].kind, "statement");
  EXPECT_TRUE(claims[0].negated);
  EXPECT_EQ(claims[0].framing, Framing::kAttributed);
  EXPECT_EQ(claims[0].speaker, "");  // "the mayor": no name
  EXPECT_NE(std::find(claims[0].what.begin(), claims[0].what.end(), "fish"), claims[0].what.end());
}

TEST(ClaimExtractor, ADenialOfTheClaimMarksThePreviousSentenceAndCitesIt) {
  Article article = make_article({"Critics accused the mayor of selling four ferries to a private firm.",
                                  "The mayor's office denied the claim on Monday."});
  auto claims = extractor().extract(article);
  ASSERT_EQ(claims.size(), 2u);
  EXPECT_EQ(claims[0].framing, Framing::kDenied);
  EXPECT_TRUE(claims[0].denied_next);
  EXPECT_EQ(claims[1].sentence_index, 1u);  // the denial, as a mention of the same figure
  EXPECT_EQ(claims[1].value_text, "4");
  EXPECT_EQ(claims[1].framing, Framing::kDenied);
}

TEST(ClaimExtractor, SpeakersFromTheWordsBesideTheCueOrFromEntityMentions) {
  Article article = make_article({"Anna Berg, the port director, told reporters the quay has no crane.",
                                  "The old quay still has no working crane, said the director."});
  auto claims = extractor().extract(article);
  ASSERT_EQ(claims.size(), 2u);
  EXPECT_EQ(claims[0].speaker, "Anna Berg");
  EntityMention director;
  director.span = {static_cast<uint32_t>(article.text.find("the director")), 0};
  director.span.end = director.span.begin + 12;
  director.name = "Anna Berg";
  director.type = EntityType::kPerson;
  article.mentions.push_back(director);
  auto with_entities = extractor().extract(article);
  ASSERT_EQ(with_entities.size(), 2u);
  EXPECT_EQ(with_entities[1].speaker, "Anna Berg");
}

TEST(ClaimExtractor, MentionsSurviveTheStore) {
  Article article = make_article({"Investors will put €4bn into the plant, officials said."});
  auto claims = extractor().extract(article);
  ASSERT_EQ(claims.size(), 1u);
  ClaimMention back = claim_from_json(to_json(claims[0]));
  EXPECT_EQ(back.value_text, "4 billion EUR");
  EXPECT_EQ(back.quantity.unit, "EUR");
  EXPECT_EQ(back.content, claims[0].content);
  EXPECT_EQ(back.framing, Framing::kAttributed);
  EXPECT_EQ(back.match, claims[0].match);
}

}  // namespace
}  // namespace storyline::claims

namespace storyline::claims {
namespace {

TEST(ClaimExtractor, AnyBytesGiveSpansInsideTheirSentence) {
  std::mt19937 random(3);
  const std::vector<std::string> pieces = {"12", "bn", "€", "-", "year", " ", "a", "decade", "and", "half", ",", ".",
                                           "\xE2\x80\x99", "\xE2\x80", "\xC2", "not", "denied", "the claim", "\xFF",
                                           "March", "2001", "said", "Anna", "'s", "n't", "u.s.", "%", "$"};
  for (int round = 0; round < 2000; ++round) {
    std::string sentence;
    for (int k = random() % 30; k > 0; --k) sentence += pieces[random() % pieces.size()];
    Article article = make_article({sentence, sentence});
    for (const ClaimMention& m : extractor().extract(article)) {
      ASSERT_LT(m.sentence_index, article.sentences.size());
      EXPECT_TRUE(m.sentence.contains(m.match)) << sentence;
      EXPECT_LE(m.sentence.end, article.text.size());
    }
  }
}

}  // namespace
}  // namespace storyline::claims
