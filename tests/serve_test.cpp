// The HTTP API and the static files, through the real server on a loopback
// port, over a store built from examples/.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <unistd.h>

#include <httplib.h>

#include <atomic>
#include <fstream>
#include <set>
#include <thread>

#include "serve/server.h"
#include "serve/server_impl.h"
#include "store/database.h"
#include "test_support.h"

namespace storyline::testing {
namespace {

using nlohmann::json;

// A request exactly as written (no client normalises the path); returns the
// status code, 0 when no answer.
int raw_status(int port, const std::string& path) {
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(static_cast<uint16_t>(port));
  inet_pton(AF_INET, "127.0.0.1", &address.sin_addr);
  if (::connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0) return ::close(fd), 0;
  std::string request = "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n";
  (void)!::write(fd, request.data(), request.size());
  std::string answer;
  char buffer[4096];
  ssize_t n;
  while ((n = ::read(fd, buffer, sizeof buffer)) > 0) answer.append(buffer, n);
  ::close(fd);
  if (answer.rfind("HTTP/1.1 ", 0) != 0) return 0;
  return std::atoi(answer.substr(9, 3).c_str());
}

class ServeTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new TempDir();
    {
      auto engine = open_engine(dir_->file("examples.db"));
      ASSERT_TRUE(engine);
      ASSERT_TRUE(engine->ingest({source_path("examples")}, IngestOptions{}).is_ok());
    }
    // A web root of its own, with a secret beside it and a link out of it.
    std::filesystem::create_directories(dir_->path() / "web");
    std::ofstream(dir_->file("web/index.html")) << "<!doctype html><title>test app</title>";
    std::ofstream(dir_->file("web/app.js")) << "export const ok = 1;";
    std::ofstream(dir_->file("web/.hidden")) << "hidden";
    std::ofstream(dir_->file("secret.txt")) << "secret";
    std::filesystem::create_symlink(dir_->file("secret.txt"), dir_->file("web/link.txt"));
    serve::ServeOptions options;
    options.db_path = dir_->file("examples.db");
    options.web_root = dir_->file("web");
    options.port = 0;
    options.token = "test-token";
    options.threads = 4;
    options.max_body_bytes = 64 * 1024;
    auto server = serve::Server::create(options);
    ASSERT_TRUE(server.is_ok()) << server.status().message();
    server_ = server->release();
    ASSERT_TRUE(server_->bind().is_ok());
    thread_ = new std::thread([] { server_->listen(); });
  }
  static void TearDownTestSuite() {
    server_->stop();
    thread_->join();
    delete thread_;
    delete server_;
    delete dir_;
  }

  static httplib::Client client() {
    httplib::Client c("127.0.0.1", server_->port());
    c.set_read_timeout(30);
    return c;
  }
  static json get_json(const std::string& path, int expected_status = 200) {
    auto c = client();
    auto result = c.Get(path);
    EXPECT_TRUE(result) << path;
    if (!result) return {};
    EXPECT_EQ(result->status, expected_status) << path << ": " << result->body;
    EXPECT_EQ(result->get_header_value("Content-Type"), "application/json") << path;
    return json::parse(result->body, nullptr, false);
  }
  static void expect_error(const std::string& path, int status, const std::string& code) {
    json body = get_json(path, status);
    ASSERT_TRUE(body.is_object()) << path;
    EXPECT_EQ(body["error"]["code"], code) << path;
    EXPECT_TRUE(body["error"]["message"].is_string()) << path;
  }
  static httplib::Result post(const std::string& body, const std::string& token = "test-token") {
    auto c = client();
    httplib::Headers headers;
    if (!token.empty()) headers.emplace("Authorization", "Bearer " + token);
    return c.Post("/api/articles", headers, body, "application/json");
  }
  static int64_t article_count() {
    auto db = store::Database::open(dir_->file("examples.db"), true);
    auto query = db->prepare("SELECT count(*) FROM articles");
    return query->step() ? query->column_int(0) : -1;
  }

  static TempDir* dir_;
  static serve::Server* server_;
  static std::thread* thread_;
};

TempDir* ServeTest::dir_ = nullptr;
serve::Server* ServeTest::server_ = nullptr;
std::thread* ServeTest::thread_ = nullptr;

