// The failure classes real news brought out (issue #13), each on text of our
// own that reproduces it: the store read as its own input, internal errors
// that must not cost a batch, and the readers of the report.
#include <fstream>

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

}  // namespace
}  // namespace storyline::testing
