// Two ingests of overlapping inputs at the same time give the same store as
// one ingest; a reader during an ingest sees whole batches only.
#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>

#include <fstream>
#include <set>

#include "store/database.h"
#include "test_support.h"

extern char** environ;

namespace storyline::testing {
namespace {

pid_t spawn_cli(std::vector<std::string> arguments) {
  arguments.insert(arguments.begin(), STORYLINE_BINARY);
  std::vector<char*> argv;
  for (auto& argument : arguments) argv.push_back(argument.data());
  argv.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
  pid_t pid = 0;
  EXPECT_EQ(posix_spawn(&pid, STORYLINE_BINARY, &actions, nullptr, argv.data(), environ), 0);
  posix_spawn_file_actions_destroy(&actions);
  return pid;
}

int wait_exit(pid_t pid) {
  int status = 0;
  waitpid(pid, &status, 0);
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

std::set<std::string> stored_ids(const std::string& db_path) {
  std::set<std::string> ids;
  auto db = store::Database::open(db_path);
  EXPECT_TRUE(db.is_ok());
  auto query = db->prepare("SELECT id FROM articles");
  EXPECT_TRUE(query.is_ok());
  while (query->step()) ids.insert(query->column_text(0));
  return ids;
}

void write_feed(const std::string& path, int from, int to) {
  std::ofstream out(path);
  for (int i = from; i < to; ++i)
    out << "{\"source\":\"Wire\",\"title\":\"Item " << i << "\",\"text\":\"Harbour report " << i
        << ". The board met on Monday.\"}\n";
}

TEST(Concurrency, OverlappingIngestsGiveTheSameStoreAsOne) {
  TempDir dir;
  write_feed(dir.file("a.jsonl"), 0, 1200);
  write_feed(dir.file("b.jsonl"), 600, 1800);
  // Both start on a store that does not exist yet: creating the schema is
  // one of the races.
  std::string fresh = dir.file("fresh.db");
  pid_t first = spawn_cli({"--quiet", "--db", fresh, "ingest", dir.file("a.jsonl"), "--batch-size", "50"});
  pid_t second = spawn_cli({"--quiet", "--db", fresh, "ingest", dir.file("b.jsonl"), "--batch-size", "50"});
  EXPECT_EQ(wait_exit(first), 0);
  EXPECT_EQ(wait_exit(second), 0);
  std::string output;
  std::string single = dir.file("single.db");
  ASSERT_EQ(run_cli("--quiet --db " + single + " ingest " + dir.file("a.jsonl") + " " + dir.file("b.jsonl"), output),
            0);
  std::set<std::string> concurrent_ids = stored_ids(fresh), single_ids = stored_ids(single);
  EXPECT_EQ(concurrent_ids.size(), 1800u);
  EXPECT_EQ(concurrent_ids, single_ids);
}

TEST(Concurrency, ReaderDuringIngestSeesWholeBatches) {
  TempDir dir;
  write_feed(dir.file("a.jsonl"), 0, 3000);
  std::string db_path = dir.file("s.db");
  pid_t writer = spawn_cli({"--quiet", "--db", db_path, "ingest", dir.file("a.jsonl"), "--batch-size", "100"});
  int reads = 0;
  while (true) {
    int status = 0;
    bool done = waitpid(writer, &status, WNOHANG) == writer;
    if (std::filesystem::exists(db_path)) {
      auto db = store::Database::open(db_path, /*read_only=*/true);
      if (db.is_ok()) {
        auto query = db->prepare("SELECT count(*) FROM articles");
        if (query.is_ok() && query->step()) {
          int64_t count = query->column_int(0);
          EXPECT_TRUE(count % 100 == 0 || count == 3000) << count;
          ++reads;
        }
      }
    }
    if (done) {
      EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0);
      break;
    }
  }
  EXPECT_GT(reads, 0);
}

}  // namespace
}  // namespace storyline::testing