TEST_F(ServeTest, ListsStoriesByRecencyAndCoverage) {
  json page = get_json("/api/stories");
  ASSERT_EQ(page["stories"].size(), 2u);
  EXPECT_EQ(page["total"], 2);
  // The accord (8 articles, 8 outlets, last on 5 March) outranks the floods
  // (2 articles, same last day).
  EXPECT_EQ(page["stories"][0]["size"], 8);
  EXPECT_EQ(page["stories"][1]["size"], 2);
  EXPECT_GT(page["stories"][0]["score"].get<double>(), page["stories"][1]["score"].get<double>());
  json second = get_json("/api/stories?limit=1&offset=1");
  ASSERT_EQ(second["stories"].size(), 1u);
  EXPECT_EQ(second["stories"][0]["id"], page["stories"][1]["id"]);
  EXPECT_EQ(second["total"], 2);
}

TEST_F(ServeTest, SearchesArticlesWithFullText) {
  json hydrogen = get_json("/api/stories?q=hydrogen%20Oslo");
  ASSERT_EQ(hydrogen["stories"].size(), 1u);
  EXPECT_EQ(hydrogen["stories"][0]["size"], 8);
  EXPECT_GE(hydrogen["stories"][0]["matches"].get<int>(), 5);
  json floods = get_json("/api/stories?q=adige");  // case-folded
  ASSERT_EQ(floods["stories"].size(), 1u);
  EXPECT_EQ(floods["stories"][0]["size"], 2);
  EXPECT_EQ(get_json("/api/stories?q=zeppelin")["total"], 0);
  // FTS5 syntax in what a person types is text, not an error.
  EXPECT_EQ(get_json("/api/stories?q=%22hydrogen%20OR%20NEAR(")["total"], 0);
  EXPECT_EQ(get_json("/api/stories?q=hydro*")["total"], 1);
}

TEST_F(ServeTest, FiltersByOutletAndDates) {
  json harbour = get_json("/api/stories?outlet=harbour%20ledger");
  ASSERT_EQ(harbour["stories"].size(), 1u);
  EXPECT_EQ(harbour["stories"][0]["size"], 8);
  EXPECT_EQ(get_json("/api/stories?outlet=Coastal%20Times")["total"], 2);
  EXPECT_EQ(get_json("/api/stories?outlet=Nobody%20Daily")["total"], 0);
  // Only the accord's preview is dated 2 March.
  json early = get_json("/api/stories?to=2026-03-02");
  ASSERT_EQ(early["stories"].size(), 1u);
  EXPECT_EQ(early["stories"][0]["size"], 8);
  EXPECT_EQ(get_json("/api/stories?from=2026-03-04&to=2026-03-05")["total"], 2);
  EXPECT_EQ(get_json("/api/stories?from=2026-04-01")["total"], 0);
  EXPECT_EQ(get_json("/api/stories?q=rail&from=2026-03-01&to=2026-03-31")["total"], 1);
}

// Server::handle is the listening server without its socket (the fuzz
// target uses it): the same routes, the same JSON errors.
TEST_F(ServeTest, HandleAnswersWithoutASocketAsTheListeningServerDoes) {
  auto answer = [](const std::string& method, const std::string& path, httplib::Params params = {}) {
    httplib::Request request;
    request.method = method;
    request.path = path;
    request.params = std::move(params);
    httplib::Response response;
    server_->handle(request, response);
    return response;
  };
  httplib::Response health = answer("GET", "/api/health");
  EXPECT_EQ(health.status, 200);
  EXPECT_EQ(json::parse(health.body)["status"], "ok");
  EXPECT_EQ(health.get_header_value("X-Content-Type-Options"), "nosniff");
  EXPECT_EQ(answer("HEAD", "/api/health").status, 200);
  httplib::Response stories = answer("GET", "/api/stories", {{"limit", "2"}});
  EXPECT_EQ(stories.status, 200);
  EXPECT_LE(json::parse(stories.body)["stories"].size(), 2u);
  for (auto [method, path, status] : {std::tuple<const char*, std::string, int>{"GET", "/api/nothing", 404},
                                      {"GET", "/api/stories/story-999999", 404},
                                      {"PUT", "/api/stories", 404},
                                      {"POST", "/api/stories", 404},
                                      {"GET", "/" + std::string(20000, 'a'), 414}}) {
    httplib::Response response = answer(method, path);
    EXPECT_EQ(response.status, status) << method << " " << path.substr(0, 40);
    auto body = json::parse(response.body, nullptr, false);
    ASSERT_FALSE(body.is_discarded()) << response.body;
    EXPECT_TRUE(body["error"]["code"].is_string()) << response.body;
  }
  EXPECT_EQ(answer("GET", "/api/stories", {{"limit", "abc"}}).status, 400);
}

