// The story brief end to end: `storyline brief` in each format, and the
// brief as the default text output of `storyline analyze`.
#include <set>

#include "test_support.h"

namespace storyline::testing {
namespace {

class Brief : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new TempDir();
    std::string out;
    db_ = dir_->file("brief.db");
    run_cli("--db " + db_ + " -q analyze --format json " + source_path("examples"), out);
    report_ = new nlohmann::json(nlohmann::json::parse(out));
    for (const auto& story : (*report_)["stories"])
      if (story["articles"].size() == 8) accord_ = story["id"];
  }
  static void TearDownTestSuite() {
    delete report_;
    delete dir_;
  }
  static nlohmann::json brief_json() {
    std::string out;
    EXPECT_EQ(run_cli("--db " + db_ + " brief " + accord_ + " --format json", out), 0);
    return nlohmann::json::parse(out);
  }
  static TempDir* dir_;
  static std::string db_, accord_;
  static nlohmann::json* report_;
};
TempDir* Brief::dir_ = nullptr;
std::string Brief::db_, Brief::accord_;
nlohmann::json* Brief::report_ = nullptr;

TEST_F(Brief, KeyFactsDisagreementsFramingAndWhatEachOutletAloneAdds) {
  ASSERT_FALSE(accord_.empty());
  nlohmann::json brief = brief_json();
  EXPECT_EQ(brief["story"], accord_);
  EXPECT_EQ(brief["independent_sources"], 6);
  ASSERT_FALSE(brief["key_facts"].empty());
  const auto& top = brief["key_facts"][0];
  EXPECT_EQ(top["value"], "15 years");
  EXPECT_EQ(top["independent_sources"], 6);
  bool investment = false;
  for (const auto& d : brief["disagreements"])
    for (const auto& v : d["values"]) investment |= v["value"] == "14 billion EUR";
  EXPECT_TRUE(investment);
  bool patrol = false;
  for (const auto& f : brief["framing"])
    patrol |= f["stated"]["outlets"] == nlohmann::json::array({"Baltic & North Sea Review"});
  EXPECT_TRUE(patrol);
  bool mejillones = false;
  for (const auto& outlet : brief["outlet_only"])
    if (outlet["outlet"] == "Fjord Business Review")
      for (const auto& fact : outlet["facts"]) mejillones |= fact.value("value", "") == "2 million tonnes a year";
  EXPECT_TRUE(mejillones);
}

TEST_F(Brief, EveryCitationNamesItsArticleAndSentence) {
  nlohmann::json brief = brief_json();
  std::map<std::string, std::string> texts;
  for (const auto& article : (*report_)["articles"]) texts[article["id"]] = article["text"];
  std::set<std::string> refs;
  for (const auto& source : brief["sources"]) refs.insert(source["ref"].get<std::string>());
  size_t cites = 0;
  for (const auto& fact : brief["key_facts"])
    for (const auto& cite : fact["cites"]) {
      ++cites;
      std::string ref = cite["ref"];
      EXPECT_TRUE(refs.count(ref.substr(0, ref.find('.')))) << ref;
      EXPECT_GE(cite["sentence"].get<int>(), 1);
      EXPECT_NE(texts[cite["article"]].find(cite["text"].get<std::string>()), std::string::npos);
    }
  EXPECT_GT(cites, 10u);
}

TEST_F(Brief, TextMarkdownAndHtmlRenderTheSameBrief) {
  std::string text, markdown, html;
  EXPECT_EQ(run_cli("--db " + db_ + " brief " + accord_, text), 0);
  EXPECT_EQ(run_cli("--db " + db_ + " brief " + accord_ + " --format markdown", markdown), 0);
  EXPECT_EQ(run_cli("--db " + db_ + " brief " + accord_ + " --format html", html), 0);
  for (const std::string* out : {&text, &markdown, &html}) {
    EXPECT_NE(out->find("Key facts"), std::string::npos);
    EXPECT_NE(out->find("14 billion EUR"), std::string::npos);
    EXPECT_NE(out->find("Baltic &"), std::string::npos);
  }
  EXPECT_NE(markdown.find("](#a"), std::string::npos);      // links to the cited sentences
  EXPECT_NE(html.find("<dt id=\"a"), std::string::npos);    // the sentences they link to
  EXPECT_EQ(html.find("<script"), std::string::npos);
  std::string missing;
  EXPECT_EQ(run_cli("--db " + db_ + " brief story-999", missing), 1);
  EXPECT_EQ(run_cli("--db " + db_ + " brief nonsense", missing), 2);
}

TEST_F(Brief, IsTheDefaultTextOutputOfAnalyze) {
  TempDir dir;
  std::string out;
  EXPECT_EQ(run_cli("--db " + dir.file("t.db") + " -q analyze " + source_path("examples"), out), 0);
  EXPECT_NE(out.find("Key facts (independent outlets backing each)"), std::string::npos);
  EXPECT_NE(out.find("Disagreements"), std::string::npos);
  EXPECT_NE(out.find("Cited sentences"), std::string::npos);
}

}  // namespace
}  // namespace storyline::testing
