// Events on the demo corpus end to end, against the "events" list of
// tests/fixtures/examples_truth.json: each known event is found once, with
// its actors, modality, attribution and denial, date and place, merged over
// (at least 60% of) the articles that report it.
#include <fstream>
#include <set>

#include "test_support.h"

namespace storyline::testing {
namespace {

std::string lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

class EventsExamples : public ExamplesReport {
 protected:
  static std::string code_of(const std::string& name) {
    for (const auto* list : {&(*truth_)["entities"], &(*report_)["entities"]})
      for (const auto& entity : *list)
        if (lower(entity.value("name", "")) == lower(name) && entity.contains("actor_code") &&
            entity["actor_code"].is_string())
          return entity["actor_code"];
    return "";
  }
  // The same party: by name, or by CAMEO actor code ("Chilean president"
  // and "Mateo Arancibia" are both CHLGOV); a country stands for its
  // government, firms and people ("Norway" ~ "Norwegian shipyards", NORBUS).
  static bool same_actor(const nlohmann::json& actor, const std::string& name) {
    if (!actor.is_object()) return false;
    if (actor["name"].is_string() && lower(actor["name"]) == lower(name)) return true;
    std::string code = code_of(name);
    if (code.empty() || !actor["actor_code"].is_string()) return false;
    std::string actual = actor["actor_code"];
    return actual == code || (code.size() == 3 && actual.starts_with(code));
  }
};

TEST_F(EventsExamples, EveryKnownEventIsFoundMergedOverItsArticles) {
  if ((*report_)["entities"].empty()) GTEST_SKIP() << "needs the entities stage for actor mentions";
  for (const auto& expected : (*truth_)["events"]) {
    const std::string code = expected["code"];
    const std::set<std::string> codes = {code};
    std::set<std::string> truth_articles;
    for (const auto& key : expected["articles"]) truth_articles.insert(article_id(key));
    // The report's event that matches and covers most of the articles.
    const nlohmann::json* best = nullptr;
    size_t best_covered = 0;
    for (const auto& event : (*report_)["events"]) {
      if (!codes.count(event["code"])) continue;
      if (!same_actor(event["source"], expected["source"])) continue;
      if (expected.contains("target") && event["target"].is_object() && !same_actor(event["target"], expected["target"]))
        continue;
      size_t covered = 0;
      std::set<std::string> seen;
      for (const auto& mention : event["mentions"])
        if (truth_articles.count(mention["article"]) && seen.insert(mention["article"]).second) ++covered;
      if (!best || covered > best_covered) best = &event, best_covered = covered;
    }
    const std::string what = code + " " + std::string(expected["source"]) + " -> " + std::string(expected["target"]);
    ASSERT_NE(best, nullptr) << "not found: " << what;
    // At least 60% of the articles that report it are merged into it.
    EXPECT_GE(best_covered * 5, truth_articles.size() * 3)
        << what << ": " << best_covered << " of " << truth_articles.size() << " articles merged into " << (*best)["id"];
    EXPECT_EQ((*best)["modality"], expected["modality"]) << what;
    std::set<std::string> mentioned;
    for (const auto& mention : (*best)["mentions"]) mentioned.insert(mention["article"]);
    EXPECT_EQ((*best)["num_articles"].get<size_t>(), mentioned.size()) << what;
    EXPECT_LE((*best)["num_sources"].get<int>(), (*best)["num_articles"].get<int>()) << what;
    if (expected.contains("attributed_to")) {
      ASSERT_TRUE((*best)["attributed_to"].is_string()) << what;
      EXPECT_EQ(lower((*best)["attributed_to"]), lower(expected["attributed_to"])) << what;
    }
    if (expected.contains("denied_by")) {
      ASSERT_TRUE((*best)["denied_by"].is_string()) << what;
      EXPECT_NE(lower((*best)["denied_by"]).find(lower(expected["denied_by"]).substr(lower(expected["denied_by"]).find(' ') + 1)),
                std::string::npos)
          << what << ": denied by " << (*best)["denied_by"];
    }
    if (expected["date"].is_string() && (*best)["date_from"] == "text") {
      EXPECT_EQ((*best)["date"], expected["date"]) << what;
    }
    if (expected.contains("location") && (*best)["location"].is_string()) {
      EXPECT_EQ((*best)["location"], expected["location"]) << what;
    }
  }
}

TEST_F(EventsExamples, CopiesCountOnceAmongSourcesAndTimelinesAreOrdered) {
  if ((*report_)["entities"].empty()) GTEST_SKIP() << "needs the entities stage for actor mentions";
  // The Nordic Wire original and its Coastal Times copy: two articles, one source.
  std::string original = article_id("nordic-wire-accord-signed.html#0"), copy = article_id("coastal-times-syndicated-copy.html#0");
  bool checked = false;
  for (const auto& event : (*report_)["events"]) {
    std::set<std::string> articles;
    for (const auto& m : event["mentions"]) articles.insert(m["article"]);
    if (articles.size() == 2 && articles.count(original) && articles.count(copy)) {
      EXPECT_EQ(event["num_articles"], 2) << event["id"];
      EXPECT_EQ(event["num_sources"], 1) << event["id"];
      checked = true;
    }
  }
  EXPECT_TRUE(checked) << "no event reported by exactly the original and its copy";
  for (const auto& story : (*report_)["stories"]) {
    ASSERT_TRUE(story.contains("timeline")) << story["id"];
    std::string previous;
    for (const auto& entry : story["timeline"]) {
      if (!entry["date"].is_string()) continue;
      std::string date = entry["date"];
      EXPECT_LE(previous, date) << story["id"];
      previous = date;
    }
  }
}

}  // namespace
}  // namespace storyline::testing

