// Helpers shared by the end-to-end tests: temporary stores, the project's
// and ../shared's paths, and running the CLI.
#pragma once

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <memory>
#include <string>

#include "storyline/engine.h"

namespace storyline::testing {

inline std::string source_path(const std::string& relative) { return std::string(STORYLINE_SOURCE_DIR) + "/" + relative; }
inline std::string shared_path(const std::string& relative) { return std::string(STORYLINE_SHARED_DIR) + "/" + relative; }

// A fresh folder under the system's temporary folder, removed at the end.
class TempDir {
 public:
  TempDir() {
    path_ = std::filesystem::temp_directory_path() /
            ("storyline_test_" + std::to_string(::getpid()) + "_" + std::to_string(counter()++));
    std::filesystem::remove_all(path_);
    std::filesystem::create_directories(path_);
  }
  ~TempDir() { std::filesystem::remove_all(path_); }
  std::string file(const std::string& name) const { return (path_ / name).string(); }
  const std::filesystem::path& path() const { return path_; }

 private:
  static int& counter() {
    static int value = 0;
    return value;
  }
  std::filesystem::path path_;
};

inline std::unique_ptr<Engine> open_engine(const std::string& db_path) {
  EngineOptions options;
  options.db_path = db_path;
  auto engine = Engine::open(options);
  EXPECT_TRUE(engine.is_ok()) << engine.status().message();
  return engine.is_ok() ? std::move(*engine) : nullptr;
}

// Ingests `paths` into a new store and returns the JSON report on them.
inline nlohmann::json analyze_json(const std::vector<std::string>& paths, const std::string& db_path) {
  auto engine = open_engine(db_path);
  if (!engine) return {};
  auto summary = engine->ingest(paths, IngestOptions{});
  EXPECT_TRUE(summary.is_ok()) << summary.status().message();
  if (!summary.is_ok()) return {};
  auto report = engine->report(summary->article_ids, ReportFormat::kJson);
  EXPECT_TRUE(report.is_ok()) << report.status().message();
  return report.is_ok() ? nlohmann::json::parse(*report) : nlohmann::json{};
}

// Runs the storyline binary with `arguments` (a shell fragment); returns the
// exit code and fills `output` with standard output.
inline int run_cli(const std::string& arguments, std::string& output, const std::string& stderr_file = "/dev/null") {
  std::string command = std::string(STORYLINE_BINARY) + " " + arguments + " 2>" + stderr_file;
  FILE* pipe = popen(command.c_str(), "r");
  if (!pipe) return -1;
  char buffer[65536];
  output.clear();
  size_t n;
  while ((n = fread(buffer, 1, sizeof buffer, pipe)) > 0) output.append(buffer, n);
  int status = pclose(pipe);
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

// Code points of a UTF-8 string (report spans count code points).
inline std::u32string code_points(const std::string& utf8) {
  std::u32string out;
  for (size_t i = 0; i < utf8.size();) {
    unsigned char c = utf8[i];
    size_t n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    char32_t cp = n == 1 ? c : c & (0xFF >> (n + 1));
    for (size_t k = 1; k < n && i + k < utf8.size(); ++k) cp = (cp << 6) | (utf8[i + k] & 0x3F);
    out.push_back(cp);
    i += n;
  }
  return out;
}

// The text of a report span [begin, end) in code points.
inline std::u32string span_text(const std::string& utf8, const nlohmann::json& span) {
  std::u32string text = code_points(utf8);
  size_t begin = span[0].get<size_t>(), end = span[1].get<size_t>();
  return text.substr(begin, end - begin);
}

// The `index`-th article (from 0) that `report` read from `file` (a name
// ending its origin path, as in tests/fixtures/examples_truth.json), or
// nullptr. "file#index" in one string is accepted too.
inline const nlohmann::json* article_in(const nlohmann::json& report, const std::string& file, int index) {
  int seen = 0;
  for (const auto& article : report["articles"]) {
    if (article["origin"].get<std::string>().find("/" + file) == std::string::npos) continue;
    if (seen++ == index) return &article;
  }
  return nullptr;
}
inline const nlohmann::json* article_in(const nlohmann::json& report, const std::string& file_and_index) {
  size_t hash = file_and_index.rfind('#');
  if (hash == std::string::npos) return nullptr;
  return article_in(report, file_and_index.substr(0, hash), std::stoi(file_and_index.substr(hash + 1)));
}

// The demo corpus (examples/) analysed once per test suite, with its known
// answers (tests/fixtures/examples_truth.json).
class ExamplesReport : public ::testing::Test {
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
    report_ = truth_ = nullptr;
    dir_ = nullptr;
  }
  // The article of "file#index"; a test failure (and an empty id) when none.
  static std::string article_id(const std::string& file_and_index) {
    const nlohmann::json* article = article_in(*report_, file_and_index);
    if (!article) ADD_FAILURE() << "no article " << file_and_index;
    return article ? (*article)["id"].get<std::string>() : std::string();
  }
  inline static TempDir* dir_ = nullptr;
  inline static nlohmann::json* report_ = nullptr;
  inline static nlohmann::json* truth_ = nullptr;
};

// The real articles of ../shared/seeds (read at run time, never copied into
// the repository) analysed once per test suite; each test is skipped when
// the folder is not beside the repository.
class SeedsReport : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    if (!std::filesystem::exists(shared_path("seeds"))) return;
    dir_ = new TempDir();
    report_ = new nlohmann::json(analyze_json({shared_path("seeds")}, dir_->file("seeds.db")));
  }
  static void TearDownTestSuite() {
    delete report_;
    delete dir_;
    report_ = nullptr;
    dir_ = nullptr;
  }
  void SetUp() override {
    if (!report_) GTEST_SKIP() << "../shared/seeds is not beside the repository";
  }
  // The article whose origin ends with `suffix` ("004_….txt#article 2").
  static const nlohmann::json& article(const std::string& suffix) {
    for (const auto& a : (*report_)["articles"]) {
      std::string origin = a["origin"];
      if (origin.size() >= suffix.size() && origin.compare(origin.size() - suffix.size(), suffix.size(), suffix) == 0)
        return a;
    }
    static nlohmann::json none;
    ADD_FAILURE() << "no article from " << suffix;
    return none;
  }
  inline static TempDir* dir_ = nullptr;
  inline static nlohmann::json* report_ = nullptr;
};

}  // namespace storyline::testing
