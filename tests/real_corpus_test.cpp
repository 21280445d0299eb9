// Real text nobody here wrote, through every command and output format: the
// PolNeAR articles (train and dev, as JSON Lines with the outlet and date
// their file names carry) and the news pages of ../shared/data/extract.
// Invariants are checked on the whole output: every span inside its article
// and on its sentence, every referenced id present, no article both stored
// and reported as failed, the exit codes the README documents; and the
// server answers 200 for every story and every entity, API and page.
//
// Skipped, with a message, when ../shared is not beside the repository.
// Under AddressSanitizer every fourth PolNeAR article is used (the whole set
// takes minutes there); the HTML pages are all used in both builds.
#include <httplib.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <thread>

#include "serve/server.h"
#include "test_support.h"

namespace storyline::testing {
namespace {

namespace fs = std::filesystem;
using json = nlohmann::json;

#if defined(__SANITIZE_ADDRESS__)
constexpr size_t kEveryNth = 4;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
constexpr size_t kEveryNth = 4;
#else
constexpr size_t kEveryNth = 1;
#endif
#else
constexpr size_t kEveryNth = 1;
#endif

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), {});
}

// "wash-post_2016-09-18_e-u-leaders-weigh.txt" → outlet "wash-post", date
// "2016-09-18"; the first line is the headline, the rest the text. Returns
// the number of distinct articles written: PolNeAR holds a few files whose
// outlet, headline and text are the same (one article filed on two days),
// which the store keeps once.
size_t write_polnear_jsonl(const std::string& out_path) {
  std::ofstream out(out_path, std::ios::binary);
  std::vector<fs::path> files;
  for (const char* split : {"train", "dev"})
    for (const auto& entry : fs::directory_iterator(shared_path(std::string("data/quotes/") + split + "/text")))
      if (entry.path().extension() == ".txt") files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  static const std::regex name(R"(^([a-z-]+)_(\d{4}-\d{2}-\d{2})_)");
  std::set<std::string> distinct;
  for (size_t i = 0; i < files.size(); ++i) {
    if (i % kEveryNth != 0) continue;
    std::smatch match;
    std::string leaf = files[i].filename().string();
    if (!std::regex_search(leaf, match, name)) continue;
    std::string body = read_file(files[i].string());
    size_t newline = body.find('\n');
    json record = {{"id", leaf},
                   {"source", match[1].str()},
                   {"published", match[2].str()},
                   {"title", body.substr(0, newline)},
                   {"text", newline == std::string::npos ? "" : body.substr(newline + 1)}};
    // The files are not all valid UTF-8; the dump replaces what is not,
    // as a feed would.
    out << record.dump(-1, ' ', false, json::error_handler_t::replace) << "\n";
    distinct.insert(match[1].str() + '\x1f' + body);
  }
  return distinct.size();
}

// Code points of UTF-8 `text`.
size_t code_point_count(const std::string& text) {
  size_t count = 0;
  for (unsigned char c : text) count += (c & 0xC0) != 0x80;
  return count;
}

bool span_of(const json& value, size_t& begin, size_t& end) {
  if (!value.is_array() || value.size() != 2 || !value[0].is_number_unsigned() || !value[1].is_number_unsigned())
    return false;
  begin = value[0].get<size_t>();
  end = value[1].get<size_t>();
  return begin <= end;
}

// The article ids, lengths and sentences of a report, and the checks of
// every span and reference against them.
class ReportChecker {
 public:
  explicit ReportChecker(const json& report) : report_(report) {
    for (const auto& article : report["articles"]) {
      std::string id = article["id"];
      length_[id] = code_point_count(article["text"]);
      for (const auto& sentence : article["sentences"]) {
        size_t b = 0, e = 0;
        if (span_of(sentence, b, e)) sentences_[id].push_back({b, e});
      }
    }
    for (const auto& entity : report["entities"]) entities_.insert(entity["id"].get<std::string>());
  }