namespace storyline::testing {
namespace {

TEST(EventsExport, GdeltFilesHaveTheCodebookColumnsAndNoDeniedEvents) {
  TempDir dir;
  std::string output;
  ASSERT_EQ(run_cli("--db " + dir.file("x.db") + " -q ingest " + source_path("examples"), output), 0);
  ASSERT_EQ(run_cli("--db " + dir.file("x.db") + " -q export --format gdelt --out " + dir.file("out"), output), 0);
  auto rows = [](const std::string& path) {
    std::ifstream in(path);
    std::vector<std::vector<std::string>> table;
    std::string line;
    while (std::getline(in, line)) {
      std::vector<std::string> fields;
      size_t start = 0;
      for (size_t tab; (tab = line.find('\t', start)) != std::string::npos; start = tab + 1)
        fields.push_back(line.substr(start, tab - start));
      fields.push_back(line.substr(start));
      table.push_back(std::move(fields));
    }
    return table;
  };
  auto events = rows(dir.file("out/storyline.export.CSV"));
  auto mentions = rows(dir.file("out/storyline.mentions.CSV"));
  ASSERT_FALSE(events.empty());
  ASSERT_FALSE(mentions.empty());
  std::set<std::string> ids;
  for (const auto& row : events) {
    ASSERT_EQ(row.size(), 61u);
    EXPECT_EQ(row[1].size(), 8u);                      // SQLDATE
    EXPECT_EQ(row[26].substr(0, 2), row[28]);          // EventCode starts with EventRootCode
    EXPECT_GE(std::stoi(row[31]), 1);                  // NumMentions
    EXPECT_LE(std::stoi(row[32]), std::stoi(row[33]));  // NumSources <= NumArticles
    ids.insert(row[0]);
  }
  // The events command lists the same events.
  ASSERT_EQ(run_cli("--db " + dir.file("x.db") + " events --format json", output), 0);
  auto listed = nlohmann::json::parse(output);
  ASSERT_TRUE(listed.is_array());
  EXPECT_GE(listed.size(), events.size());
  for (const auto& event : listed) {
    EXPECT_TRUE(event.contains("code") && event.contains("modality") && event.contains("num_sources"));
    if (event["source"].is_object()) {
      EXPECT_TRUE(event["source"].contains("entity"));
    }
  }
  for (const auto& row : mentions) {
    ASSERT_EQ(row.size(), 16u);
    EXPECT_TRUE(ids.count(row[0])) << "mention of an event not exported: " << row[0];
    EXPECT_GT(std::stoi(row[11]), 0);  // Confidence: denied and negated mentions are left out
  }
}

}  // namespace
}  // namespace storyline::testing
