// End-to-end behaviour of ingest and analyze through the engine and the CLI.
#include <fstream>

#include "test_support.h"

namespace storyline::testing {
namespace {

void write(const std::string& path, const std::string& text) { std::ofstream(path, std::ios::binary) << text; }

TEST(Engine, IngestIsIdempotent) {
  TempDir dir;
  write(dir.file("a.txt"), "Solvik pier reopens\nThe pier at Solvik reopened on Tuesday.\n");
  write(dir.file("b.jsonl"),
        "{\"id\":\"1\",\"source\":\"Coastal Times\",\"title\":\"Ferries resume\",\"published\":\"2026-03-04\","
        "\"text\":\"Ferries resumed on Wednesday.\"}\n");
  auto engine = open_engine(dir.file("store.db"));
  ASSERT_TRUE(engine);
  auto first = engine->ingest({dir.path().string()}, IngestOptions{});
  ASSERT_TRUE(first.is_ok());
  EXPECT_EQ(first->articles_new, 2u);
  auto second = engine->ingest({dir.path().string(), dir.file("a.txt")}, IngestOptions{});
  ASSERT_TRUE(second.is_ok());
  EXPECT_EQ(second->articles_new, 0u);
  EXPECT_EQ(second->articles_known, 3u);
}

TEST(Engine, ReportHasEveryTopLevelArray) {
  TempDir dir;
  write(dir.file("a.txt"), "Solvik pier reopens\nThe pier at Solvik reopened on Tuesday.\n");
  nlohmann::json report = analyze_json({dir.file("a.txt")}, dir.file("store.db"));
  for (const char* key : {"articles", "stories", "entities", "events", "quotes", "claims"}) {
    ASSERT_TRUE(report.contains(key)) << key;
    EXPECT_TRUE(report[key].is_array()) << key;
  }
  ASSERT_EQ(report["articles"].size(), 1u);
  const auto& article = report["articles"][0];
  for (const char* key : {"id", "source", "title", "published", "origin", "text"}) EXPECT_TRUE(article.contains(key)) << key;
  EXPECT_TRUE(article["published"].is_null());
  EXPECT_EQ(article["title"], "Solvik pier reopens");
}

TEST(Engine, SpansAreCodePointOffsets) {
  TempDir dir;
  write(dir.file("a.txt"), "Título\nÅsa Lind sagte: „Wir fahren.“ Danach ging sie.\n");
  nlohmann::json report = analyze_json({dir.file("a.txt")}, dir.file("store.db"));
  const auto& article = report["articles"][0];
  EXPECT_EQ(span_text(article["text"], article["sentences"][1]), U"Danach ging sie.");
}

TEST(Cli, BadInputsAreReportedByNameAndTheRestIsStored) {
  TempDir dir, inputs;
  write(inputs.file("good.txt"), "Solvik pier reopens\nThe pier at Solvik reopened on Tuesday.\n");
  write(inputs.file("empty.txt"), "");
  write(inputs.file("broken.jsonl"), "{\"text\": \"fine\"}\n{not json\n");
  std::string out;
  std::string err = dir.file("stderr.txt");
  int code = run_cli("--db " + dir.file("s.db") + " analyze --format json " + inputs.path().string() + " " +
                         inputs.file("missing.txt"),
                     out, err);
  EXPECT_EQ(code, 1);
  std::ifstream in(err);
  std::string messages((std::istreambuf_iterator<char>(in)), {});
  EXPECT_NE(messages.find("empty.txt: empty input"), std::string::npos) << messages;
  EXPECT_NE(messages.find("broken.jsonl: line 2"), std::string::npos) << messages;
  EXPECT_NE(messages.find("missing.txt: no such file"), std::string::npos) << messages;
  // good.txt, and the one-line record "fine" (its line is its text).
  nlohmann::json report = nlohmann::json::parse(out);
  EXPECT_EQ(report["articles"].size(), 2u);
}

TEST(Cli, WrongFlagIsAUsageError) {
  std::string out;
  EXPECT_EQ(run_cli("ingest --no-such-flag x", out), 2);
  EXPECT_EQ(run_cli("", out), 2);
  EXPECT_EQ(run_cli("analyze --format pdf x", out), 2);
  EXPECT_EQ(run_cli("--help", out), 0);
  EXPECT_NE(out.find("analyze"), std::string::npos);
}

}  // namespace
}  // namespace storyline::testing
