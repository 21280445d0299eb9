// Ingest into a store on a file system that fills up: the CLI must stop
// with a clear error (exit code 3, the message names the store), the store
// must hold whole batches only and pass SQLite's integrity check, and once
// space is freed the same command must complete. The file system is a small
// tmpfs this test mounts (root or CAP_SYS_ADMIN); without that it is skipped.
#include <sys/mount.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <iterator>

#include "store/database.h"
#include "test_support.h"

namespace storyline::testing {
namespace {

// A tmpfs of `megabytes` at `path`, unmounted when this goes away.
class SmallFileSystem {
 public:
  SmallFileSystem(const std::filesystem::path& path, int megabytes) : path_(path) {
    std::filesystem::create_directories(path_);
    std::string options = "size=" + std::to_string(megabytes) + "m";
    if (::mount("tmpfs", path_.c_str(), "tmpfs", 0, options.c_str()) == 0) mounted_ = true;
    else error_ = std::strerror(errno);
  }
  ~SmallFileSystem() {
    if (mounted_) ::umount2(path_.c_str(), MNT_DETACH);
  }
  bool mounted() const { return mounted_; }
  const std::string& error() const { return error_; }

 private:
  std::filesystem::path path_;
  bool mounted_ = false;
  std::string error_;
};

int64_t scalar(const std::string& db_path, const std::string& sql) {
  auto db = store::Database::open(db_path);
  if (!db) return -1;
  auto query = db->prepare(sql);
  if (!query) return -1;
  return query->step() ? query->column_int(0) : -1;
}

std::string integrity(const std::string& db_path) {
  auto db = store::Database::open(db_path);
  if (!db) return db.status().message();
  auto query = db->prepare("PRAGMA integrity_check");
  if (!query) return query.status().message();
  return query->step() ? query->column_text(0) : "no answer";
}

std::string read_file(const std::string& path) {
  std::ifstream in(path);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

TEST(FullDisk, IngestStopsWithAClearErrorKeepsWholeBatchesAndResumes) {
  TempDir dir;
  SmallFileSystem disk(dir.path() / "disk", 32);
  if (!disk.mounted())
    GTEST_SKIP() << "cannot mount a 32 MB tmpfs for the full-disk test (" << disk.error()
                 << "): run the tests as root or with CAP_SYS_ADMIN";
  constexpr int kArticles = 1500;
  constexpr int kBatch = 50;
  std::string input = dir.file("articles.jsonl");
  {
    std::ofstream out(input);
    for (int i = 0; i < kArticles; ++i) {
      out << "{\"id\":\"" << i << "\",\"source\":\"Wire " << (i % 5) << "\",\"title\":\"Harbour report " << i
          << "\",\"published\":\"2026-03-0" << (1 + i % 9) << "\",\"text\":\"";
      for (int p = 0; p < 6; ++p)
        out << "Officials in Solvik said on Tuesday that shipment " << i * 7 + p << " of cargo lot " << i
            << " reached pier " << p << ". Minister Ada Brenn told reporters: \\\"We counted " << i + p
            << " containers.\\\" ";
      out << "\"}\n";
    }
  }
  std::string db_path = (dir.path() / "disk" / "store.db").string();
  // Leave about 2 MB: the store's schema fits, the articles do not.
  std::string filler = (dir.path() / "disk" / "filler").string();
  {
    std::ofstream out(filler, std::ios::binary);
    std::string block(1 << 20, 'x');
    for (int i = 0; i < 30; ++i) out << block;
  }
  std::string output, errors = dir.file("errors.txt");
  int code = run_cli("--quiet --db " + db_path + " ingest " + input + " --batch-size " + std::to_string(kBatch), output,
                     errors);
  std::string message = read_file(errors);
  EXPECT_EQ(code, 3) << message;
  EXPECT_NE(message.find(db_path), std::string::npos) << "the error names the store: " << message;
  EXPECT_NE(message.find("full"), std::string::npos) << "the error says the disk is full: " << message;

  // Free the space, then look at what the failed run left.
  std::filesystem::remove(filler);
  EXPECT_EQ(integrity(db_path), "ok");
  int64_t stored = scalar(db_path, "SELECT count(*) FROM articles");
  EXPECT_LT(stored, kArticles) << "the disk never filled: make the input larger";
  EXPECT_EQ(stored % kBatch, 0) << stored << " articles: whole batches only";
  EXPECT_EQ(scalar(db_path, "SELECT count(*) FROM articles WHERE row NOT IN (SELECT article_row FROM story_members)"),
            0)
      << "every stored article has its derived rows";
  std::printf("[ full     ] the disk filled after %lld of %d articles\n", static_cast<long long>(stored), kArticles);

  code = run_cli("--quiet --db " + db_path + " ingest " + input + " --batch-size " + std::to_string(kBatch), output,
                 errors);
  EXPECT_EQ(code, 0) << read_file(errors);
  EXPECT_EQ(scalar(db_path, "SELECT count(*) FROM articles"), kArticles);
  EXPECT_EQ(integrity(db_path), "ok");
}

}  // namespace
}  // namespace storyline::testing
