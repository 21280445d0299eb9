#include "report/brief.h"

#include <gtest/gtest.h>

#include <functional>

#include "report/report_builder.h"

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

// Builds and renders the brief and the whole text report in every format;
// fails the test with `what` if anything throws.
void read_in_every_way(const nlohmann::json& report, const std::string& what) {
  try {
    nlohmann::json brief = build_brief(report, "story-1");
    for (BriefFormat format : {BriefFormat::kText, BriefFormat::kMarkdown, BriefFormat::kHtml}) {
      render_brief(brief, format);
      render_text(report, format);
    }
  } catch (const std::exception& error) {
    ADD_FAILURE() << what << ": " << error.what();
  }
}

// Every value docs/schema.md allows, and the absence of every field: the
// brief and the text report read them all. A quote whose speaker has a null
// name (real PolNeAR stories have them) once aborted `storyline brief` and
// `analyze --format text` with type_error 302.
TEST(BriefBuilder, AQuoteWhoseSpeakerHasNoNameIsAnUnnamedSpeaker) {
  nlohmann::json report = small_report();
  report["quotes"][0]["speaker"] = {{"entity", nullptr}, {"name", nullptr}};
  read_in_every_way(report, "speaker with a null name");
  nlohmann::json brief = build_brief(report, "story-1");
  ASSERT_EQ(brief["quotes"].size(), 1u);
  EXPECT_EQ(brief["quotes"][0]["speaker"], "unnamed speaker");
  // An actor with no name is shown by its code.
  report["events"][0]["source"] = {{"entity", nullptr}, {"name", nullptr}, {"actor_code", "USA"}};
  EXPECT_EQ(build_brief(report, "story-1")["timeline"][0]["what"], "USA — sign formal agreement — City");
}

TEST(BriefBuilder, EveryFieldNullMissingOrOfAnotherTypeIsRead) {
  // Each field anywhere in the report, in turn: null, removed, a number, an
  // empty array, an empty object.
  const nlohmann::json base = small_report();
  const nlohmann::json replacements[] = {nullptr, 7, -1, nlohmann::json::array(), nlohmann::json::object()};
  size_t variants = 0;
  std::function<void(const nlohmann::json::json_pointer&, const nlohmann::json&)> visit =
      [&](const nlohmann::json::json_pointer& at, const nlohmann::json& value) {
        if (value.is_object())
          for (const auto& [key, child] : value.items()) visit(at / key, child);
        if (value.is_array())
          for (size_t i = 0; i < value.size(); ++i) visit(at / i, value[i]);
        if (at.empty()) return;
        for (const auto& replacement : replacements) {
          nlohmann::json report = base;
          report[at] = replacement;
          read_in_every_way(report, at.to_string() + " = " + replacement.dump());
          ++variants;
        }
        if (!base[at.parent_pointer()].is_object()) return;
        nlohmann::json report = base;
        report[at.parent_pointer()].erase(at.back());
        read_in_every_way(report, at.to_string() + " removed");
        ++variants;
      };
  visit(nlohmann::json::json_pointer(), base);
  EXPECT_GT(variants, 200u);
  // Empty stories, and no sections at all.
  nlohmann::json empty = base;
  empty["stories"][0]["articles"] = nlohmann::json::array();
  read_in_every_way(empty, "a story with no articles");
  read_in_every_way(nlohmann::json::object(), "an empty report");
  read_in_every_way(nlohmann::json::array(), "a report that is not an object");
}

}  // namespace
}  // namespace storyline::report