TEST_F(ServeTest, MalformedParametersAre400) {
  for (const char* path :
       {"/api/stories?limit=0", "/api/stories?limit=abc", "/api/stories?limit=201", "/api/stories?offset=-1",
        "/api/stories?from=2026-02-30", "/api/stories?to=yesterday", "/api/stories?from=2026-03-05&to=2026-03-01",
        "/api/stories?q=%20%2C%3B", "/api/stories?colour=red", "/api/stories?limit=1&limit=2",
        "/api/stories?outlet=", "/api/stories/story-1?x=1", "/api/stories?entity=oslo",
        "/api/stories?event_type=21", "/api/stories?event_type=abc", "/api/stories?event_type=0",
        "/api/entities/entity-1?x=1"})
    expect_error(path, 400, "bad_request");
}

TEST_F(ServeTest, StoryHasArticlesRelationsAndEverySection) {
  json list = get_json("/api/stories?q=hydrogen");
  std::string id = list["stories"][0]["id"];
  json story = get_json("/api/stories/" + id);
  EXPECT_EQ(story["story"]["id"], id);
  EXPECT_EQ(story["story"]["size"], 8);
  ASSERT_EQ(story["articles"].size(), 8u);
  for (const auto& article : story["articles"]) {
    EXPECT_FALSE(article["text"].get<std::string>().empty());
    EXPECT_FALSE(article["sentences"].empty());
  }
  for (const char* section : {"entities", "events", "quotes", "claims"})
    EXPECT_TRUE(story[section].is_array()) << section;
  EXPECT_FALSE(story.contains("stories"));
  // The brief of this story, from the same report: key facts that cite the
  // story's own articles, and the examples' 12-or-14-billion disagreement.
  const json& brief = story["brief"];
  EXPECT_EQ(brief["story"], id);
  ASSERT_FALSE(brief["key_facts"].empty());
  std::set<std::string> members;
  for (const auto& article : story["articles"]) members.insert(article["id"].get<std::string>());
  for (const auto& cite : brief["key_facts"][0]["cites"]) EXPECT_TRUE(members.count(cite["article"].get<std::string>()));
  ASSERT_EQ(brief["disagreements"].size(), 1u);
  EXPECT_EQ(brief["disagreements"][0]["values"].size(), 2u);
  bool duplicate = false, rewrite_aligned = false;
  for (const auto& relation : story["story"]["relations"]) {
    duplicate |= relation["type"] == "duplicate";
    if (relation["type"] == "rewrite" && !relation["aligned"].empty()) rewrite_aligned = true;
  }
  EXPECT_TRUE(duplicate);
  EXPECT_TRUE(rewrite_aligned);
  // "N" is the same story as "story-N".
  EXPECT_EQ(get_json("/api/stories/" + id.substr(6))["story"]["id"], id);
}

TEST_F(ServeTest, ArticleById) {
  json story = get_json("/api/stories/" + get_json("/api/stories?q=adige")["stories"][0]["id"].get<std::string>());
  std::string id = story["articles"][0]["id"];
  json article = get_json("/api/articles/" + id);
  EXPECT_EQ(article["article"]["id"], id);
  EXPECT_EQ(article["story"], story["story"]["id"]);
  EXPECT_TRUE(article["quotes"].is_array());
}

