#include "ingest/html_extractor.h"

#include <gtest/gtest.h>

namespace storyline::ingest {
namespace {

const char* kPage = R"(<!DOCTYPE html>
<html><head>
<title>Ferry line reopens after storm | Harbour Ledger</title>
<meta property="og:site_name" content="Harbour Ledger">
<meta property="og:title" content="Ferry line between Solvik and Marren reopens">
<meta property="article:published_time" content="2026-03-03T08:15:00+01:00">
<meta name="author" content="Ana Ruiz">
<link rel="canonical" href="https://harbourledger.example/news/ferry-reopens">
<script>var tracking = "never text";</script>
<style>.x { color: red }</style>
</head><body>
<div id="cookie-banner">We use cookies to improve your experience. Accept all cookies.</div>
<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li><li><a href="/sport">Sport</a></li></ul></nav>
<header><h1>Ferry line between Solvik and Marren reopens</h1><p class="byline">By Ana Ruiz</p></header>
<main><article class="story-body">
<p>The ferry line between Solvik and Marren reopened on Tuesday after a week of repairs to the storm-damaged pier, the port authority said.</p>
<div class="share-bar"><a href="#">Share on Facebook</a> <a href="#">Share on X</a></div>
<p>Harbour master Lena Okafor said that the first crossing left at six in the morning, carrying forty passengers and nine lorries.</p>
<figure><img src="pier.jpg"><figcaption>The repaired pier at dawn. Photo: Harbour Ledger</figcaption></figure>
<h2>Costs rose</h2>
<p>The repairs cost more than planned, and the board will ask the regional council for a grant next month, according to the minutes.</p>
</article>
<section class="related-stories"><h3>Related stories</h3><ul>
<li><a href="/a">Storm closes harbour for a week as winds reach record speeds along the coast</a></li>
<li><a href="/b">Pier repairs to cost more than expected, board says after a long meeting</a></li></ul></section>
<div class="comments"><p>Be the first to comment on this article and share your view with other readers.</p></div>
</main>
<footer><p>Copyright 2026 Harbour Ledger. All rights reserved. Contact us at the newsroom for corrections.</p></footer>
</body></html>)";

TEST(HtmlExtractor, KeepsTheArticleAndDropsFurniture) {
  auto page = extract_html(kPage, "https://harbourledger.example/x");
  ASSERT_TRUE(page.is_ok()) << page.status().message();
  ASSERT_EQ(page->articles.size(), 1u);
  const ExtractedArticle& article = page->articles[0];
  EXPECT_NE(article.text.find("reopened on Tuesday"), std::string::npos);
  EXPECT_NE(article.text.find("forty passengers"), std::string::npos);
  EXPECT_NE(article.text.find("Costs rose"), std::string::npos) << "subheadings inside the body stay";
  EXPECT_NE(article.text.find("regional council"), std::string::npos);
  for (const char* furniture : {"cookies", "Home", "Share on", "Related stories", "Storm closes", "first to comment",
                                "Copyright", "never text", "color", "Photo:", "By Ana Ruiz"})
    EXPECT_EQ(article.text.find(furniture), std::string::npos) << furniture << " in:\n" << article.text;
  // One paragraph per line.
  EXPECT_EQ(std::count(article.text.begin(), article.text.end(), '\n'), 3);
}

TEST(HtmlExtractor, ReadsMetadata) {
  auto page = extract_html(kPage, "");
  ASSERT_TRUE(page.is_ok());
  const ExtractedArticle& article = page->articles[0];
  EXPECT_EQ(article.title, "Ferry line between Solvik and Marren reopens");
  EXPECT_EQ(article.source, "Harbour Ledger");
  EXPECT_EQ(article.published, "2026-03-03T08:15:00+01:00");
  EXPECT_EQ(article.byline, "Ana Ruiz");
  EXPECT_EQ(article.url, "https://harbourledger.example/news/ferry-reopens");
}

TEST(HtmlExtractor, ASocialHandleIsNotTheOutletsName) {
  std::string page(kPage);
  page.replace(page.find("content=\"Harbour Ledger\""), 24, "content=\"@harbourledger\"");
  page.insert(page.find("<title>"), "<meta name=\"twitter:site\" content=\"HarbourLedgerNorth\">\n");
  auto extracted = extract_html(page, "");
  ASSERT_TRUE(extracted.is_ok());
  EXPECT_EQ(extracted->articles[0].source, "");
}

TEST(HtmlExtractor, AttributesNothingReadsAreDroppedWithoutChangingTheText) {
  // Quoted '>' and '<' inside dropped attributes, unquoted values, a
  // self-closing tag, and class words that still mark furniture.
  std::string page(kPage);
  page.replace(page.find("<main>"), 6,
               "<main data-track='a > b' onclick=\"x<y\" data-n=3><div class=share-bar data-x=\"1\"><a>Share now</a></div>"
               "<br data-y=\"z\"/>");
  auto extracted = extract_html(page, "");
  ASSERT_TRUE(extracted.is_ok());
  const std::string& text = extracted->articles[0].text;
  EXPECT_NE(text.find("reopened on Tuesday"), std::string::npos);
  for (const char* leak : {"a > b", "x<y", "Share now", "data-"}) EXPECT_EQ(text.find(leak), std::string::npos) << leak;
}

TEST(HtmlExtractor, AnUnclosedTagAtTheEndKeepsTheTextBeforeIt) {
  std::string page = std::string(kPage).substr(0, std::string(kPage).find("</article>")) + "<div class=\"tail";
  auto extracted = extract_html(page, "");
  ASSERT_TRUE(extracted.is_ok());
  EXPECT_NE(extracted->articles[0].text.find("regional council"), std::string::npos);
}

TEST(HtmlExtractor, JsonLdGivesMetadataAndAFallbackBody) {
  const char* page_html = R"(<html><head><title>x</title>
<script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"Site"},
{"@type":"NewsArticle","headline":"Council approves pier grant","datePublished":"2026-04-02",
"author":[{"@type":"Person","name":"Tom Weiss"}],"publisher":{"@type":"Organization","name":"Coastal Times"},
"articleBody":"The regional council approved the pier grant on Thursday after a short debate in which members of every party spoke in favour of the harbour and its ferries, which carry most of the island's goods and many of its workers every day of the year."}]}
</script></head><body><div id="app"></div></body></html>)";
  auto page = extract_html(page_html, "");
  ASSERT_TRUE(page.is_ok()) << page.status().message();
  const ExtractedArticle& article = page->articles[0];
  EXPECT_EQ(article.title, "Council approves pier grant");
  EXPECT_EQ(article.published, "2026-04-02");
  EXPECT_EQ(article.byline, "Tom Weiss");
  EXPECT_EQ(article.source, "Coastal Times");
  EXPECT_NE(article.text.find("approved the pier grant"), std::string::npos);
}