  // `span` lies inside article `id` and, unless it is a whole sentence or
  // more (`any_length`), within one of its sentences.
  void expect_span(const json& article_id, const json& span, const std::string& where, bool within_sentence = true) {
    ++spans_;
    ASSERT_TRUE(article_id.is_string()) << where;
    std::string id = article_id;
    ASSERT_TRUE(length_.count(id)) << where << ": article " << id << " is not in the report";
    size_t b = 0, e = 0;
    ASSERT_TRUE(span_of(span, b, e)) << where << ": " << span.dump();
    EXPECT_LE(e, length_[id]) << where << ": span " << span.dump() << " past the end of " << id;
    if (!within_sentence) return;
    bool inside = false;
    for (const auto& [sb, se] : sentences_[id]) inside |= sb <= b && e <= se;
    EXPECT_TRUE(inside) << where << ": span " << span.dump() << " of " << id << " is on no sentence";
  }
  void expect_article(const json& id, const std::string& where) {
    ++references_;
    EXPECT_TRUE(id.is_string() && length_.count(id.get<std::string>())) << where << ": no article " << id.dump();
  }
  void expect_entity(const json& actor, const std::string& where) {
    if (!actor.is_object() || !actor.contains("entity") || actor["entity"].is_null()) return;
    ++references_;
    EXPECT_TRUE(entities_.count(actor["entity"].get<std::string>())) << where << ": no entity " << actor.dump();
  }

  void check_all() {
    for (const auto& story : report_["stories"]) {
      std::string where = "story " + story["id"].get<std::string>();
      for (const auto& id : story["articles"]) expect_article(id, where);
      for (const auto& relation : story["relations"]) {
        expect_article(relation["from"], where);
        expect_article(relation["to"], where);
        for (const auto& pair : relation.value("aligned", json::array())) {
          expect_span(relation["from"], pair["from"], where + " aligned", false);
          expect_span(relation["to"], pair["to"], where + " aligned", false);
        }
      }
    }
    for (const auto& entity : report_["entities"])
      for (const auto& mention : entity["mentions"])
        expect_span(mention["article"], mention["span"], "entity " + entity["id"].get<std::string>());
    for (const auto& event : report_["events"]) {
      std::string where = "event " + event["id"].get<std::string>();
      expect_entity(event["source"], where);
      expect_entity(event["target"], where);
      for (const auto& mention : event["mentions"]) expect_span(mention["article"], mention["span"], where);
    }
    for (const auto& quote : report_["quotes"]) {
      // A quote may run over several paragraphs: inside its article.
      expect_span(quote["article"], quote["span"], "quote", false);
      expect_entity(quote["speaker"], "quote speaker");
    }
    for (const auto& claim : report_["claims"]) {
      std::string where = "claim " + claim["id"].get<std::string>();
      for (const auto& source : claim["sources"]) {
        expect_span(source["article"], source["span"], where);
        if (source.contains("value_span")) expect_span(source["article"], source["value_span"], where + " value");
      }
    }
  }
  size_t spans() const { return spans_; }
  size_t references() const { return references_; }

 private:
  const json& report_;
  std::map<std::string, size_t> length_;
  std::map<std::string, std::vector<std::pair<size_t, size_t>>> sentences_;
  std::set<std::string> entities_;
  size_t spans_ = 0, references_ = 0;
};

class RealCorpus : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    if (!fs::exists(shared_path("data/quotes/train/text")) || !fs::exists(shared_path("data/extract/html"))) return;
    dir_ = new TempDir();
    articles_ = write_polnear_jsonl(dir_->file("polnear.jsonl"));
    inputs_ = dir_->file("polnear.jsonl") + " " + shared_path("data/extract/html");
    db_ = dir_->file("real.db");
  }
  static void TearDownTestSuite() {
    delete dir_;
    dir_ = nullptr;
  }
  void SetUp() override {
    if (!dir_) GTEST_SKIP() << "../shared/data (PolNeAR and the extraction pages) is not beside the repository";
  }
  // Runs the CLI; returns the exit code, fills `out` and `err`.
  static int cli(const std::string& arguments, std::string& out, std::string& err) {
    std::string err_file = dir_->file("stderr.txt");
    int code = run_cli("--db " + db_ + " " + arguments, out, err_file);
    err = read_file(err_file);
    return code;
  }
  static json stories() {
    std::string out, err;
    EXPECT_EQ(cli("stories --format json --limit 100000", out, err), 0) << err;
    return json::parse(out, nullptr, false);
  }

  static TempDir* dir_;
  static size_t articles_;
  static std::string inputs_, db_;
};

TempDir* RealCorpus::dir_ = nullptr;
size_t RealCorpus::articles_ = 0;
std::string RealCorpus::inputs_, RealCorpus::db_;