TEST_F(ServeTest, EntityWithMentionsAndStories) {
  // Oslo, as the story's entities section lists it.
  json story = get_json("/api/stories/" + get_json("/api/stories?q=hydrogen")["stories"][0]["id"].get<std::string>());
  std::string oslo;
  for (const auto& entity : story["entities"])
    if (entity["name"] == "Oslo") oslo = entity["id"];
  ASSERT_FALSE(oslo.empty()) << story["entities"].dump().substr(0, 400);
  json entity = get_json("/api/entities/" + oslo);
  EXPECT_EQ(entity["entity"]["name"], "Oslo");
  EXPECT_EQ(entity["entity"]["type"], "PLACE");
  ASSERT_GE(entity["mentions"].size(), 4u);
  for (const auto& mention : entity["mentions"]) {
    EXPECT_NE(mention["sentence"].get<std::string>().find("Oslo"), std::string::npos) << mention.dump();
    EXPECT_TRUE(mention["title"].is_string());
  }
  ASSERT_EQ(entity["stories"].size(), 1u);
  EXPECT_EQ(entity["stories"][0]["id"], story["story"]["id"]);
  EXPECT_TRUE(entity["events"].is_array());
  // The stories filter by entity: Oslo is in the accord only.
  json filtered = get_json("/api/stories?entity=" + oslo);
  ASSERT_EQ(filtered["stories"].size(), 1u);
  EXPECT_EQ(filtered["stories"][0]["id"], story["story"]["id"]);
}

TEST_F(ServeTest, FiltersByEventTypeAndShowsAnActorsEvents) {
  // The accord is signed (CAMEO 057); the floods story has no agreement.
  json signed_ = get_json("/api/stories?event_type=057");
  ASSERT_EQ(signed_["stories"].size(), 1u);
  EXPECT_EQ(signed_["stories"][0]["size"], 8);
  EXPECT_EQ(get_json("/api/stories?event_type=05")["total"], 1);
  EXPECT_EQ(get_json("/api/stories?event_type=19")["total"], 0);  // no fighting in the examples
  // Arancibia's page: events where he is an actor, and his quotes.
  json story = get_json("/api/stories/" + signed_["stories"][0]["id"].get<std::string>());
  ASSERT_FALSE(story["events"].empty());
  std::string president;
  for (const auto& entity : story["entities"])
    if (entity["name"] == "Mateo Arancibia") president = entity["id"];
  ASSERT_FALSE(president.empty());
  json page = get_json("/api/entities/" + president);
  ASSERT_FALSE(page["events"].empty());
  // An actor is the entity by id, or by name where events left it unresolved.
  auto is_president = [&](const json& actor) {
    return actor.is_object() && (actor["entity"] == president ||
                                 (actor["entity"].is_null() && actor["name"] == "Mateo Arancibia"));
  };
  for (const auto& event : page["events"])
    EXPECT_TRUE(is_president(event["source"]) || is_president(event["target"])) << event.dump().substr(0, 300);
  ASSERT_FALSE(page["quotes"].empty());
  for (const auto& quote : page["quotes"]) EXPECT_EQ(quote["speaker"]["entity"], president);
}

TEST_F(ServeTest, UnknownIdsAre404) {
  expect_error("/api/stories/story-999999", 404, "not_found");
  expect_error("/api/stories/not-a-story", 404, "not_found");
  expect_error("/api/articles/ffffffffffffffff", 404, "not_found");
  expect_error("/api/nothing-here", 404, "not_found");
  expect_error("/api/entities/entity-999999", 404, "not_found");
  expect_error("/api/entities/someone", 404, "not_found");
}

TEST_F(ServeTest, ETagsAnswer304WhenNothingChanged) {
  auto c = client();
  auto first = c.Get("/api/stories?limit=5");
  ASSERT_TRUE(first);
  std::string etag = first->get_header_value("ETag");
  ASSERT_FALSE(etag.empty());
  auto again = c.Get("/api/stories?limit=5", {{"If-None-Match", etag}});
  ASSERT_TRUE(again);
  EXPECT_EQ(again->status, 304);
  EXPECT_TRUE(again->body.empty());
  auto listed = c.Get("/api/stories?limit=5", {{"If-None-Match", "\"0000\", W/" + etag}});
  EXPECT_EQ(listed->status, 304);
  auto other = c.Get("/api/stories?limit=5", {{"If-None-Match", "\"0000\""}});
  EXPECT_EQ(other->status, 200);
  EXPECT_EQ(other->body, first->body);
  auto page = c.Get("/");
  ASSERT_TRUE(page);
  auto page_again = c.Get("/", {{"If-None-Match", page->get_header_value("ETag")}});
  EXPECT_EQ(page_again->status, 304);
}

