#include "report/brief.h"

#include <gtest/gtest.h>

namespace storyline::report {
namespace {

// A small report in the shape docs/schema.md gives: two articles of one
// story, a claim, a quote and an event.
nlohmann::json small_report() {
  return nlohmann::json::parse(R"({
    "articles": [
      {"id": "a1", "source": "Wire", "title": "Port deal", "published": "2026-01-02",
       "text": "The port signed a 10-year lease. The mayor said it was fair.", "sentences": [[0, 32], [33, 60]]},
      {"id": "a2", "source": null, "title": "Lease", "published": null,
       "text": "A ten-year lease was signed.", "sentences": [[0, 28]]}],
    "stories": [{"id": "story-1", "label": "Port deal", "articles": ["a1", "a2"], "relations": [],
                 "first": "2026-01-02", "last": "2026-01-02"}],
    "claims": [{"id": "claim-x", "story": "story-1", "kind": "quantity", "text": "The port signed a 10-year lease.",
                "value": "10 years", "status": "corroborated", "independent_sources": 2,
                "sources": [{"source": "Wire", "article": "a1", "span": [18, 25], "framing": "asserted"},
                            {"source": null, "article": "a2", "span": [2, 11], "framing": "asserted"}]}],
    "quotes": [{"speaker": {"entity": null, "name": "Mayor Ana"}, "text": "it was fair", "direct": false,
                "article": "a1", "span": [48, 59]}],
    "events": [{"code": "057", "label": "sign formal agreement", "source": {"name": "Port"},
                "target": {"name": "City"}, "date": "2026-01-02", "modality": "asserted",
                "mentions": [{"article": "a1", "span": [0, 32]}]}]
  })");
}

TEST(BriefBuilder, FactsQuotesAndTimelineCiteTheirSentences) {
  nlohmann::json brief = build_brief(small_report(), "story-1");
  EXPECT_EQ(brief["independent_sources"], 2);
  ASSERT_EQ(brief["key_facts"].size(), 1u);
  const auto& fact = brief["key_facts"][0];
  EXPECT_EQ(fact["value"], "10 years");
  ASSERT_EQ(fact["cites"].size(), 2u);
  EXPECT_EQ(fact["cites"][0]["ref"], "A1.1");
  EXPECT_EQ(fact["cites"][0]["text"], "The port signed a 10-year lease.");
  EXPECT_EQ(fact["cites"][1]["ref"], "A2.1");
  EXPECT_EQ(fact["cites"][1]["source"], "unnamed outlet (A2)");
  ASSERT_EQ(brief["quotes"].size(), 1u);
  EXPECT_EQ(brief["quotes"][0]["speaker"], "Mayor Ana");
  EXPECT_EQ(brief["quotes"][0]["quotes"][0]["cite"]["ref"], "A1.2");
  ASSERT_EQ(brief["timeline"].size(), 1u);
  EXPECT_EQ(brief["timeline"][0]["what"], "Port — sign formal agreement — City");
  EXPECT_EQ(build_brief(small_report(), "story-9"), nlohmann::json::object());
}

TEST(BriefBuilder, RenderingsCarryEveryLineAndEscapeHtml) {
  nlohmann::json report = small_report();
  report["claims"][0]["text"] = "The <port> signed a 10-year lease.";
  nlohmann::json brief = build_brief(report, "story-1");
  std::string text = render_brief(brief, BriefFormat::kText);
  EXPECT_NE(text.find("[2] 10 years"), std::string::npos);
  EXPECT_NE(text.find("A1.1 A2.1"), std::string::npos);
  EXPECT_NE(text.find("Mayor Ana"), std::string::npos);
  std::string html = render_brief(brief, BriefFormat::kHtml);
  EXPECT_NE(html.find("&lt;port&gt;"), std::string::npos);
  EXPECT_EQ(html.find("<port>"), std::string::npos);
  EXPECT_NE(html.find("href=\"#a1-1\""), std::string::npos);
  std::string markdown = render_brief(brief, BriefFormat::kMarkdown);
  EXPECT_NE(markdown.find("[A2.1](#a2-1)"), std::string::npos);
}

}  // namespace
}  // namespace storyline::report
