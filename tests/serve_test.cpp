// The HTTP API and the static files, through the real server on a loopback
// port, over a store built from examples/.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
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

// A connected loopback socket (-1 when the server is not there).
int connect_to(int port) {
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(static_cast<uint16_t>(port));
  inet_pton(AF_INET, "127.0.0.1", &address.sin_addr);
  if (::connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0) return ::close(fd), -1;
  return fd;
}

// What the server sends within `seconds` (until it closes or is silent that long).
std::string read_answer(int fd, int seconds) {
  std::string answer;
  char buffer[4096];
  for (;;) {
    pollfd entry{fd, POLLIN, 0};
    if (::poll(&entry, 1, seconds * 1000) <= 0) break;
    ssize_t n = ::recv(fd, buffer, sizeof buffer, 0);
    if (n <= 0) break;
    answer.append(buffer, n);
    if (answer.find("\r\n\r\n") != std::string::npos) {
      // Headers in: read the declared body, then stop (the connection may stay open).
      size_t at = answer.find("Content-Length: ");
      size_t head = answer.find("\r\n\r\n") + 4;
      if (at != std::string::npos && answer.size() >= head + std::stoul(answer.substr(at + 16))) break;
    }
  }
  return answer;
}

int status_of(const std::string& answer) {
  return answer.rfind("HTTP/1.1 ", 0) == 0 ? std::atoi(answer.substr(9, 3).c_str()) : 0;
}