TEST_F(ServeTest, PostNeedsTheToken) {
  int64_t before = article_count();
  std::string article = R"({"source":"Test Wire","title":"Lighthouse keepers vote","text":"Keepers of the northern lights voted to strike. The vote was close."})";
  auto missing = post(article, "");
  ASSERT_TRUE(missing);
  EXPECT_EQ(missing->status, 401);
  EXPECT_EQ(json::parse(missing->body)["error"]["code"], "unauthorized");
  EXPECT_EQ(post(article, "test-tokem")->status, 401);
  EXPECT_EQ(post(article, "test-token-longer")->status, 401);
  EXPECT_EQ(article_count(), before);
}

TEST_F(ServeTest, MalformedOrOversizedPostsStoreNothing) {
  int64_t before = article_count();
  struct Case {
    std::string body;
    int status;
  };
  std::string good = R"({"title":"Quay repaired","text":"The old quay reopened after repairs. Fishers cheered."})";
  std::vector<Case> cases = {
      {"{not json", 400},
      {"[]", 400},
      {"42", 400},
      {R"({"title":"No text"})", 400},
      {R"({"title":"Wrong type","text":7})", 400},
      {R"({"title":"Both","text":"a b c.","html":"<p>a</p>"})", 400},
      {R"({"title":"Extra","text":"Some words here.","colour":"red"})", 400},
      {"[" + good + R"(,{"title":"second has no text"}])", 400},  // all or nothing
      {"[" + good + R"(,{"html":"<nav>menu</nav>"}])", 400},       // nothing left after cleaning
      {R"({"title":"Huge","text":")" + std::string(100 * 1024, 'x') + "\"}", 413},
  };
  for (const Case& c : cases) {
    auto result = post(c.body);
    ASSERT_TRUE(result) << c.body.substr(0, 60);
    EXPECT_EQ(result->status, c.status) << c.body.substr(0, 60) << " → " << result->body;
    json error = json::parse(result->body, nullptr, false);
    EXPECT_TRUE(error.contains("error")) << result->body;
  }
  EXPECT_EQ(article_count(), before);
}

TEST_F(ServeTest, PostedArticlesAreStoredAndSearchable) {
  std::string body = R"([{"id":"t-1","source":"Test Wire","title":"Beekeepers count losses","published":"2026-03-06",
    "text":"Beekeepers in the valley counted their hives after the frost. Many colonies were lost."},
    {"source":"Test Gazette","title":"Frost hits hives","published":"2026-03-06",
    "html":"<html><body><article><h1>Frost hits hives</h1><p>A late frost killed many bee colonies in the valley, keepers said on Friday.</p></article></body></html>"}])";
  auto first = post(body);
  ASSERT_TRUE(first);
  ASSERT_EQ(first->status, 201) << first->body;
  json answer = json::parse(first->body);
  EXPECT_EQ(answer["stored"], 2);
  EXPECT_EQ(answer["ids"].size(), 2u);
  json found = get_json("/api/stories?q=beekeepers");
  ASSERT_GE(found["total"].get<int>(), 1);
  auto again = post(body);
  ASSERT_EQ(again->status, 200);
  EXPECT_EQ(json::parse(again->body)["known"], 2);
  json article = get_json("/api/articles/" + answer["ids"][0].get<std::string>());
  EXPECT_EQ(article["article"]["source"], "Test Wire");
}

TEST_F(ServeTest, StaticFilesNeverComeFromOutsideTheRoot) {
  EXPECT_EQ(raw_status(server_->port(), "/"), 200);
  EXPECT_EQ(raw_status(server_->port(), "/app.js"), 200);
  for (const char* path : {"/../secret.txt", "/..%2fsecret.txt", "/%2e%2e/secret.txt", "/%2E%2E%2Fsecret.txt",
                           "/web/../../secret.txt", "/./index.html", "/.hidden", "/link.txt", "//etc/passwd",
                           "/..\\secret.txt", "/index.html%00.js", "/%2e%2e%2f%2e%2e%2f%2e%2e%2fetc%2fpasswd",
                           "/nothing.html"}) {
    int status = raw_status(server_->port(), path);
    EXPECT_TRUE(status == 404 || status == 400) << path << " → " << status;
  }
  auto c = client();
  auto js = c.Get("/app.js");
  EXPECT_EQ(js->get_header_value("Content-Type"), "text/javascript; charset=utf-8");
}