// The lines on standard error that name a failed input.
std::vector<std::string> error_lines(const std::string& err) {
  std::vector<std::string> lines;
  std::istringstream in(err);
  for (std::string line; std::getline(in, line);)
    if (line.rfind("error: ", 0) == 0) lines.push_back(line);
  return lines;
}

TEST_F(RealCorpus, AnalyzeInEveryFormatStoresEveryArticleAndKeepsItsInvariants) {
  std::string out, err;
  // JSON first: the store is filled here, the later formats find every
  // article already stored (ingest is idempotent).
  int code = cli("analyze --format json " + inputs_, out, err);
  std::vector<std::string> errors = error_lines(err);
  EXPECT_EQ(code, errors.empty() ? 0 : 1) << err;
  // No page or article with main text is refused.
  EXPECT_TRUE(errors.empty()) << err;
  json report = json::parse(out, nullptr, false);
  ASSERT_TRUE(report.is_object()) << out.substr(0, 400);
  EXPECT_GE(report["articles"].size(), articles_ + 91 - errors.size());
  // No article both stored and reported failed.
  for (const auto& article : report["articles"])
    for (const std::string& error : errors)
      EXPECT_EQ(error.find(article["origin"].get<std::string>() + ":"), std::string::npos) << error;
  // Every article has its language, and is in a story.
  std::set<std::string> in_story;
  for (const auto& story : report["stories"])
    for (const auto& id : story["articles"]) in_story.insert(id);
  std::map<std::string, size_t> languages;
  for (const auto& article : report["articles"]) {
    ASSERT_TRUE(article["language"].is_string()) << article["origin"];
    ++languages[article["language"]];
    EXPECT_TRUE(in_story.count(article["id"])) << article["origin"];
  }
  EXPECT_GT(languages["en"], articles_ * 9 / 10) << json(languages).dump();
  ReportChecker checker(report);
  checker.check_all();
  EXPECT_GT(checker.spans(), 1000u);
  RecordProperty("spans_checked", std::to_string(checker.spans()));

  for (const char* format : {"text", "markdown", "html"}) {
    code = cli(std::string("analyze --format ") + format + " " + inputs_, out, err);
    EXPECT_EQ(code, 0) << format << ": " << err;
    EXPECT_TRUE(error_lines(err).empty()) << format << ": " << err;
    EXPECT_GT(out.size(), 10000u) << format;
  }
}

TEST_F(RealCorpus, EveryStoryHasItsStoryAndBriefInEveryFormat) {
  std::string out, err;
  ASSERT_EQ(cli("ingest " + inputs_, out, err), 0) << err;
  json list = stories();
  ASSERT_TRUE(list.is_array());
  ASSERT_GT(list.size(), 10u);
  std::string text;
  EXPECT_EQ(cli("stories", text, err), 0) << err;
  // Outlets are publishers, never markup, labels or credits.
  for (const auto& story : list)
    for (const auto& outlet : story["outlets"]) {
      std::string name = outlet;
      EXPECT_EQ(name.find_first_of("<>=@\""), std::string::npos) << name;
      EXPECT_NE(name, "Correction");
      EXPECT_NE(name, "Nato.");
    }
  // Every story's page and brief is built by the server test, in process;
  // here each command runs as a user runs it, one process per call, on the
  // biggest stories and an even sample of the rest (every story this way
  // takes minutes).
  std::vector<json> sample;
  std::vector<json> by_size(list.begin(), list.end());
  std::stable_sort(by_size.begin(), by_size.end(),
                   [](const json& a, const json& b) { return a.value("size", 0) > b.value("size", 0); });
  const size_t biggest = 10, spread = 40;
  for (size_t i = 0; i < by_size.size(); ++i)
    if (i < biggest || (i - biggest) % std::max<size_t>(1, (by_size.size() - biggest) / spread) == 0)
      sample.push_back(by_size[i]);
  RecordProperty("stories_sampled", std::to_string(sample.size()));
  for (const auto& story : sample) {
    std::string id = story["id"];
    EXPECT_EQ(cli("story " + id, out, err), 0) << id << ": " << err;
    EXPECT_EQ(cli("story " + id + " --format json", out, err), 0) << id << ": " << err;
    for (const char* format : {"text", "markdown", "html", "json"}) {
      int code = cli("brief " + id + " --format " + format, out, err);
      EXPECT_EQ(code, 0) << id << " " << format << ": " << err;
      EXPECT_FALSE(out.empty()) << id << " " << format;
    }
    json brief = json::parse(out, nullptr, false);
    EXPECT_EQ(brief["story"], id);
  }
  // A story that does not exist: exit 1, as documented; a malformed id: 2.
  EXPECT_EQ(cli("brief story-999999999", out, err), 1);
  EXPECT_EQ(cli("brief no-such-id", out, err), 2);
}

