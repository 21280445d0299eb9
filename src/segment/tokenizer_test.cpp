#include "segment/tokenizer.h"

#include <gtest/gtest.h>

#include "core/data_files.h"

namespace storyline::segment {
namespace {

std::vector<std::string> words(std::string_view text) {
  auto tokenizer = Tokenizer::create(core::data_dir());
  EXPECT_TRUE(tokenizer.is_ok());
  std::vector<std::string> out;
  for (Span span : tokenizer->tokenize(text)) out.emplace_back(slice(text, span));
  return out;
}

using Words = std::vector<std::string>;

TEST(Tokenizer, CliticsStandApart) {
  EXPECT_EQ(words("We don't think Solvik's mayor won't sign."),
            (Words{"We", "do", "n't", "think", "Solvik", "'s", "mayor", "wo", "n't", "sign", "."}));
  EXPECT_EQ(words("I'm sure they've left, you'll see."),
            (Words{"I", "'m", "sure", "they", "'ve", "left", ",", "you", "'ll", "see", "."}));
  EXPECT_EQ(words("The ferry’s owner can’t say."), (Words{"The", "ferry", "’s", "owner", "ca", "n’t", "say", "."}));
  EXPECT_EQ(words("We cannot wait, gonna go."), (Words{"We", "can", "not", "wait", ",", "gon", "na", "go", "."}));
}

TEST(Tokenizer, HyphensSplitExceptAfterPrefixesAndBetweenDigits) {
  EXPECT_EQ(words("A well-known co-owner of Al-Varno sent an e-mail."),
            (Words{"A", "well", "-", "known", "co-owner", "of", "Al", "-", "Varno", "sent", "an", "e-mail", "."}));
  EXPECT_EQ(words("Call 555-0143 about the 2019-2020 season."),
            (Words{"Call", "555-0143", "about", "the", "2019-2020", "season", "."}));
}

TEST(Tokenizer, AbbreviationsKeepTheirPeriod) {
  EXPECT_EQ(words("Dr. Vey met U.S. envoys at 5 p.m. on Jan. 4."),
            (Words{"Dr.", "Vey", "met", "U.S.", "envoys", "at", "5", "p.m.", "on", "Jan.", "4", "."}));
  // At the end of a sentence a listed abbreviation gives its period up, as EWT does.
  EXPECT_EQ(words("Bring maps, ropes, etc."), (Words{"Bring", "maps", ",", "ropes", ",", "etc", "."}));
}

TEST(Tokenizer, PunctuationRunsAndQuotes) {
  EXPECT_EQ(words("“Wait...” she said!!! (Really?)"),
            (Words{"“", "Wait", "...", "”", "she", "said", "!!!", "(", "Really", "?", ")"}));
  EXPECT_EQ(words("It cost $5, or 5% more -- and/or less."),
            (Words{"It", "cost", "$", "5", ",", "or", "5", "%", "more", "--", "and", "/", "or", "less", "."}));
  EXPECT_EQ(words("\"Yes,\" he said."), (Words{"\"", "Yes", ",", "\"", "he", "said", "."}));
}

TEST(Tokenizer, AddressesStayWhole) {
  EXPECT_EQ(words("See http://example.org/a-b/c.html, or write to desk@example.org."),
            (Words{"See", "http://example.org/a-b/c.html", ",", "or", "write", "to", "desk@example.org", "."}));
  EXPECT_EQ(words("[www.example.org]"), (Words{"[", "www.example.org", "]"}));
}

TEST(Tokenizer, SpansPointIntoTheTextAndStayInTheRange) {
  auto tokenizer = Tokenizer::create(core::data_dir());
  ASSERT_TRUE(tokenizer.is_ok());
  const std::string text = "First one. Ünïcode wörds\u00a0here.";
  std::vector<Span> spans;
  tokenizer->tokenize(text, {11, static_cast<uint32_t>(text.size())}, spans);
  ASSERT_EQ(spans.size(), 4u);
  EXPECT_EQ(slice(text, spans[0]), "Ünïcode");
  EXPECT_EQ(slice(text, spans[1]), "wörds");  // a no-break space separates words
  EXPECT_EQ(slice(text, spans[2]), "here");
  for (size_t i = 1; i < spans.size(); ++i) EXPECT_LE(spans[i - 1].end, spans[i].begin);
}

TEST(Tokenizer, AnyBytesGiveOrderedSpansInsideTheText) {
  auto tokenizer = Tokenizer::create(core::data_dir());
  ASSERT_TRUE(tokenizer.is_ok());
  std::string text;
  for (int i = 0; i < 2000; ++i) text.push_back(static_cast<char>((i * 7919) % 256));
  const auto spans = tokenizer->tokenize(text);
  uint32_t previous = 0;
  for (Span s : spans) {
    EXPECT_LT(s.begin, s.end);
    EXPECT_GE(s.begin, previous);
    EXPECT_LE(s.end, text.size());
    previous = s.end;
  }
}

}  // namespace
}  // namespace storyline::segment