std::string long_paragraphs(const std::string& topic, int count) {
  std::string html;
  for (int i = 0; i < count; ++i)
    html += "<p>Paragraph " + std::to_string(i) + " about " + topic +
            " gives the reader several facts, a few names and one more clause, so that it reads as prose.</p>";
  return html;
}

TEST(HtmlExtractor, APageOfSeveralArticlesGivesOneEach) {
  std::string page_html = "<html><body><h1>Today's harbour news</h1>"
                          "<article><h2>Pier reopens in Solvik</h2><span class=\"source\">Harbour Ledger</span>"
                          "<time datetime=\"2026-03-03\">3 March</time>" +
                          long_paragraphs("the pier", 8) +
                          "</article><article><h2>Ferries run full timetable</h2><span class=\"source\">Coastal "
                          "Times</span><time datetime=\"2026-03-04\">4 March</time>" +
                          long_paragraphs("the ferries", 8) + "</article></body></html>";
  auto page = extract_html(page_html, "");
  ASSERT_TRUE(page.is_ok());
  ASSERT_EQ(page->articles.size(), 2u);
  EXPECT_EQ(page->articles[0].title, "Pier reopens in Solvik");
  EXPECT_EQ(page->articles[0].source, "Harbour Ledger");
  EXPECT_EQ(page->articles[0].published, "2026-03-03");
  EXPECT_EQ(page->articles[1].source, "Coastal Times");
  EXPECT_NE(page->articles[1].text.find("the ferries"), std::string::npos);
  EXPECT_EQ(page->articles[1].text.find("the pier"), std::string::npos);
}

