// Kill `storyline ingest` with SIGKILL at random points of a large ingest,
// several times; the store must pass SQLite's integrity check after each
// kill, hold only whole batches, and a re-run must end with exactly the
// content of an uninterrupted ingest.
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>

#include <chrono>
#include <fstream>
#include <random>
#include <thread>

#include "store/database.h"
#include "test_support.h"

extern char** environ;

namespace storyline::testing {
namespace {

// Rows in `table`; 0 when the store or the table does not exist yet (a kill
// can come before the first migration commits).
int64_t count_rows(const std::string& db_path, const std::string& table) {
  if (!std::filesystem::exists(db_path)) return 0;
  auto db = store::Database::open(db_path);
  EXPECT_TRUE(db.is_ok());
  if (!db) return -1;
  auto query = db->prepare("SELECT count(*) FROM " + table);
  if (!query) return 0;
  return query->step() ? query->column_int(0) : -1;
}

std::string integrity(const std::string& db_path) {
  auto db = store::Database::open(db_path);
  if (!db) return db.status().message();
  auto query = db->prepare("PRAGMA integrity_check");
  if (!query) return query.status().message();
  return query->step() ? query->column_text(0) : "no answer";
}

pid_t spawn_ingest(const std::string& db_path, const std::string& input, int batch_size) {
  std::string batch = std::to_string(batch_size);
  std::vector<std::string> arguments = {STORYLINE_BINARY, "--quiet", "--db", db_path, "ingest", input,
                                        "--batch-size", batch};
  std::vector<char*> argv;
  for (auto& argument : arguments) argv.push_back(argument.data());
  argv.push_back(nullptr);
  pid_t pid = 0;
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
  EXPECT_EQ(posix_spawn(&pid, STORYLINE_BINARY, &actions, nullptr, argv.data(), environ), 0);
  posix_spawn_file_actions_destroy(&actions);
  return pid;
}

TEST(CrashSafety, KilledIngestLeavesWholeBatchesAndResumes) {
  TempDir dir;
  constexpr int kArticles = 3000;
  constexpr int kBatch = 50;
  std::string input = dir.file("articles.jsonl");
  {
    std::ofstream out(input);
    for (int i = 0; i < kArticles; ++i)
      out << "{\"id\":\"" << i << "\",\"source\":\"Wire " << (i % 7) << "\",\"title\":\"Report " << i
          << "\",\"published\":\"2026-03-0" << (1 + i % 9) << "\",\"text\":\"Officials in Solvik said on Tuesday that "
          << "report number " << i << " was filed. The harbour board met again. Mr. Veller declined to comment.\"}\n";
  }
  // The content an uninterrupted ingest gives.
  std::string reference = dir.file("reference.db");
  std::string output;
  auto started = std::chrono::steady_clock::now();
  ASSERT_EQ(run_cli("--quiet --db " + reference + " ingest " + input + " --batch-size 50", output), 0);
  auto duration = std::chrono::steady_clock::now() - started;
  ASSERT_EQ(count_rows(reference, "articles"), kArticles);

  std::string db_path = dir.file("killed.db");
  std::mt19937 random(7);
  int interrupted = 0;  // kills that cut an ingest short
  std::uniform_real_distribution<double> when(0.05, 0.9);
  for (int attempt = 0; attempt < 8; ++attempt) {
    // Kill somewhere inside the time a whole ingest takes; resume from what
    // the previous kill left, starting over only once a run got through.
    if (count_rows(db_path, "articles") == kArticles)
      for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(db_path + suffix);
    pid_t pid = spawn_ingest(db_path, input, kBatch);
    std::this_thread::sleep_for(std::chrono::duration_cast<std::chrono::microseconds>(duration * when(random)));
    kill(pid, SIGKILL);
    int status = 0;
    waitpid(pid, &status, 0);
    EXPECT_EQ(integrity(db_path), "ok") << "after kill " << attempt;
    int64_t stored = count_rows(db_path, "articles");
    // Whole batches only: each kill can cut a run between batches, never in
    // one; a run that finished stored everything.
    EXPECT_TRUE(stored == kArticles || stored % kBatch == 0) << stored << " articles after kill " << attempt;
    if (WIFSIGNALED(status) && stored < kArticles) ++interrupted;
  }
  EXPECT_GT(interrupted, 0) << "no run was killed mid-way: make the input larger";
  std::printf("[ crash    ] %d of 8 kills interrupted an ingest mid-way\n", interrupted);
  ASSERT_EQ(run_cli("--quiet --db " + db_path + " ingest " + input + " --batch-size 50", output), 0);
  EXPECT_EQ(integrity(db_path), "ok");
  EXPECT_EQ(count_rows(db_path, "articles"), kArticles);
  // Same ids as the uninterrupted run.
  auto a = store::Database::open(db_path);
  ASSERT_TRUE(a.is_ok());
  ASSERT_TRUE(a->execute("ATTACH DATABASE '" + reference + "' AS reference").is_ok());
  auto missing = a->prepare("SELECT count(*) FROM reference.articles r WHERE NOT EXISTS "
                            "(SELECT 1 FROM articles x WHERE x.id = r.id AND x.text = r.text)");
  ASSERT_TRUE(missing.is_ok());
  ASSERT_TRUE(missing->step());
  EXPECT_EQ(missing->column_int(0), 0);
}

}  // namespace
}  // namespace storyline::testing
