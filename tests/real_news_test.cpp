// The failure classes real news brought out (issue #13), each on text of our
// own that reproduces it: the store read as its own input, internal errors
// that must not cost a batch, and the readers of the report.
#include <fstream>
#include <stdexcept>

#include "pipeline/engine_access.h"
#include "test_support.h"

namespace storyline::testing {
namespace {

void write(const std::string& path, const std::string& text) { std::ofstream(path, std::ios::binary) << text; }

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), {});
}

// `cd DIR && storyline analyze .` once read storyline.db, -wal and -shm as
// articles: three errors and exit code 1 on every run after the first.
TEST(OwnStore, TheStoreAndAnySqliteFileInAnInputFolderAreSkippedSilently) {
  TempDir dir, logs;
  write(dir.file("pier.txt"), "Solvik pier reopens\nThe pier at Solvik reopened on Tuesday after repairs.\n");
  // Another database in the folder, not the store.
  {
    auto other = open_engine(dir.file("notes.sqlite"));
    ASSERT_TRUE(other);
  }
  for (int run = 0; run < 3; ++run) {
    std::string out;
    std::string err = logs.file("stderr.txt");
    int code = run_cli("--db " + dir.file("storyline.db") + " analyze --format json " + dir.path().string(), out, err);
    std::string messages = read_file(err);
    EXPECT_EQ(code, 0) << "run " << run << ": " << messages;
    EXPECT_EQ(messages.find("error"), std::string::npos) << "run " << run << ": " << messages;
    nlohmann::json report = nlohmann::json::parse(out, nullptr, false);
    ASSERT_TRUE(report.is_object()) << out;
    EXPECT_EQ(report["articles"].size(), 1u) << "run " << run;
  }
  // Named explicitly, a database is still an error, not silently nothing.
  std::string out;
  EXPECT_EQ(run_cli("--db " + dir.file("other.db") + " ingest " + dir.file("storyline.db"), out), 1);
}

// A stage with a bug: it throws on an article whose text holds `trigger`,
// in analyze(), in add_batch() or in report().
class FaultyStage : public pipeline::Stage {
 public:
  enum class Where { kAnalyze, kAddBatch, kReport };
  FaultyStage(Where where, std::string trigger) : where_(where), trigger_(std::move(trigger)) {}
  std::string_view name() const override { return "faulty"; }
  void analyze(Article& article) override {
    if (where_ == Where::kAnalyze && article.text.find(trigger_) != std::string::npos)
      throw std::runtime_error("analyze bug");
  }
  Status add_batch(store::Database&, std::vector<Article>& articles) override {
    for (const Article& article : articles)
      if (where_ == Where::kAddBatch && article.text.find(trigger_) != std::string::npos)
        throw std::out_of_range("add_batch bug");
    return Status::ok();
  }
  Status report(const pipeline::ReportScope&, nlohmann::json& report) override {
    if (where_ != Where::kReport) return Status::ok();
    report["quotes"].push_back({{"half", "written"}});
    report["faulty_section"] = true;
    throw std::logic_error("report bug");
  }

 private:
  Where where_;
  std::string trigger_;
};

TEST(InternalErrors, AStageThatThrowsCostsOneArticleNamedNotTheBatch) {
  for (auto where : {FaultyStage::Where::kAnalyze, FaultyStage::Where::kAddBatch}) {
    TempDir dir;
    for (int i = 0; i < 6; ++i)
      write(dir.file("a" + std::to_string(i) + ".txt"),
            "Harbour report " + std::to_string(i) + "\nThe harbour of Solvik counted " + std::to_string(100 + i) +
                " ships this week" + (i == 3 ? ", a record, said the harbour master." : ".") + "\n");
    auto engine = open_engine(dir.file("store.db"));
    ASSERT_TRUE(engine);
    ASSERT_TRUE(pipeline::engine_add_stage(*engine, std::make_unique<FaultyStage>(where, "a record")).is_ok());
    std::vector<std::string> errors;
    IngestCallbacks callbacks;
    callbacks.on_error = [&](const std::string& message) { errors.push_back(message); };
    IngestOptions options;
    options.batch_size = 4;
    auto summary = engine->ingest({dir.path().string()}, options, callbacks);
    ASSERT_TRUE(summary.is_ok()) << summary.status().message();
    EXPECT_EQ(summary->articles_new, 5u);
    ASSERT_EQ(errors.size(), 1u);
    EXPECT_NE(errors[0].find("a3.txt"), std::string::npos) << errors[0];
    EXPECT_NE(errors[0].find("internal error"), std::string::npos) << errors[0];
    EXPECT_EQ(summary->article_ids.size(), 5u) << "the failed article is not reported as stored";
    auto report = engine->report(summary->article_ids, ReportFormat::kJson);
    ASSERT_TRUE(report.is_ok());
    nlohmann::json json = nlohmann::json::parse(*report);
    EXPECT_EQ(json["articles"].size(), 5u);
    EXPECT_EQ(json["stories"].size() > 0, true);
  }
}

TEST(InternalErrors, AStageWhoseReportThrowsLeavesItsSectionOutNamed) {
  TempDir dir;
  write(dir.file("a.txt"), "Harbour report\nThe harbour of Solvik counted 100 ships this week.\n");
  auto engine = open_engine(dir.file("store.db"));
  ASSERT_TRUE(engine);
  ASSERT_TRUE(pipeline::engine_add_stage(*engine, std::make_unique<FaultyStage>(FaultyStage::Where::kReport, "")).is_ok());
  auto summary = engine->ingest({dir.path().string()}, IngestOptions{});
  ASSERT_TRUE(summary.is_ok());
  for (ReportFormat format : {ReportFormat::kJson, ReportFormat::kText, ReportFormat::kHtml}) {
    std::vector<std::string> problems;
    auto report = engine->report(summary->article_ids, format, &problems);
    ASSERT_TRUE(report.is_ok()) << report.status().message();
    ASSERT_EQ(problems.size(), 1u);
    EXPECT_NE(problems[0].find("stage faulty"), std::string::npos) << problems[0];
    if (format != ReportFormat::kJson) continue;
    nlohmann::json json = nlohmann::json::parse(*report);
    EXPECT_FALSE(json.contains("faulty_section"));
    EXPECT_TRUE(json["quotes"].empty()) << "what the stage half-wrote goes with it";
    EXPECT_EQ(json["articles"].size(), 1u);
  }
}

}  // namespace
}  // namespace storyline::testing
