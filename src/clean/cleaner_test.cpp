#include "clean/cleaner.h"

#include <gtest/gtest.h>

#include "clean/text_normalizer.h"
#include "core/data_files.h"

namespace storyline::clean {
namespace {

const Cleaner& cleaner() {
  static Cleaner instance = [] {
    auto loaded = Cleaner::load(core::data_dir());
    EXPECT_TRUE(loaded.is_ok()) << loaded.status().message();
    return std::move(*loaded);
  }();
  return instance;
}

RawDocument text_document(std::string body) {
  RawDocument document;
  document.origin = "test.txt";
  document.body = std::move(body);
  return document;
}

TEST(TextNormalizer, RepairsInvalidUtf8AndCountsIt) {
  size_t repairs = 0;
  std::vector<size_t> offsets;
  std::string fixed = repair_utf8("ab\xC3(cd\xFF", repairs, &offsets);
  EXPECT_EQ(repairs, 2u);
  EXPECT_EQ(fixed, "ab\xEF\xBF\xBD(cd\xEF\xBF\xBD");
  EXPECT_EQ(offsets, (std::vector<size_t>{2, 6}));
}

TEST(TextNormalizer, ComposesToNfc) {
  EXPECT_EQ(to_nfc("Jose\xCC\x81"), "Jos\xC3\xA9");  // e + combining acute → é
  EXPECT_EQ(to_nfc("plain"), "plain");
}

TEST(TextNormalizer, FoldsSpacesAndDropsInvisibles) {
  EXPECT_EQ(normalize_whitespace("a\xC2\xA0\xC2\xA0 b\xE2\x80\x8B c\r\nd\re"), "a b c\nd\ne");
}

TEST(Cleaner, FirstLineIsTheHeadlineAndFurnitureIsDropped) {
  auto articles = cleaner().clean(text_document(
      "Ferry line to Solvik reopens after storm\n"
      "By Ana Ruiz\n"
      "The ferry line between Solvik and Marren reopened on Tuesday after a week of repairs.\n"
      "Share this article\n"
      "Officials said the pier would be inspected again next month.\n"
      "Related Stories:\n"
      "Storm closes harbour\n"
      "Pier repairs to cost more\n"
      "Leave a comment\n"));
  ASSERT_TRUE(articles.is_ok()) << articles.status().message();
  ASSERT_EQ(articles->size(), 1u);
  const Article& article = (*articles)[0];
  EXPECT_EQ(article.title, "Ferry line to Solvik reopens after storm");
  EXPECT_EQ(article.byline, "Ana Ruiz");
  EXPECT_EQ(article.text,
            "The ferry line between Solvik and Marren reopened on Tuesday after a week of repairs.\n"
            "Officials said the pier would be inspected again next month.");
  EXPECT_FALSE(article.id.empty());
}

TEST(Cleaner, SourceMarkBecomesTheOutletNotText) {
  auto articles = cleaner().clean(text_document(
      "Harbour fees rise\nThe port authority raised fees by four percent on Monday, its first rise in years.\n"
      "SOURCE: www.voanews.com\n"));
  ASSERT_TRUE(articles.is_ok());
  EXPECT_EQ((*articles)[0].source, "Voice of America");
  EXPECT_EQ((*articles)[0].source_domain, "voanews.com");
  EXPECT_EQ((*articles)[0].text.find("SOURCE"), std::string::npos);
}

TEST(Cleaner, APageOfTwoArticlesFromTwoOutletsGivesTwoArticles) {
  auto articles = cleaner().clean(text_document(
      "Photo: the new pier at Solvik at dawn\n"
      "NORTHERN WIRE | Published March 3, 2026\n"
      "The new pier at Solvik opened to ferries on Tuesday, two weeks later than planned.\n"
      "The harbour master said traffic would return to normal within days.\n"
      "Local businesses welcomed the reopening after a difficult winter.\n"
      "READ FULL ARTICLE\n"
      "SOURCE: northernwire.example\n"
      "RELATED: Marren ferry timetable restored\n"
      "Passengers queue at the Marren terminal\n"
      "Coastal Times | Published March 4, 2026\n"
      "Ferries between Marren and Solvik ran to the full timetable on Wednesday.\n"
      "The operator said it had added two evening crossings for the season.\n"
      "READ FULL ARTICLE\n"
      "SOURCE: coastaltimes.example\n"
      "Be the first to comment\n"));
  ASSERT_TRUE(articles.is_ok()) << articles.status().message();
  ASSERT_EQ(articles->size(), 2u);
  EXPECT_EQ((*articles)[0].source, "Northern Wire");
  EXPECT_EQ((*articles)[0].published, "2026-03-03");
  EXPECT_EQ((*articles)[1].source, "Coastal Times");
  EXPECT_EQ((*articles)[1].published, "2026-03-04");
  EXPECT_EQ((*articles)[1].title, "Marren ferry timetable restored");
  for (const Article& article : *articles) {
    EXPECT_EQ(article.text.find("READ FULL"), std::string::npos);
    EXPECT_EQ(article.text.find("Passengers queue"), std::string::npos) << "captions are not text";
  }
  EXPECT_NE((*articles)[0].id, (*articles)[1].id);
  EXPECT_NE((*articles)[0].origin, (*articles)[1].origin);
}

TEST(Cleaner, LedeAsFirstLineStaysInTheBody) {
  auto articles = cleaner().clean(text_document(
      "The ferry line between Solvik and Marren reopened on Tuesday after a week of repairs that cost the port "
      "authority more than it had planned.\nA second paragraph follows here with more detail.\n"));
  ASSERT_TRUE(articles.is_ok());
  EXPECT_EQ((*articles)[0].text.rfind("The ferry line", 0), 0u);
}

TEST(Cleaner, FeedMetadataWins) {
  RawDocument document = text_document("Body text of the article, long enough to be one.");
  document.title = "Given headline";
  document.source = "harbourledger.example";
  document.published = "2026-03-03T08:00:00Z";
  auto articles = cleaner().clean(document);
  ASSERT_TRUE(articles.is_ok());
  EXPECT_EQ((*articles)[0].title, "Given headline");
  EXPECT_EQ((*articles)[0].text, "Body text of the article, long enough to be one.");
  EXPECT_EQ((*articles)[0].source, "harbourledger.example");
  EXPECT_EQ((*articles)[0].published, "2026-03-03T08:00:00Z");
}

TEST(Cleaner, InvalidUtf8IsRepairedWithAWarningNamingTheInput) {
  auto articles = cleaner().clean(text_document("Headline\nSome text with a bad byte \xFF here.\n"));
  ASSERT_TRUE(articles.is_ok());
  ASSERT_EQ((*articles)[0].warnings.size(), 1u);
  EXPECT_NE((*articles)[0].warnings[0].find("test.txt"), std::string::npos);
  EXPECT_NE((*articles)[0].text.find("\xEF\xBF\xBD"), std::string::npos);
}

TEST(Cleaner, OverlongArticleIsCutWithAWarning) {
  CleanOptions options;
  options.max_article_bytes = 1000;
  std::string body = "Headline\n";
  for (int i = 0; i < 100; ++i) body += "A paragraph of filler text number " + std::to_string(i) + ".\n";
  auto articles = cleaner().clean(text_document(body), options);
  ASSERT_TRUE(articles.is_ok());
  EXPECT_LE((*articles)[0].text.size(), 1000u);
  EXPECT_FALSE((*articles)[0].warnings.empty());
  std::string huge = "Headline\n" + std::string(5000, 'x');
  auto cut = cleaner().clean(text_document(huge), options);
  ASSERT_TRUE(cut.is_ok());
  EXPECT_EQ((*cut)[0].text.size(), 1000u);
}

TEST(Cleaner, EmptyTextIsAnErrorNamingTheOrigin) {
  auto articles = cleaner().clean(text_document("\n\n  \nLeave a comment\n"));
  ASSERT_FALSE(articles.is_ok());
  EXPECT_NE(articles.status().message().find("test.txt"), std::string::npos);
}

// Real articles were refused as "no article text found": a last paragraph
// holding a date was read as the article's dateline, and everything before
// it as its headline and photo captions.
TEST(Cleaner, AnArticleEndingInAShortLineWithADateKeepsItsText) {
  const std::string body =
      "Marren council backs the harbour plan\n"
      "The council of Marren voted to fund the new harbour wall, after a year of debate about its cost.\n"
      "Fishermen had asked for the wall since the storms of the winter before last.\n";
  for (const char* last : {"The vote took place on May 3, 2016.", "Tuesday, May 3, 2016.",
                           "Correction: October 2, 2016, Sunday.", "Nordby left the council on March 3, 2016."}) {
    auto articles = cleaner().clean(text_document(body + last + "\n"));
    ASSERT_TRUE(articles.is_ok()) << last << ": " << articles.status().message();
    ASSERT_EQ(articles->size(), 1u) << last;
    const Article& article = (*articles)[0];
    EXPECT_EQ(article.title, "Marren council backs the harbour plan") << last;
    EXPECT_NE(article.text.find("voted to fund"), std::string::npos) << last;
    EXPECT_NE(article.text.find(last), std::string::npos) << last << ": a sentence is text";
    EXPECT_EQ(article.source, "") << last << ": no outlet is named";
  }
}

TEST(Cleaner, AOneLineArticleWithAnEmptyTitleIsThatLine) {
  RawDocument document = text_document("Ferries between Marren and Solvik run again.");
  document.title = "";
  auto articles = cleaner().clean(document);
  ASSERT_TRUE(articles.is_ok()) << articles.status().message();
  EXPECT_EQ((*articles)[0].text, "Ferries between Marren and Solvik run again.");
}

// Outlets were read from an embedded tweet's markup (author="@..."), a
// correction's label ("Correction: <date>") and a chart's credit ("Source:
// NATO."). An outlet is a publisher: metadata, the URL's host, a dateline.
TEST(Cleaner, MarkupLabelsAndCreditsNameNoOutlet) {
  const std::string lede = "Solvik's pier reopens\nThe pier at Solvik reopened to ferries on Tuesday after repairs.\n";
  for (const char* line :
       {"<tweet id=\"1\" author=\"@harbourfan\" datetime=\"2016-08-23\">Pier open again!</tweet>.",
        "Correction: October 2, 2016.", "Source: NATO.", "Photo: Harbour Ledger", "Chart: Marren Statistics Office"}) {
    auto articles = cleaner().clean(text_document(lede + line + "\nThe harbour master said traffic would return soon.\n"));
    ASSERT_TRUE(articles.is_ok()) << line << ": " << articles.status().message();
    ASSERT_EQ(articles->size(), 1u) << line;
    EXPECT_EQ((*articles)[0].source, "") << line;
  }
  // A dateline still names its outlet, and a SOURCE mark its host.
  auto dated = cleaner().clean(text_document("Harbour Ledger | March 3, 2026\n" + lede));
  ASSERT_TRUE(dated.is_ok());
  EXPECT_EQ((*dated)[0].source, "Harbour Ledger");
  auto marked = cleaner().clean(text_document(lede + "SOURCE: www.dw.com\n"));
  ASSERT_TRUE(marked.is_ok());
  EXPECT_EQ((*marked)[0].source, "DW");
}

TEST(Cleaner, SameArticleTwiceHasTheSameId) {
  auto first = cleaner().clean(text_document("Headline\nSame body.\n"));
  auto second = cleaner().clean(text_document("Headline\r\nSame  body.\r\n"));
  ASSERT_TRUE(first.is_ok() && second.is_ok());
  EXPECT_EQ((*first)[0].id, (*second)[0].id);
}

TEST(Outlets, CanonicalNames) {
  const OutletDirectory& outlets = cleaner().outlets();
  EXPECT_EQ(outlets.canonical_name("VOICE OF AMERICA"), "Voice of America");
  EXPECT_EQ(outlets.canonical_name("www.dw.com"), "DW");
  EXPECT_EQ(outlets.canonical_name("NORTHERN WIRE"), "Northern Wire");
  EXPECT_EQ(outlets.canonical_name("DW"), "DW");
  EXPECT_EQ(OutletDirectory::host_of("https://www.harbourledger.example/news/1"), "harbourledger.example");
}

}  // namespace
}  // namespace storyline::clean