// Writes what it can of `data` within a short wait; the bytes written.
size_t send_some(int fd, const std::string& data) {
  size_t sent = 0;
  while (sent < data.size()) {
    pollfd entry{fd, POLLOUT, 0};
    if (::poll(&entry, 1, 200) <= 0) break;
    ssize_t n = ::send(fd, data.data() + sent, data.size() - sent, MSG_NOSIGNAL);
    if (n <= 0) break;
    sent += static_cast<size_t>(n);
  }
  return sent;
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
    options.max_connections_per_client = 500;
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

// A story's page holds at most `limit` articles, whatever the story's size:
// the report (and its cost) is the page's. Before, every member was reported.
TEST_F(ServeTest, StoryPagesAreBounded) {
  std::string id = get_json("/api/stories?q=hydrogen")["stories"][0]["id"];
  json first = get_json("/api/stories/" + id + "?limit=3");
  EXPECT_EQ(first["story"]["size"], 8);
  EXPECT_EQ(first["story"]["page"]["total"], 8);
  ASSERT_EQ(first["articles"].size(), 3u);
  EXPECT_EQ(first["story"]["articles"].size(), 3u);
  json last = get_json("/api/stories/" + id + "?limit=3&offset=6");
  ASSERT_EQ(last["articles"].size(), 2u);
  std::set<std::string> seen;
  for (const json* page : {&first, &last})
    for (const auto& article : (*page)["articles"]) seen.insert(article["id"].get<std::string>());
  EXPECT_EQ(seen.size(), 5u);  // no article on both pages
  expect_error("/api/stories/" + id + "?offset=8", 400, "bad_request");
  expect_error("/api/stories/" + id + "?limit=201", 400, "bad_request");
}

// The token is checked from the headers, before the body is read or parsed:
// a form body with a wrong token is 401, not a 400 about its "parameters".
TEST_F(ServeTest, WrongTokenIs401WhateverTheContentType) {
  auto c = client();
  for (const char* type : {"application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "text/plain",
                           "application/json"}) {
    auto result = c.Post("/api/articles", {{"Authorization", "Bearer wrong"}}, "title=a&text=b", type);
    ASSERT_TRUE(result) << type;
    EXPECT_EQ(result->status, 401) << type << ": " << result->body;
    EXPECT_NE(result->body.find("application/json"), std::string::npos) << result->body;
  }
  // With the token, a body that is not JSON is refused naming the type expected.
  auto form = c.Post("/api/articles", {{"Authorization", "Bearer test-token"}}, "title=a&text=b",
                     "application/x-www-form-urlencoded");
  ASSERT_TRUE(form);
  EXPECT_EQ(form->status, 415) << form->body;
  EXPECT_NE(form->body.find("Content-Type: application/json"), std::string::npos) << form->body;
}

// A client without the token gets its 401 as soon as its headers are in:
// the server does not wait for (or read) the body it is still sending.
TEST_F(ServeTest, UnauthenticatedBodyIsNeverRead) {
  int fd = connect_to(server_->port());
  ASSERT_GE(fd, 0);
  std::string head = "POST /api/articles HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer wrong\r\n"
                     "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
                     "10\r\n[{\"title\":\"a\",\"te\r\n";
  ASSERT_EQ(send_some(fd, head), head.size());
  std::string answer = read_answer(fd, 3);  // the rest of the body never comes
  ::close(fd);
  EXPECT_EQ(status_of(answer), 401) << answer;
}

// A chunked body is held to --max-body while it is read: 413 long before
// the client has sent it all, and nothing stored. Before, the whole body
// was read into memory, then parsed.
TEST_F(ServeTest, ChunkedBodyPastTheLimitIs413WhileRead) {
  int64_t before = article_count();
  int fd = connect_to(server_->port());
  ASSERT_GE(fd, 0);
  std::string head = "POST /api/articles HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer test-token\r\n"
                     "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n";
  std::string first = "{\"title\":\"Long\",\"text\":\"words ";
  char size[16];
  std::snprintf(size, sizeof size, "%zx", first.size());
  std::string opening = head + size + "\r\n" + first + "\r\n";
  ASSERT_EQ(send_some(fd, opening), opening.size());
  std::string chunk = "1000\r\n" + std::string(4096, 'w') + "\r\n";
  size_t body_sent = 0;
  std::string answer;
  while (body_sent < (16u << 20)) {  // 16 MB: 256 times the limit
    size_t sent = send_some(fd, chunk);
    body_sent += sent;
    if (sent < chunk.size()) break;  // the server stopped reading
  }
  answer = read_answer(fd, 5);
  ::close(fd);
  EXPECT_EQ(status_of(answer), 413) << answer.substr(0, 300);
  EXPECT_LT(body_sent, 8u << 20) << "the server kept reading past the limit";
  EXPECT_EQ(article_count(), before);
}

// A declared length past the limit is refused from the headers, the body unread.
TEST_F(ServeTest, DeclaredLengthPastTheLimitIs413BeforeTheBody) {
  int fd = connect_to(server_->port());
  ASSERT_GE(fd, 0);
  std::string head = "POST /api/articles HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer test-token\r\n"
                     "Content-Type: application/json\r\nContent-Length: 100000000\r\n\r\n{";
  ASSERT_EQ(send_some(fd, head), head.size());
  std::string answer = read_answer(fd, 3);
  ::close(fd);
  EXPECT_EQ(status_of(answer), 413) << answer;
}

// Connections that send nothing wait without a request thread: with far
// more idle sockets than threads, a new request is answered at once.
// Before, each idle socket held one of the 4 threads for its timeout.
TEST_F(ServeTest, IdleSocketsDoNotStarveTheServer) {
  std::vector<int> idle;
  for (int i = 0; i < 100; ++i) {
    int fd = connect_to(server_->port());
    ASSERT_GE(fd, 0);
    idle.push_back(fd);
  }
  // Half of them half-way through a request line.
  for (size_t i = 0; i < idle.size(); i += 2) send_some(idle[i], "GET /api/he");
  auto start = std::chrono::steady_clock::now();
  for (int i = 0; i < 8; ++i) {
    int fd = connect_to(server_->port());
    ASSERT_GE(fd, 0);
    send_some(fd, "GET /api/health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    EXPECT_EQ(status_of(read_answer(fd, 5)), 200);
    ::close(fd);
  }
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  EXPECT_LT(seconds, 2.0) << "8 requests behind 100 idle sockets";
  for (int fd : idle) ::close(fd);
}

// Keep-alive: several requests on one connection, each answered.
TEST_F(ServeTest, KeepAliveServesSeveralRequestsOnOneConnection) {
  auto c = client();
  c.set_keep_alive(true);
  for (int i = 0; i < 5; ++i) {
    auto result = c.Get("/api/health");
    ASSERT_TRUE(result) << i;
    EXPECT_EQ(result->status, 200);
  }
}

// A read command on a store that does not exist names it and fails (it
// used to create an empty store and print nothing, exit 0).
TEST(Cli, ReadCommandOnAMissingStoreNamesIt) {
  TempDir dir;
  std::string output;
  std::string db = dir.file("typo.db");
  EXPECT_EQ(run_cli("--db " + db + " stories", output, dir.file("err")), 3);
  std::ifstream err(dir.file("err"));
  std::string message((std::istreambuf_iterator<char>(err)), std::istreambuf_iterator<char>());
  EXPECT_NE(message.find(db), std::string::npos) << message;
  EXPECT_FALSE(std::filesystem::exists(db));
}

// A dictionary with no actors is a usage error (2) naming the file and a
// line, not "the store could not be opened" (3).
TEST(Cli, BadDictionaryIsExit2WithFileAndLine) {
  TempDir dir;
  std::ofstream(dir.file("empty.txt")) << "# only a comment\n\n";
  std::string output;
  EXPECT_EQ(run_cli("--db " + dir.file("s.db") + " --dictionary " + dir.file("empty.txt") + " stories", output,
                    dir.file("err")),
            3);  // no store yet: the store is checked first
  ASSERT_EQ(run_cli("--quiet --db " + dir.file("s.db") + " ingest " + source_path("examples"), output), 0);
  EXPECT_EQ(run_cli("--db " + dir.file("s.db") + " --dictionary " + dir.file("empty.txt") + " stories", output,
                    dir.file("err")),
            2);
  std::ifstream err(dir.file("err"));
  std::string message((std::istreambuf_iterator<char>(err)), std::istreambuf_iterator<char>());
  EXPECT_NE(message.find(dir.file("empty.txt") + ":"), std::string::npos) << message;
  EXPECT_NE(message.find("no actors"), std::string::npos) << message;
}

// One address may hold only so many connections; the next is told 503 at once.
TEST(Serve, ConnectionsPerClientAreLimited) {
  TempDir dir;
  serve::ServeOptions options;
  options.db_path = dir.file("s.db");
  options.port = 0;
  options.threads = 2;
  options.max_connections_per_client = 3;
  auto server = serve::Server::create(options);
  ASSERT_TRUE(server.is_ok()) << server.status().message();
  ASSERT_TRUE((*server)->bind().is_ok());
  std::thread listening([&] { (*server)->listen(); });
  std::vector<int> held;
  for (int i = 0; i < 3; ++i) held.push_back(connect_to((*server)->port()));
  std::this_thread::sleep_for(std::chrono::milliseconds(200));
  int extra = connect_to((*server)->port());
  send_some(extra, "GET /api/health HTTP/1.1\r\nHost: x\r\n\r\n");
  EXPECT_EQ(status_of(read_answer(extra, 3)), 503);
  ::close(extra);
  for (int fd : held) ::close(fd);
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  int later = connect_to((*server)->port());
  send_some(later, "GET /api/health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
  EXPECT_EQ(status_of(read_answer(later, 3)), 200);
  ::close(later);
  (*server)->stop();
  listening.join();
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
