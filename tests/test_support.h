// Helpers shared by the end-to-end tests: temporary stores, the project's
// and ../shared's paths, and running the CLI.
#pragma once

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
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

}  // namespace storyline::testing
