// Two ingests of overlapping inputs at the same time give the same store as
// one ingest; a reader during an ingest sees whole batches only, and the
// HTTP API during an ingest never answers with a torn story.
#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>

#include <httplib.h>

#include <fstream>
#include <set>

#include "serve/server.h"
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

// Reports on a few recurring harbour topics: each topic's reports share most
// words, so stories form, grow and merge while the ingest runs.
void write_story_feed(const std::string& path, int from, int to) {
  static const char* towns[] = {"Solvik", "Marrow Bay", "Kessel", "Tarnhold", "Ivering", "Lunde"};
  static const char* events[] = {"a warehouse fire", "a crane collapse", "a ferry strike", "a fuel spill"};
  std::ofstream out(path);
  for (int i = from; i < to; ++i) {
    int topic = i % 12;
    std::string town = towns[topic % 6], event = events[topic % 4];
    out << "{\"source\":\"Wire " << (i % 5) << "\",\"title\":\"" << town << " harbour: " << event
        << "\",\"published\":\"2026-03-0" << (1 + (i / 60) % 9) << "\",\"text\":\"Officials in " << town
        << " said " << event << " closed the harbour on Monday. Report " << i << " says crews from " << town
        << " worked through the night after " << event << ". The port authority of " << town
        << " expects to reopen the quays within days.\"}\n";
  }
}

nlohmann::json get(serve::Server& server, const std::string& path, const httplib::Params& params, int& status) {
  httplib::Request request;
  request.method = "GET";
  request.path = path;
  request.params = params;
  httplib::Response response;
  server.handle(request, response);
  status = response.status;
  return nlohmann::json::parse(response.body, nullptr, false);
}

TEST(Concurrency, ServeDuringIngestSeesNoTornStories) {
  TempDir dir;
  write_story_feed(dir.file("first.jsonl"), 0, 60);
  write_story_feed(dir.file("rest.jsonl"), 60, 1500);
  std::string db_path = dir.file("s.db");
  std::string output;
  ASSERT_EQ(run_cli("--quiet --db " + db_path + " ingest " + dir.file("first.jsonl"), output), 0);
  serve::ServeOptions options;
  options.db_path = db_path;
  auto server = serve::Server::create(options);
  ASSERT_TRUE(server.is_ok()) << server.status().message();

  pid_t writer = spawn_cli({"--quiet", "--db", db_path, "ingest", dir.file("rest.jsonl"), "--batch-size", "20"});
  int listings = 0, stories = 0;
  while (true) {
    int exit_status = 0;
    bool done = waitpid(writer, &exit_status, WNOHANG) == writer;
    int status = 0;
    nlohmann::json listing = get(**server, "/api/stories", {{"limit", "200"}}, status);
    ASSERT_EQ(status, 200) << listing.dump();
    // The page and the total come from one snapshot: no story of the
    // ranking vanished (merged) before its summary was read.
    size_t total = listing["total"];
    ASSERT_EQ(listing["stories"].size(), std::min<size_t>(total, 200)) << listing.dump();
    ++listings;
    for (size_t i = 0; i < listing["stories"].size() && i < 3; ++i) {
      std::string id = listing["stories"][i]["id"];
      // The largest page: the whole story up to 200 articles.
      nlohmann::json story = get(**server, "/api/stories/" + id, {{"limit", "200"}}, status);
      ASSERT_EQ(status, 200) << story.dump();
      // The story's size, its member list and the articles of its report
      // agree: all three were read at one commit.
      size_t size = story["story"]["size"];
      EXPECT_EQ(story["story"]["page"]["total"], size) << id;
      EXPECT_EQ(story["story"]["articles"].size(), std::min<size_t>(size, 200)) << id;
      EXPECT_EQ(story["articles"].size(), std::min<size_t>(size, 200)) << id;
      std::set<std::string> members;
      for (const auto& member : story["story"]["articles"]) members.insert(member.get<std::string>());
      for (const auto& article : story["articles"]) EXPECT_TRUE(members.count(article["id"].get<std::string>())) << id;
      ++stories;
    }
    // And in the store itself, at one snapshot: every article is in exactly
    // one story that was not merged away.
    {
      auto db = store::Database::open(db_path, /*read_only=*/true);
      ASSERT_TRUE(db.is_ok());
      ASSERT_TRUE(db->execute("BEGIN").is_ok());
      auto query = db->prepare(
          "SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM story_members),"
          " (SELECT count(*) FROM story_members m JOIN stories s ON s.id = m.story_id WHERE s.merged_into IS NULL)");
      ASSERT_TRUE(query.is_ok() && query->step());
      EXPECT_EQ(query->column_int(0), query->column_int(1));
      EXPECT_EQ(query->column_int(1), query->column_int(2));
    }
    if (done) {
      EXPECT_TRUE(WIFEXITED(exit_status) && WEXITSTATUS(exit_status) == 0);
      break;
    }
  }
  EXPECT_GT(listings, 1);
  std::printf("[ serve    ] %d listings and %d stories read during the ingest, none torn\n", listings, stories);
}

}  // namespace
}  // namespace storyline::testing