TEST_F(RealCorpus, EntitiesEventsAndTheGdeltExportRead) {
  std::string out, err;
  ASSERT_EQ(cli("ingest " + inputs_, out, err), 0) << err;
  for (const char* command : {"entities", "entities --format json", "events", "events --format json"})
    EXPECT_EQ(cli(command, out, err), 0) << command << ": " << err;
  json events = json::parse(out, nullptr, false);
  ASSERT_TRUE(events.is_array());
  EXPECT_GT(events.size(), 50u);
  std::string export_dir = dir_->file("gdelt");
  EXPECT_EQ(cli("export --format gdelt --out " + export_dir, out, err), 0) << err;
  std::string exported = read_file(export_dir + "/storyline.export.CSV");
  EXPECT_GT(std::count(exported.begin(), exported.end(), '\n'), 10);
  std::istringstream rows(exported);
  for (std::string row; std::getline(rows, row);)
    EXPECT_EQ(std::count(row.begin(), row.end(), '\t'), 60) << row.substr(0, 200);
  json list = stories();
  for (size_t i = 0; i < list.size() && i < 5; ++i) {
    std::string id = list[i]["id"];
    EXPECT_EQ(cli("entities --story " + id, out, err), 0) << err;
    EXPECT_EQ(cli("events --story " + id, out, err), 0) << err;
  }
}

TEST_F(RealCorpus, TheServerAnswersEveryStoryAndEveryEntity) {
  std::string out, err;
  ASSERT_EQ(cli("ingest " + inputs_, out, err), 0) << err;
  serve::ServeOptions options;
  options.db_path = db_;
  options.port = 0;
  options.threads = 2;
  auto server = serve::Server::create(options);
  ASSERT_TRUE(server.is_ok()) << server.status().message();
  ASSERT_TRUE((*server)->bind().is_ok());
  std::thread listening([&] { (*server)->listen(); });
  httplib::Client client("127.0.0.1", (*server)->port());
  client.set_read_timeout(120);
  auto get = [&](const std::string& path) -> json {
    auto result = client.Get(path);
    EXPECT_TRUE(result) << path;
    if (!result) return {};
    EXPECT_EQ(result->status, 200) << path << ": " << result->body.substr(0, 300);
    return json::parse(result->body, nullptr, false);
  };
  auto page = client.Get("/");
  ASSERT_TRUE(page);
  EXPECT_EQ(page->status, 200);
  EXPECT_NE(page->body.find("<html"), std::string::npos);
  json listing = get("/api/stories?limit=200");
  std::set<std::string> entities;
  size_t stories_seen = 0;
  for (size_t offset = 0;; offset += 200) {
    json batch = offset == 0 ? listing : get("/api/stories?limit=200&offset=" + std::to_string(offset));
    if (!batch.is_object() || batch["stories"].empty()) break;
    for (const auto& story : batch["stories"]) {
      std::string id = story["id"];
      json body = get("/api/stories/" + id);
      ++stories_seen;
      EXPECT_FALSE(body.contains("problems")) << id << ": " << body["problems"].dump();
      EXPECT_TRUE(body["brief"].is_object()) << id;
      for (const auto& entity : body["entities"]) entities.insert(entity["id"].get<std::string>());
      if (!body["articles"].empty()) get("/api/articles/" + body["articles"][0]["id"].get<std::string>());
    }
  }
  EXPECT_EQ(stories_seen, stories().size());
  EXPECT_GT(entities.size(), 50u);
  for (const std::string& id : entities) {
    json body = get("/api/entities/" + id);
    EXPECT_FALSE(body.contains("problems")) << id;
  }
  (*server)->stop();
  listening.join();
}

}  // namespace
}  // namespace storyline::testing
