#include "quotes/quote_finder.h"

#include <gtest/gtest.h>

#include <random>

#include "core/data_files.h"
#include "quotes/quote_marks.h"
#include "segment/segmenter.h"

namespace storyline::quotes {
namespace {

Article article(const std::string& text) {
  Article a;
  a.text = text;
  static segment::Segmenter segmenter = *segment::Segmenter::create(core::data_dir());
  segmenter.segment(a);
  return a;
}

const QuoteFinder& finder() {
  static QuoteFinder instance = *QuoteFinder::create(core::data_dir());
  return instance;
}

struct Seen {
  std::string text, speaker, cue;
  bool direct;
  std::vector<std::string> via;
  int64_t entity;
};

std::vector<Seen> quotes_of(const Article& a) {
  std::vector<Seen> out;
  for (const FoundQuote& q : finder().find(a))
    out.push_back({std::string(slice(a.text, q.text)), q.speaker, q.cue_word, q.direct, q.via, q.entity_id});
  return out;
}

std::vector<Seen> quotes_of(const std::string& text) { return quotes_of(article(text)); }

TEST(QuoteMarks, PairsCurlyAndStraightMarksAndCarriesQuotesOverParagraphs) {
  std::string text = "He said \"yes\" and “no”.\n“The first part.\n“The second part,” she said.\nA “dangling\n";
  Article a = article(text);
  auto stretches = find_quoted_stretches(a.text, a.paragraphs);
  ASSERT_EQ(stretches.size(), 4u);
  EXPECT_EQ(slice(text, stretches[0].inner), "yes");
  EXPECT_EQ(slice(text, stretches[1].inner), "no");
  EXPECT_EQ(slice(text, stretches[2].inner), "The first part.\n“The second part,");
  EXPECT_EQ(slice(text, stretches[3].inner), "dangling");
  EXPECT_FALSE(stretches[3].closed);
}

TEST(QuoteMarks, NestedQuotesBelongToTheOuterOneAndBritishSingleQuotesCount) {
  std::string text = "“He told me \"never\" twice,” she said. ‘We will not move,’ the workers’ leader said.";
  Article a = article(text);
  auto stretches = find_quoted_stretches(a.text, a.paragraphs);
  ASSERT_EQ(stretches.size(), 2u);
  EXPECT_EQ(slice(text, stretches[0].inner), "He told me \"never\" twice,");
  EXPECT_EQ(slice(text, stretches[1].inner), "We will not move,");
}

TEST(QuoteFinder, QuoteBeforeItsAttributionAndItsContinuation) {
  auto q = quotes_of(
      "Harbour master Lena Okafor said the pier was safe again after the storm. “We checked every pile twice,” she "
      "said. “Nothing moved.”");
  ASSERT_EQ(q.size(), 3u);
  EXPECT_EQ(q[0].text, "the pier was safe again after the storm");
  EXPECT_FALSE(q[0].direct);
  EXPECT_EQ(q[0].speaker, "Lena Okafor");
  EXPECT_EQ(q[1].text, "We checked every pile twice");
  EXPECT_TRUE(q[1].direct);
  EXPECT_EQ(q[1].speaker, "Lena Okafor");  // "she"
  EXPECT_EQ(q[1].cue, "said");
  EXPECT_EQ(q[2].text, "Nothing moved");
  EXPECT_EQ(q[2].speaker, "Lena Okafor");  // continues the quote before it
}

TEST(QuoteFinder, InvertedAttributionWithStraightQuotesAndFullestName) {
  auto q = quotes_of(
      "Transport minister Tomas Ferreira visited the site on Monday.\n"
      "\"The bridge will reopen in May,\" said Ferreira, who did not give a date.");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].text, "The bridge will reopen in May");
  EXPECT_EQ(q[0].speaker, "Tomas Ferreira");
  EXPECT_EQ(q[0].cue, "said");
}

TEST(QuoteFinder, AttributionBeforeTheQuote) {
  auto q = quotes_of("Ana Ruiz told the council: “We will rebuild the school before winter.”");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].speaker, "Ana Ruiz");
  EXPECT_EQ(q[0].cue, "told");
  EXPECT_EQ(q[0].text, "We will rebuild the school before winter");
}

