// Quotes on the demo corpus against tests/fixtures/examples_truth.json
// ("quotes"): each labelled quote is found in its article, with its
// speaker (the entity's name or one of its aliases), cue, direct/reported
// and chain of attribution; every reported span points at the quote's text.
#include <fstream>

#include "test_support.h"

namespace storyline::testing {
namespace {

class QuotesOnExamples : public ExamplesReport {
 protected:
  static const nlohmann::json* article(const std::string& name) { return article_in(*report_, name); }
  static std::vector<std::string> names_of(const std::string& entity) {
    std::vector<std::string> names = {entity};
    for (const auto& e : (*truth_)["entities"])
      if (e["name"] == entity)
        for (const auto& alias : e["aliases"]) names.push_back(alias);
    return names;
  }
};

TEST_F(QuotesOnExamples, EveryLabelledQuoteWithItsSpeakerCueAndChain) {
  ASSERT_FALSE((*truth_)["quotes"].empty());
  for (const auto& expected : (*truth_)["quotes"]) {
    const nlohmann::json* a = article(expected["article"]);
    ASSERT_NE(a, nullptr) << expected["article"];
    std::string want = expected["text"];
    const nlohmann::json* found = nullptr;
    for (const auto& q : (*report_)["quotes"]) {
      if (q["article"] != (*a)["id"]) continue;
      std::string text = q["text"];
      // The same words, or one holding the other (a quote may run on in the next sentence).
      if (text.find(want) != std::string::npos || want.find(text) != std::string::npos) {
        found = &q;
        break;
      }
    }
    ASSERT_NE(found, nullptr) << expected["article"] << ": " << want;
    auto names = names_of(expected["speaker"]);
    EXPECT_NE(std::find(names.begin(), names.end(), (*found)["speaker"]["name"]), names.end())
        << want << ": speaker " << (*found)["speaker"]["name"] << ", expected " << expected["speaker"];
    // The speaker is the resolved entity, named as the entities section names it.
    ASSERT_TRUE((*found)["speaker"]["entity"].is_string()) << want;
    std::string entity_name;
    for (const auto& e : (*report_)["entities"])
      if (e["id"] == (*found)["speaker"]["entity"]) entity_name = e["name"];
    EXPECT_EQ(entity_name, expected["speaker"]) << want;
    EXPECT_EQ((*found)["direct"], expected["direct"]) << want;
    EXPECT_EQ((*found)["cue"], expected["cue"]) << want;
    EXPECT_EQ((*found)["via"], expected["via"]) << want;
  }
}

TEST_F(QuotesOnExamples, SpansPointAtTheQuotedWords) {
  ASSERT_FALSE((*report_)["quotes"].empty());
  for (const auto& q : (*report_)["quotes"]) {
    const nlohmann::json* owner = nullptr;
    for (const auto& a : (*report_)["articles"])
      if (a["id"] == q["article"]) owner = &a;
    ASSERT_NE(owner, nullptr);
    std::u32string text = code_points((*owner)["text"]);
    size_t begin = q["span"][0], end = q["span"][1];
    ASSERT_LE(end, text.size());
    EXPECT_EQ(text.substr(begin, end - begin), code_points(q["text"]));
  }
}

TEST_F(QuotesOnExamples, ScareQuotesAreNotQuotes) {
  for (const auto& q : (*report_)["quotes"]) EXPECT_NE(q["text"], "an invention");
}

}  // namespace
}  // namespace storyline::testing