TEST(HtmlExtractor, OneArticleWithTeaserCardsStaysOne) {
  std::string page_html = "<html><body><article>" + long_paragraphs("the harbour", 10) +
                          "</article><aside><article><h3>Teaser</h3><p>Short teaser.</p></article></aside></body></html>";
  auto page = extract_html(page_html, "");
  ASSERT_TRUE(page.is_ok());
  EXPECT_EQ(page->articles.size(), 1u);
}

TEST(HtmlExtractor, BrokenAndTruncatedMarkupStillGivesText) {
  std::string page_html = "<html><body><div class=content><p>First paragraph of a broken page with an unclosed "
                          "<b>bold part and a list<ul><li>item one<li>item two</ul><p>Second paragraph, also about "
                          "the harbour, cut off in the mid";
  auto page = extract_html(page_html, "");
  ASSERT_TRUE(page.is_ok()) << page.status().message();
  EXPECT_NE(page->articles[0].text.find("Second paragraph"), std::string::npos);
}

TEST(HtmlExtractor, DeepNestingIsCutWithAWarningNotACrash) {
  std::string page_html = "<html><body><p>Some text before the nesting, long enough to be a paragraph of prose "
                          "for the extractor to keep.</p>";
  for (int i = 0; i < 100000; ++i) page_html += "<div>";
  page_html += "deep";
  for (int i = 0; i < 100000; ++i) page_html += "</div>";
  HtmlExtractOptions options;
  options.max_depth = 256;
  auto page = extract_html(page_html, "", options);
  ASSERT_TRUE(page.is_ok()) << page.status().message();
  ASSERT_FALSE(page->warnings.empty());
  EXPECT_NE(page->warnings[0].find("nested deeper"), std::string::npos);
}

// A page whose text lies wholly below the depth cut: the error says that
// the page was cut, and where (it used to say only "no article text").
TEST(HtmlExtractor, TextBelowTheDepthCutIsReportedAsCut) {
  std::string page_html = "<html><body>";
  for (int i = 0; i < 600; ++i) page_html += "<div>";
  page_html += "<p>The council approved the harbour budget on Monday after a long debate in the hall.</p>";
  for (int i = 0; i < 600; ++i) page_html += "</div>";
  auto page = extract_html(page_html, "");
  ASSERT_FALSE(page.is_ok());
  EXPECT_NE(page.status().message().find("nested deeper than 512"), std::string::npos) << page.status().message();
  EXPECT_NE(page.status().message().find("byte "), std::string::npos) << page.status().message();
}

TEST(HtmlExtractor, EmptyPageIsAnError) {
  EXPECT_FALSE(extract_html("", "").is_ok());
  EXPECT_FALSE(extract_html("<html><head><script>x()</script></head><body></body></html>", "").is_ok());
}

TEST(HtmlExtractor, PageWrappedInAFormStillGivesItsText) {
  std::string page_html = "<html><body><form id=\"page\"><div class=\"article\">" + long_paragraphs("the form", 6) +
                          "</div></form></body></html>";
  auto page = extract_html(page_html, "");
  ASSERT_TRUE(page.is_ok()) << page.status().message();
  EXPECT_NE(page->articles[0].text.find("the form"), std::string::npos);
}

}  // namespace
}  // namespace storyline::ingest