TEST(QuoteFinder, QuoteOverTwoParagraphsIsOneQuote) {
  auto q = quotes_of("“We lost the harvest in one night.\n“We lost the boats too,” said Ana Ruiz, a farmer.");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].speaker, "Ana Ruiz");
  EXPECT_NE(q[0].text.find("harvest"), std::string::npos);
  EXPECT_NE(q[0].text.find("boats too"), std::string::npos);
}

TEST(QuoteFinder, ChainOfAttributionAndRoleNouns) {
  auto q = quotes_of(
      "Minister Pavel Dorn flew to Tarsk on Sunday.\n"
      "“We have no plans to leave,” the minister told the Kestrel news agency, according to the Daily Lantern.");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].speaker, "Pavel Dorn");
  EXPECT_EQ(q[0].cue, "told");
  EXPECT_EQ(q[0].via, (std::vector<std::string>{"Kestrel", "Daily Lantern"}));
}

TEST(QuoteFinder, ReportedSpeechForms) {
  auto q = quotes_of(
      "Mira Holt said that the ferry would run twice a day from April.\n"
      "The fares will not change, the operator said.\n"
      "According to the port authority, the pier can take larger ships.\n"
      "Repairs cost four million crowns, according to the council.\n"
      "Jon Vale, an engineer at the yard, warned the hull was older than the records showed.");
  ASSERT_EQ(q.size(), 5u);
  EXPECT_EQ(q[0].speaker, "Mira Holt");
  EXPECT_EQ(q[0].text, "the ferry would run twice a day from April");
  EXPECT_EQ(q[1].text, "The fares will not change");
  EXPECT_EQ(q[1].speaker, "operator");
  EXPECT_EQ(q[2].cue, "According to");
  EXPECT_EQ(q[2].speaker, "port authority");
  EXPECT_EQ(q[2].text, "the pier can take larger ships");
  EXPECT_EQ(q[3].speaker, "council");
  EXPECT_EQ(q[3].text, "Repairs cost four million crowns");
  EXPECT_EQ(q[4].speaker, "Jon Vale");
  EXPECT_EQ(q[4].cue, "warned");
  for (const Seen& s : q) EXPECT_FALSE(s.direct);
}

TEST(QuoteFinder, PhrasesHeldUpInQuotesAndNonSpeechAreNotQuotes) {
  EXPECT_TRUE(quotes_of("The council called the plan “a folly” on Monday.").empty());
  EXPECT_TRUE(quotes_of("The union declined to say how many members had voted.").empty());
  EXPECT_TRUE(quotes_of("The deal, which officials say will last a decade, was signed.").empty());
}

TEST(QuoteFinder, SpeakersComeFromEntityMentionsWhenThereAreSome) {
  Article a = article("Dmitri Valk met the press. “The border stays open,” the spokesman said. “For now.”");
  auto span_of = [&](const std::string& words) {
    uint32_t begin = static_cast<uint32_t>(a.text.find(words));
    return Span{begin, static_cast<uint32_t>(begin + words.size())};
  };
  EntityMention valk;
  valk.span = span_of("Dmitri Valk");
  valk.name = "Dmitri A. Valk";
  valk.role = "spokesman";
  valk.local_entity = 0;
  valk.entity_id = 42;
  a.mentions.push_back(valk);
  auto q = quotes_of(a);
  ASSERT_EQ(q.size(), 2u);
  EXPECT_EQ(q[0].speaker, "Dmitri A. Valk");
  EXPECT_EQ(q[0].entity, 42);
  EXPECT_EQ(q[1].speaker, "Dmitri A. Valk");
  EXPECT_EQ(q[1].entity, 42);
}

TEST(QuoteFinder, AppositionAfterAQuoteAndPronounsForTheLatestSpeaker) {
  auto q = quotes_of(
      "“The levees held this time,” Rosa Ibarra, an engineer at the Delta Water Board in Corvo, told the Tidewater "
      "Gazette.\n“Next spring they may not,” she added.");
  ASSERT_EQ(q.size(), 2u);
  EXPECT_EQ(q[0].speaker, "Rosa Ibarra");
  EXPECT_EQ(q[0].cue, "told");
  EXPECT_EQ(q[1].speaker, "Rosa Ibarra");  // not the water board, not the gazette
  EXPECT_EQ(q[1].cue, "added");
}

