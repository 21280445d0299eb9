#include "claims/framing.h"

#include <gtest/gtest.h>

#include "core/data_files.h"

namespace storyline::claims {
namespace {

SentenceFraming classify(const std::string& text) {
  static auto lexicon = FramingLexicon::load(core::data_dir());
  EXPECT_TRUE(lexicon.is_ok());
  return lexicon->classify(tokenize_claim_text(text, {0, static_cast<uint32_t>(text.size())}));
}

TEST(Framing, EachCueGivesItsFraming) {
  EXPECT_EQ(classify("The ministry signed the deal on Friday.").framing, Framing::kAsserted);
  EXPECT_EQ(classify("The deal is worth more, the minister said.").framing, Framing::kAttributed);
  EXPECT_EQ(classify("According to the agency, the deal is worth more.").framing, Framing::kAttributed);
  EXPECT_EQ(classify("Critics accused the mayor of selling the port.").framing, Framing::kAlleged);
  EXPECT_EQ(classify("The mayor reportedly sold the port.").framing, Framing::kAlleged);
  EXPECT_EQ(classify("A contested part of the pact is the accusation that the city-state sells water.").framing,
            Framing::kAlleged);
  EXPECT_EQ(classify("The mayor denies selling the port.").framing, Framing::kDenied);
  EXPECT_EQ(classify("The port could be sold next year.").framing, Framing::kHedged);
}

TEST(Framing, NegationIsSeparateFromFraming) {
  SentenceFraming f = classify("The treaty doesn't include a defence clause, she said.");
  EXPECT_TRUE(f.negated);
  EXPECT_EQ(f.framing, Framing::kAttributed);
  EXPECT_FALSE(classify("This is not only a trade deal.").negated);
}

TEST(Framing, AParticipleDenialBesideAnAttributionDeniesSomethingElse) {
  SentenceFraming f = classify("The deal has no naval part, the minister said, rejecting reports of a side deal.");
  EXPECT_EQ(f.framing, Framing::kAttributed);
  SentenceFraming anaphoric = classify("The ministry denied the claim on Monday.");
  EXPECT_EQ(anaphoric.framing, Framing::kDenied);
  EXPECT_TRUE(anaphoric.anaphor);
}

}  // namespace
}  // namespace storyline::claims
