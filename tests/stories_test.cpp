// Stories, copies and rewrites end to end: the demo corpus against its known
// answers, the seeds against the issue's criteria, and incremental ingest.
#include <fstream>
#include <map>
#include <set>
#include <tuple>

#include "test_support.h"

namespace storyline::testing {
namespace {

// "file#index" → article id, in the report's article order.
std::map<std::string, std::string> ids_by_name(const nlohmann::json& report) {
  std::map<std::string, std::string> ids;
  std::map<std::string, int> per_file;
  for (const auto& article : report["articles"]) {
    std::string origin = article["origin"];
    std::string file = origin.substr(origin.rfind('/') + 1);
    file = file.substr(0, file.find('#'));
    ids[file + "#" + std::to_string(per_file[file]++)] = article["id"];
  }
  return ids;
}

TEST(Stories, DemoCorpusStoriesAndRelationsMatchTheKnownAnswers) {
  TempDir dir;
  nlohmann::json report = analyze_json({source_path("examples")}, dir.file("s.db"));
  std::ifstream in(source_path("tests/fixtures/examples_truth.json"));
  nlohmann::json truth = nlohmann::json::parse(in);
  auto ids = ids_by_name(report);
  std::map<std::string, std::string> story_of;
  for (const auto& story : report["stories"])
    for (const auto& id : story["articles"]) story_of[id.get<std::string>()] = story["id"].get<std::string>();
  // Same known story ⇔ same predicted story.
  for (const auto& a : truth["articles"])
    for (const auto& b : truth["articles"]) {
      std::string ida = ids[a["file"].get<std::string>() + "#" + std::to_string(a["index"].get<int>())];
      std::string idb = ids[b["file"].get<std::string>() + "#" + std::to_string(b["index"].get<int>())];
      EXPECT_EQ(a["story"] == b["story"], story_of[ida] == story_of[idb]) << a["file"] << " / " << b["file"];
    }
  std::set<std::tuple<std::string, std::string, std::string>> found;
  for (const auto& story : report["stories"])
    for (const auto& relation : story["relations"])
      found.insert({relation["type"].get<std::string>(), relation["from"].get<std::string>(),
                    relation["to"].get<std::string>()});
  for (const auto& expected : truth["relations"]) {
    auto key = std::make_tuple(expected["type"].get<std::string>(), ids[expected["from"].get<std::string>()],
                               ids[expected["to"].get<std::string>()]);
    EXPECT_TRUE(found.count(key)) << expected["type"] << " " << expected["from"] << " -> " << expected["to"];
  }
  EXPECT_EQ(found.size(), truth["relations"].size()) << "no other relation";
}

TEST(Stories, SeedsFormOneStoryAndTheRewriteIsFound) {
  if (!std::filesystem::exists(shared_path("seeds"))) GTEST_SKIP() << "../shared/seeds is not beside the repository";
  TempDir dir;
  nlohmann::json report = analyze_json({shared_path("seeds")}, dir.file("s.db"));
  ASSERT_EQ(report["stories"].size(), 1u);
  EXPECT_EQ(report["stories"][0]["articles"].size(), 6u);
  std::map<std::string, std::string> file_of;
  for (const auto& article : report["articles"]) {
    std::string origin = article["origin"];
    file_of[article["id"]] = origin.substr(origin.rfind('/') + 1, 3);
  }
  const auto& relations = report["stories"][0]["relations"];
  ASSERT_EQ(relations.size(), 1u) << relations.dump();
  EXPECT_EQ(relations[0]["type"], "rewrite");
  EXPECT_EQ(file_of[relations[0]["from"]], "000");
  EXPECT_EQ(file_of[relations[0]["to"]], "001");
  EXPECT_GE(relations[0]["aligned"].size(), 5u);
}

TEST(Stories, MoreArticlesExtendStoriesWithoutRebuilding) {
  TempDir dir;
  std::string db = dir.file("s.db");
  std::string output;
  ASSERT_EQ(run_cli("--quiet --db " + db + " ingest " + source_path("examples/nordic-wire-accord-signed.html"), output), 0);
  ASSERT_EQ(run_cli("--db " + db + " stories --format json", output), 0);
  nlohmann::json before = nlohmann::json::parse(output);
  ASSERT_EQ(before.size(), 1u);
  ASSERT_EQ(run_cli("--quiet --db " + db + " ingest " + source_path("examples"), output), 0);
  ASSERT_EQ(run_cli("--db " + db + " stories --format json", output), 0);
  nlohmann::json after = nlohmann::json::parse(output);
  ASSERT_EQ(after.size(), 2u);
  bool same_story_grew = false;
  for (const auto& story : after)
    if (story["id"] == before[0]["id"]) same_story_grew = story["size"] == 8;
  EXPECT_TRUE(same_story_grew) << after.dump();
  ASSERT_EQ(run_cli("--db " + db + " story " + before[0]["id"].get<std::string>(), output), 0);
  EXPECT_NE(output.find("rewrite"), std::string::npos);
  EXPECT_EQ(run_cli("--db " + db + " story story-999", output), 1);
}

}  // namespace
}  // namespace storyline::testing
