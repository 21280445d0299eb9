// Quotes on the five real seed articles (../shared/seeds, read at run time)
// against the hand labels of tests/fixtures/seeds_truth.json: the quotes of
// the officials the issue names are found and attributed to their resolved
// entities.
#include <filesystem>
#include <fstream>

#include "test_support.h"

namespace storyline::testing {
namespace {

TEST(QuotesOnSeeds, NamedOfficialsQuotesAreAttributedToTheirEntities) {
  if (!std::filesystem::exists(shared_path("seeds"))) GTEST_SKIP() << "../shared/seeds is not beside the repository";
  TempDir dir;
  nlohmann::json report = analyze_json({shared_path("seeds")}, dir.file("seeds.db"));
  std::ifstream in(source_path("tests/fixtures/seeds_truth.json"));
  nlohmann::json truth = nlohmann::json::parse(in);
  std::map<std::string, std::string> entity_names;
  for (const auto& e : report["entities"]) entity_names[e["id"]] = e["name"];
  std::map<std::string, std::string> article_ids;
  std::map<std::string, int> per_file;
  for (const auto& a : report["articles"]) {
    std::string origin = a["origin"];
    std::string file = origin.substr(origin.rfind('/') + 1);
    file = file.substr(0, file.find('#'));
    article_ids[file + "#" + std::to_string(per_file[file]++)] = a["id"];
  }
  // Last names of the people whose quotes the issue asks for.
  const std::vector<std::string> officials = {"Jalali", "Araghchi", "Peskov", "Putin", "Vakhshiteh"};
  size_t checked = 0;
  for (const auto& label : truth["quotes"]) {
    std::string person = label["speakers"][0];
    bool official = false;
    for (const auto& last : officials) official |= person.find(last) != std::string::npos;
    if (!official) continue;
    ++checked;
    std::string starts = label["starts"];
    const nlohmann::json* found = nullptr;
    for (const auto& q : report["quotes"])
      if (q["article"] == article_ids[label["article"]] && q["text"].get<std::string>().find(starts) != std::string::npos)
        found = &q;
    ASSERT_NE(found, nullptr) << label["article"] << ": " << starts;
    ASSERT_TRUE((*found)["speaker"]["entity"].is_string()) << starts;
    // The entities section may spell a name its own way ("Dmitri Peskov"): the last name must agree.
    std::string entity = entity_names[(*found)["speaker"]["entity"]];
    std::string last_name = person.substr(person.rfind(' ') + 1);
    EXPECT_NE(entity.find(last_name), std::string::npos) << starts << ": " << entity << ", expected " << person;
    EXPECT_EQ((*found)["cue"], label["cue"]) << starts;
    EXPECT_EQ((*found)["direct"], label["direct"]) << starts;
    EXPECT_EQ((*found)["via"], label["via"]) << starts;
  }
  EXPECT_GE(checked, 20u);
}

}  // namespace
}  // namespace storyline::testing
