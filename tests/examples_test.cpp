// The demo corpus end to end, against its known answers
// (tests/fixtures/examples_truth.json): what the foundation must get right.
#include <fstream>

#include "test_support.h"

namespace storyline::testing {
namespace {

class Examples : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new TempDir();
    report_ = new nlohmann::json(analyze_json({source_path("examples")}, dir_->file("examples.db")));
    std::ifstream in(source_path("tests/fixtures/examples_truth.json"));
    truth_ = new nlohmann::json(nlohmann::json::parse(in));
  }
  static void TearDownTestSuite() {
    delete report_;
    delete truth_;
    delete dir_;
  }
  // The report's article for a truth entry: by file, then by position among
  // that file's articles.
  static const nlohmann::json* find(const std::string& file, int index) {
    int seen = 0;
    for (const auto& article : (*report_)["articles"]) {
      std::string origin = article["origin"];
      if (origin.find("/" + file) == std::string::npos) continue;
      if (seen++ == index) return &article;
    }
    return nullptr;
  }
  static TempDir* dir_;
  static nlohmann::json* report_;
  static nlohmann::json* truth_;
};
TempDir* Examples::dir_ = nullptr;
nlohmann::json* Examples::report_ = nullptr;
nlohmann::json* Examples::truth_ = nullptr;

TEST_F(Examples, EveryArticleWithItsOutletHeadlineAndDate) {
  EXPECT_EQ((*report_)["articles"].size(), (*truth_)["articles"].size());
  for (const auto& expected : (*truth_)["articles"]) {
    std::string file = expected["file"];
    const nlohmann::json* article = find(file, expected["index"]);
    ASSERT_NE(article, nullptr) << file << "#" << expected["index"];
    EXPECT_EQ((*article)["source"], expected["source"]) << file;
    EXPECT_EQ((*article)["title"], expected["title"]) << file;
    EXPECT_EQ((*article)["published"], expected["published"]) << file;
    if (expected.contains("byline")) {
      EXPECT_EQ((*article)["byline"], expected["byline"]) << file;
    }
  }
}

TEST_F(Examples, NoFurnitureInAnyText) {
  for (const auto& article : (*report_)["articles"]) {
    std::string text = article["text"];
    for (const auto& phrase : (*truth_)["boilerplate_absent"])
      EXPECT_EQ(text.find(phrase.get<std::string>()), std::string::npos) << phrase << " in " << article["origin"];
  }
}

TEST_F(Examples, SyndicatedCopyLosesItsLastParagraphOnly) {
  const nlohmann::json* wire = find("nordic-wire-accord-signed.html", 0);
  const nlohmann::json* copy = find("coastal-times-syndicated-copy.html", 0);
  ASSERT_TRUE(wire && copy);
  std::string wire_text = (*wire)["text"], copy_text = (*copy)["text"];
  EXPECT_EQ(wire_text.rfind(copy_text, 0), 0u) << "the copy is the wire text minus its last paragraph";
  EXPECT_EQ((*wire)["paragraphs"].size(), (*copy)["paragraphs"].size() + 1);
}

}  // namespace
}  // namespace storyline::testing