TEST(QuoteFinder, ParticiplesAndJoinedClausesKeepTheSpeaker) {
  auto q = quotes_of(
      "Mayor Ines Okoro said the tunnel would close for a month, adding that buses would replace the trains.\n"
      "The utility has refused to name the contractor, but has acknowledged that the pumps failed twice.");
  ASSERT_EQ(q.size(), 3u);
  EXPECT_EQ(q[0].speaker, "Ines Okoro");
  EXPECT_EQ(q[1].speaker, "Ines Okoro");
  EXPECT_EQ(q[1].cue, "adding");
  EXPECT_EQ(q[1].text, "buses would replace the trains");
  EXPECT_EQ(q[2].cue, "acknowledged");
  EXPECT_EQ(q[2].text, "the pumps failed twice");
}

TEST(QuoteFinder, NamesThatLookLikeCuesAndNounsThatAreVerbFormsAreNotCues) {
  // "States" in a name, "states" and "reports" as nouns.
  EXPECT_TRUE(quotes_of("Trade between the United States and Peru grew last year.").empty());
  EXPECT_TRUE(quotes_of("Talks between these two states have stalled over fishing rights.").empty());
  // A quoted phrase that a word runs into is not a statement, even with a period inside.
  EXPECT_TRUE(quotes_of("The board's memo covers “the most delicate matters.”").empty());
}

TEST(QuoteFinder, TranscriptSpeakerLabels) {
  auto q = quotes_of(
      "Moderator Jan Ostrava questioned Senator Ilse Marek on Sunday.\n"
      "OSTRAVA: Will the canal toll rise next year?\n"
      "MAREK: Not while I chair the committee, it will not.\n"
      "Update: the interview was shortened.");
  ASSERT_EQ(q.size(), 2u);
  EXPECT_EQ(q[0].speaker, "Jan Ostrava");
  EXPECT_EQ(q[0].cue, ":");
  EXPECT_EQ(q[0].text, "Will the canal toll rise next year?");
  EXPECT_EQ(q[1].speaker, "Ilse Marek");
  EXPECT_TRUE(q[1].direct);
}

TEST(QuoteFinder, RoleNounsWithoutAMatchingPersonKeepThePhrase) {
  auto q = quotes_of(
      "Prime Minister Lena Varga met farmers in Oskel.\n"
      "Funding will double next year, Teral's ambassador to Oskel said.");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].speaker, "Teral's ambassador to Oskel");
}

}  // namespace
}  // namespace storyline::quotes

namespace storyline::quotes {
namespace {

// Random sentences built from the words attributions are made of (cues,
// names, pronouns, quote marks of every kind, commas, line breaks): the
// finder must never return a span outside the text, whatever the order.
TEST(QuoteFinder, RandomAttributionSoupKeepsSpansInsideTheText) {
  const std::vector<std::string> words = {
      "said", "told", "according", "to", "he", "she", "they", "the", "spokesman", "Ana", "Ruiz", "Ms.", "Lund",
      "“", "”", "\"", "''", "«", "»", ",", ".", ":", "\n", "that", "and", "while", "adding", "news", "agency",
      "IRNA", "on", "Friday", "Jan.", "17", "2025", "ago", "three", "years", "’s", "—", "U.S.", "de", "la", "X"};
  std::mt19937 random(7);
  for (int round = 0; round < 300; ++round) {
    std::string text;
    int length = 1 + static_cast<int>(random() % 80);
    for (int i = 0; i < length; ++i) {
      text += words[random() % words.size()];
      if (random() % 3) text += ' ';
    }
    Article a = article(text);
    Span all{0, static_cast<uint32_t>(a.text.size())};
    for (const FoundQuote& q : finder().find(a)) {
      EXPECT_TRUE(all.contains(q.text) && q.text.begin <= q.text.end) << text;
      EXPECT_TRUE(all.contains(q.cue)) << text;
      EXPECT_TRUE(all.contains(q.speaker_words)) << text;
    }
  }
}

}  // namespace
}  // namespace storyline::quotes