TEST_F(ServeTest, ReadersAnswerWhileAnIngestWrites) {
  // Another process's ingest is simulated by an engine of this one writing
  // batch after batch while clients read.
  std::atomic<bool> done{false};
  std::thread writer([&] {
    auto engine = open_engine(dir_->file("examples.db"));
    for (int batch = 0; batch < 20 && engine; ++batch) {
      std::vector<RawDocument> documents;
      for (int i = 0; i < 25; ++i) {
        RawDocument document;
        document.origin = "test";
        document.source = "Load Wire";
        document.title = "Tide table " + std::to_string(batch) + "-" + std::to_string(i);
        document.body = "The tide table for pier " + std::to_string(batch * 100 + i) + " was published today.";
        documents.push_back(document);
      }
      EXPECT_TRUE(engine->ingest_documents(documents, IngestOptions{}).is_ok());
    }
    done = true;
  });
  std::vector<std::thread> readers;
  std::atomic<int> failures{0}, answers{0};
  for (int t = 0; t < 3; ++t)
    readers.emplace_back([&] {
      auto c = client();
      while (!done || answers < 6) {
        auto result = c.Get("/api/stories?q=tide&limit=5");
        if (!result || result->status != 200) ++failures;
        ++answers;
      }
    });
  writer.join();
  for (auto& reader : readers) reader.join();
  EXPECT_EQ(failures, 0);
  EXPECT_GE(get_json("/api/stories?q=tide%20pier")["total"].get<int>(), 1);
}

TEST_F(ServeTest, AnswersAreGzippedNeverBrotli) {
  auto c = client();
  c.set_decompress(false);
  auto result = c.Get("/api/stories/" + get_json("/api/stories?q=hydrogen")["stories"][0]["id"].get<std::string>(),
                      {{"Accept-Encoding", "gzip, deflate, br"}});
  ASSERT_TRUE(result);
  EXPECT_EQ(result->get_header_value("Content-Encoding"), "gzip");
  EXPECT_EQ(serve::without_brotli("br"), "");
  EXPECT_EQ(serve::without_brotli("gzip, deflate, br, zstd"), "gzip, deflate, zstd");
  EXPECT_EQ(serve::without_brotli("br;q=1.0,gzip;q=0.5"), "gzip;q=0.5");
}

// A stop that comes before the listening loop has started (a signal at
// start-up; a test suite that sends no request) is not lost: listen()
// returns. Before the fix, httplib ignored such a stop and listen() hung.
TEST(Serve, StopBeforeTheLoopStartsIsNotLost) {
  TempDir dir;
  serve::ServeOptions options;
  options.db_path = dir.file("s.db");
  options.port = 0;
  for (int round = 0; round < 20; ++round) {
    auto server = serve::Server::create(options);
    ASSERT_TRUE(server.is_ok()) << server.status().message();
    ASSERT_TRUE((*server)->bind().is_ok());
    std::atomic<bool> returned{false};
    std::thread listening([&] {
      EXPECT_TRUE((*server)->listen().is_ok());
      returned = true;
    });
    if (round % 2) std::this_thread::sleep_for(std::chrono::microseconds(50 * round));
    (*server)->stop();
    for (int i = 0; i < 5000 && !returned; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(1));
    EXPECT_TRUE(returned) << "listen() did not return after stop() (round " << round << ")";
    if (!returned) {
      (*server)->stop();
      listening.detach();
      return;
    }
    listening.join();
  }
}

TEST(Serve, StopsOnSigtermAndExitsCleanly) {
  TempDir dir;
  std::string output;
  std::string script = "sh -c '" + std::string(STORYLINE_BINARY) + " --db " + dir.file("s.db") +
                       " serve --port 0 2>" + dir.file("err") +
                       " & pid=$!; for i in $(seq 600); do grep -q serving " + dir.file("err") +
                       " && break; sleep 0.1; done; kill -TERM $pid; wait $pid; echo exit=$?'";
  FILE* pipe = popen(script.c_str(), "r");
  ASSERT_TRUE(pipe);
  char buffer[256];
  while (fgets(buffer, sizeof buffer, pipe)) output += buffer;
  pclose(pipe);
  EXPECT_EQ(output, "exit=0\n");
  std::ifstream err(dir.file("err"));
  std::string messages((std::istreambuf_iterator<char>(err)), std::istreambuf_iterator<char>());
  EXPECT_NE(messages.find("serving"), std::string::npos) << messages;
  EXPECT_NE(messages.find("stopped"), std::string::npos) << messages;
}

}  // namespace
}  // namespace storyline::testing
