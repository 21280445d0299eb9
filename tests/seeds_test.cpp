// The five real articles in ../shared/seeds (read at run time, never copied
// into the repository): what the foundation must get right on them.
#include <filesystem>
#include <map>

#include "test_support.h"

namespace storyline::testing {
namespace {

class Seeds : public SeedsReport {};

TEST_F(Seeds, SixArticlesWithTheOutletsAndDatesTheTextStates) {
  ASSERT_EQ((*report_)["articles"].size(), 6u);
  const auto& dw = article("004_2e1ec1ab8c1ca49e.txt#article 1");
  const auto& voa = article("004_2e1ec1ab8c1ca49e.txt#article 2");
  EXPECT_EQ(dw["source"], "DW");
  EXPECT_EQ(dw["published"], "2025-01-17");
  EXPECT_EQ(voa["source"], "Voice of America");
  EXPECT_EQ(voa["published"], "2025-01-17");
  EXPECT_EQ(voa["source_domain"], "voanews.com");
  // The four single articles state no outlet and no full date of their own.
  for (const char* seed : {"000_7b0b20a086d0974d.txt", "001_a1a3279b3015ce50.txt", "002_96134ee0910ccc69.txt",
                           "003_25bbbfce9fb4074a.txt"}) {
    EXPECT_TRUE(article(seed)["source"].is_null()) << seed;
    // Their date is their story's (DW's and VOA's day), marked as inferred.
    EXPECT_EQ(article(seed)["published"], "2025-01-17") << seed;
    EXPECT_EQ(article(seed)["published_inferred"], true) << seed;
    EXPECT_EQ(article(seed)["published_from"], "story") << seed;
  }
  EXPECT_EQ(dw["published_from"], "article");
  EXPECT_EQ(dw["published_inferred"], false);
}

TEST_F(Seeds, NoBoilerplateInAnyText) {
  for (const auto& a : (*report_)["articles"]) {
    std::string text = a["text"];
    for (const char* furniture : {"Leave a comment", "READ FULL ARTICLE", "Be the first to comment",
                                  "Related Stories", "SOURCE:", "RELATED:", "| Published"})
      EXPECT_EQ(text.find(furniture), std::string::npos) << furniture << " in " << a["origin"];
  }
  // The related-stories list under seed 002 goes with its heading: the text
  // ends with the article's own last paragraph, which ends a sentence.
  std::string last = article("002_96134ee0910ccc69.txt")["text"];
  EXPECT_EQ(last.back(), '.');
}

TEST_F(Seeds, HeadlinesAreTheFirstLineOrThePageMarks) {
  EXPECT_EQ(article("000_7b0b20a086d0974d.txt")["title"].get<std::string>().rfind("Iran and Russia Strengthen", 0), 0u);
  EXPECT_EQ(article("004_2e1ec1ab8c1ca49e.txt#article 2")["title"].get<std::string>().rfind("Iranian president in Moscow", 0), 0u);
}

TEST_F(Seeds, AbbreviationsDoNotSplitSentences) {
  const auto& nyt = article("001_a1a3279b3015ce50.txt");
  bool peskov_whole = false, putin_whole = false;
  for (const auto& span : nyt["sentences"]) {
    std::u32string sentence = span_text(nyt["text"], span);
    EXPECT_FALSE(sentence.size() >= 3 && sentence.substr(sentence.size() - 3) == U" S.") << "split after an initial";
    EXPECT_FALSE(sentence.size() >= 3 && sentence.substr(sentence.size() - 3) == U"Mr.") << "split after Mr.";
    if (sentence.find(U"Dmitry S. Peskov") != std::u32string::npos) peskov_whole = true;
    if (sentence.find(U"Vladimir V. Putin in Moscow") != std::u32string::npos) putin_whole = true;
  }
  EXPECT_TRUE(peskov_whole);
  EXPECT_TRUE(putin_whole);
}

// People across the five articles: spelling variants are one entity (the
// machine-translated "Aragushi" included); the two Mohajeranis are two;
// heads of state, ministers and spokespersons carry actor codes.
TEST_F(Seeds, EntitiesResolvedAcrossOutletsWithActorCodes) {
  auto holder_of = [&](const std::string& alias) -> const nlohmann::json* {
    for (const auto& entity : (*report_)["entities"]) {
      for (const auto& known : entity["aliases"]) {
        if (known == alias && entity["type"] == "PERSON") return &entity;
      }
    }
    return nullptr;
  };
  const nlohmann::json* peskov = holder_of("Dmitri Peskov");
  ASSERT_NE(peskov, nullptr);
  for (const char* variant : {"Dmitry S. Peskov", "Dmitry Peskov"}) {
    ASSERT_NE(holder_of(variant), nullptr) << variant;
    EXPECT_EQ((*holder_of(variant))["id"], (*peskov)["id"]) << variant;
  }
  EXPECT_EQ((*peskov)["actor_code"], "RUSGOV");
  ASSERT_NE(holder_of("Aragushi"), nullptr);
  EXPECT_EQ((*holder_of("Aragushi"))["id"], (*holder_of("Abbas Araghchi"))["id"]);
  ASSERT_NE(holder_of("Fatemeh Mohajerani"), nullptr);
  ASSERT_NE(holder_of("Ataollah Mohajerani"), nullptr);
  EXPECT_NE((*holder_of("Fatemeh Mohajerani"))["id"], (*holder_of("Ataollah Mohajerani"))["id"]);
  std::map<std::string, std::string> codes = {{"Vladimir Putin", "RUSGOV"},     {"Masoud Pezeshkian", "IRNGOV"},
                                              {"Abbas Araghchi", "IRNGOV"},     {"Kazem Jalali", "IRNGOV"},
                                              {"Fatemeh Mohajerani", "IRNGOV"}, {"Andrey Rudenko", "RUSGOV"}};
  for (const auto& [name, code] : codes) {
    ASSERT_NE(holder_of(name), nullptr) << name;
    EXPECT_EQ((*holder_of(name))["actor_code"], code) << name;
  }
  EXPECT_EQ((*holder_of("Kazem Jalali"))["role"], "ambassador");
}

// The treaty signing of 17 January 2025: one asserted (or reported) 057
// event between Iran and Russia, dated that day, in Moscow, merged from
// several articles; the planned signings stay apart, as do the other
// treaties the articles mention and the visit and drone events.
TEST_F(Seeds, TheTreatySigningIsOneEventBetweenIranAndRussia) {
  auto country = [](const nlohmann::json& actor) -> std::string {
    if (!actor.is_object() || !actor["actor_code"].is_string()) return "";
    return actor["actor_code"].get<std::string>().substr(0, 3);
  };
  auto between = [&](const nlohmann::json& e, const std::string& a, const std::string& b) {
    return (country(e["source"]) == a && country(e["target"]) == b) ||
           (country(e["source"]) == b && country(e["target"]) == a);
  };
  std::vector<const nlohmann::json*> signings, planned;
  bool north_korea = false, visit = false, drones = false;
  for (const auto& e : (*report_)["events"]) {
    const std::string modality = e["modality"];
    if (e["code"] == "057" && between(e, "IRN", "RUS") && e["date"] == "2025-01-17") {
      if (modality == "asserted" || modality == "reported") signings.push_back(&e);
      if (modality == "planned") planned.push_back(&e);
    }
    if (e["code"] == "057" && between(e, "RUS", "PRK")) {
      north_korea = true;
      EXPECT_EQ(e["date"].get<std::string>().substr(0, 7), "2024-06");
    }
    if (e["code"] == "042" && between(e, "IRN", "RUS") && e["location"] == "Moscow" && e["num_articles"] >= 5) visit = true;
    if (e["code"] == "072" && country(e["source"]) == "IRN" && country(e["target"]) == "RUS" &&
        e["modality"] == "alleged" && e["denied_by"].is_string())
      drones = true;
  }
  ASSERT_EQ(signings.size(), 1u) << "one asserted signing, not several";
  const nlohmann::json& signing = *signings.front();
  EXPECT_EQ(signing["location"], "Moscow");
  EXPECT_GE(signing["num_articles"].get<int>(), 2);
  for (const auto& m : signing["mentions"]) EXPECT_NE(m["modality"], "planned");
  EXPECT_FALSE(planned.empty()) << "the signing announced in advance stays planned";
  for (const nlohmann::json* p : planned) EXPECT_NE((*p)["id"], signing["id"]);
  EXPECT_TRUE(north_korea) << "Russia's June 2024 agreement with North Korea is its own event";
  EXPECT_TRUE(visit) << "Pezeshkian's visit to Moscow";
  EXPECT_TRUE(drones) << "the drone supply, alleged and denied";
}

}  // namespace
}  // namespace storyline::testing
