// Date resolution on the demo corpus against tests/fixtures/examples_truth.json
// ("dates"): each expression is found in its article with the value and
// granularity given there, resolved against the article's publication date
// or, for an article without one, the date inferred from its story.
#include <fstream>

#include "dates/anchor.h"
#include "dates/time_expressions.h"
#include "store/article_store.h"
#include "store/database.h"
#include "test_support.h"

namespace storyline::testing {
namespace {

std::string anchor_of(const nlohmann::json& report, const nlohmann::json& article) {
  if (article["published"].is_string()) return article["published"];
  for (const auto& story : report["stories"]) {
    bool member = false;
    std::vector<std::string> dates;
    for (const auto& m : story["members"]) {
      if (m["id"] == article["id"]) member = true;
      if (m["published"].is_string()) dates.push_back(m["published"]);
    }
    if (member) return dates::median_day(dates);
  }
  return dates::latest_stated_day(article["text"].get<std::string>());
}

TEST(DatesOnExamples, EveryLabelledExpressionResolvesAsLabelled) {
  TempDir dir;
  nlohmann::json report = analyze_json({source_path("examples")}, dir.file("examples.db"));
  std::ifstream in(source_path("tests/fixtures/examples_truth.json"));
  nlohmann::json truth = nlohmann::json::parse(in);
  ASSERT_FALSE(truth["dates"].empty());
  for (const auto& expected : truth["dates"]) {
    std::string name = expected["article"];
    size_t hash = name.rfind('#');
    const nlohmann::json* article = article_in(report, name.substr(0, hash), std::stoi(name.substr(hash + 1)));
    ASSERT_NE(article, nullptr) << name;
    std::string text = (*article)["text"];
    std::string anchor = anchor_of(report, *article);
    bool found = false;
    std::vector<std::string> seen;
    for (const auto& e : dates::find_time_expressions(text, {0, static_cast<uint32_t>(text.size())}, anchor)) {
      std::string words(slice(text, e.span));
      seen.push_back(words + "=" + e.value);
      if (words == expected["expression"] && e.value == expected["value"] &&
          dates::granularity_name(e.granularity) == expected["granularity"])
        found = true;
    }
    std::string all;
    for (const auto& s : seen) all += s + "; ";
    EXPECT_TRUE(found) << name << ": " << expected["expression"] << " → " << expected["value"] << " (anchor " << anchor
                       << "); found: " << all;
  }
}

TEST(DatesOnExamples, AnArticleWithoutADateTakesItsStorysMedianDay) {
  TempDir dir;
  nlohmann::json report = analyze_json({source_path("examples")}, dir.file("examples.db"));
  auto db = store::Database::open(dir.file("examples.db"));
  ASSERT_TRUE(db.is_ok());
  auto articles = store::ArticleStore::open(*db);
  ASSERT_TRUE(articles.is_ok());
  size_t undated = 0;
  for (const auto& json : report["articles"]) {
    auto row = articles->find(json["id"]);
    ASSERT_TRUE(row.is_ok());
    auto article = articles->load_by_row(*row);
    ASSERT_TRUE(article.is_ok() && article->has_value());
    auto anchor = dates::anchor_for(*db, **article);
    ASSERT_TRUE(anchor.is_ok()) << anchor.status().message();
    if (json["published_from"] == "article") {
      EXPECT_EQ(anchor->source, "published");
      EXPECT_EQ(anchor->day, json["published"].get<std::string>().substr(0, 10));
      continue;
    }
    ++undated;
    EXPECT_EQ(anchor->source, "story");
    EXPECT_TRUE(anchor->inferred);
    EXPECT_EQ(anchor->day, "2026-03-03");  // the accord story's median day
    // The report shows it, marked as inferred from the story.
    EXPECT_EQ(json["published"], "2026-03-03");
    EXPECT_EQ(json["published_inferred"], true);
    EXPECT_EQ(json["published_from"], "story");
  }
  EXPECT_EQ(undated, 1u);
}

}  // namespace
}  // namespace storyline::testing
