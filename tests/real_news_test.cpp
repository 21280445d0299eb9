// The failure classes real news brought out (issue #13), each on text of our
// own that reproduces it: the store read as its own input, internal errors
// that must not cost a batch, and the readers of the report.
#include <fstream>
#include <set>
#include <stdexcept>

#include "pipeline/engine_access.h"
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

// A stage with a bug: it throws on an article whose text holds `trigger`,
// in analyze(), in add_batch() or in report().
class FaultyStage : public pipeline::Stage {
 public:
  enum class Where { kAnalyze, kAddBatch, kReport };
  FaultyStage(Where where, std::string trigger) : where_(where), trigger_(std::move(trigger)) {}
  std::string_view name() const override { return "faulty"; }
  void analyze(Article& article) override {
    if (where_ == Where::kAnalyze && article.text.find(trigger_) != std::string::npos)
      throw std::runtime_error("analyze bug");
  }
  Status add_batch(store::Database&, std::vector<Article>& articles) override {
    for (const Article& article : articles)
      if (where_ == Where::kAddBatch && article.text.find(trigger_) != std::string::npos)
        throw std::out_of_range("add_batch bug");
    return Status::ok();
  }
  Status report(const pipeline::ReportScope&, nlohmann::json& report) override {
    if (where_ != Where::kReport) return Status::ok();
    report["quotes"].push_back({{"half", "written"}});
    report["faulty_section"] = true;
    throw std::logic_error("report bug");
  }

 private:
  Where where_;
  std::string trigger_;
};

TEST(InternalErrors, AStageThatThrowsCostsOneArticleNamedNotTheBatch) {
  for (auto where : {FaultyStage::Where::kAnalyze, FaultyStage::Where::kAddBatch}) {
    TempDir dir;
    for (int i = 0; i < 6; ++i)
      write(dir.file("a" + std::to_string(i) + ".txt"),
            "Harbour report " + std::to_string(i) + "\nThe harbour of Solvik counted " + std::to_string(100 + i) +
                " ships this week" + (i == 3 ? ", a record, said the harbour master." : ".") + "\n");
    auto engine = open_engine(dir.file("store.db"));
    ASSERT_TRUE(engine);
    ASSERT_TRUE(pipeline::engine_add_stage(*engine, std::make_unique<FaultyStage>(where, "a record")).is_ok());
    std::vector<std::string> errors;
    IngestCallbacks callbacks;
    callbacks.on_error = [&](const std::string& message) { errors.push_back(message); };
    IngestOptions options;
    options.batch_size = 4;
    auto summary = engine->ingest({dir.path().string()}, options, callbacks);
    ASSERT_TRUE(summary.is_ok()) << summary.status().message();
    EXPECT_EQ(summary->articles_new, 5u);
    ASSERT_EQ(errors.size(), 1u);
    EXPECT_NE(errors[0].find("a3.txt"), std::string::npos) << errors[0];
    EXPECT_NE(errors[0].find("internal error"), std::string::npos) << errors[0];
    EXPECT_EQ(summary->article_ids.size(), 5u) << "the failed article is not reported as stored";
    auto report = engine->report(summary->article_ids, ReportFormat::kJson);
    ASSERT_TRUE(report.is_ok());
    nlohmann::json json = nlohmann::json::parse(*report);
    EXPECT_EQ(json["articles"].size(), 5u);
    EXPECT_EQ(json["stories"].size() > 0, true);
  }
}

TEST(InternalErrors, AStageWhoseReportThrowsLeavesItsSectionOutNamed) {
  TempDir dir;
  write(dir.file("a.txt"), "Harbour report\nThe harbour of Solvik counted 100 ships this week.\n");
  auto engine = open_engine(dir.file("store.db"));
  ASSERT_TRUE(engine);
  ASSERT_TRUE(pipeline::engine_add_stage(*engine, std::make_unique<FaultyStage>(FaultyStage::Where::kReport, "")).is_ok());
  auto summary = engine->ingest({dir.path().string()}, IngestOptions{});
  ASSERT_TRUE(summary.is_ok());
  for (ReportFormat format : {ReportFormat::kJson, ReportFormat::kText, ReportFormat::kHtml}) {
    std::vector<std::string> problems;
    auto report = engine->report(summary->article_ids, format, &problems);
    ASSERT_TRUE(report.is_ok()) << report.status().message();
    ASSERT_EQ(problems.size(), 1u);
    EXPECT_NE(problems[0].find("stage faulty"), std::string::npos) << problems[0];
    if (format != ReportFormat::kJson) continue;
    nlohmann::json json = nlohmann::json::parse(*report);
    EXPECT_FALSE(json.contains("faulty_section"));
    EXPECT_TRUE(json["quotes"].empty()) << "what the stage half-wrote goes with it";
    EXPECT_EQ(json["articles"].size(), 1u);
  }
}

const nlohmann::json* article_from(const nlohmann::json& report, const std::string& origin_end) {
  for (const auto& article : report["articles"]) {
    std::string origin = article["origin"];
    if (origin.size() >= origin_end.size() && origin.compare(origin.size() - origin_end.size(), origin_end.size(), origin_end) == 0)
      return &article;
  }
  return nullptr;
}

// German, French and Spanish pages were treated as English: capitalised
// nouns became people and places, loanwords events, and stories merged.
// Each article now has its language, and the English-only stages leave the
// others alone. (Our own sentences, written for this test.)
TEST(Languages, EveryArticleHasItsLanguageAndEnglishStagesRunOnEnglishOnly) {
  TempDir dir;
  write(dir.file("de.txt"),
        "Hafen von Solvik wieder offen\n"
        "Die Regierung in Berlin hat am Dienstag entschieden, dass der Hafen wieder geöffnet wird. "
        "Der Minister Hafenmeister sagte: „Die Schiffe fahren wieder.“ Die Fischer begrüßten die Entscheidung, "
        "und die Bürgermeisterin Kaufhaus Nordwind unterzeichnete den Vertrag mit der Reederei.\n"
        "Nach Angaben der Behörde sollen die Reparaturen im Frühjahr abgeschlossen sein.\n");
  write(dir.file("fr.txt"),
        "Le port de Solvik rouvre\n"
        "Le gouvernement a décidé mardi de rouvrir le port de Solvik après des mois de travaux. "
        "« Les navires reviennent », a déclaré le Capitaine Marchand. La Maire Durand a signé un accord avec Paris.\n");
  write(dir.file("en.txt"),
        "Solvik harbour reopens\n"
        "The government decided on Tuesday to reopen Solvik harbour, after months of repairs. "
        "\"The ships are coming back,\" said harbour master Ana Ruiz. Mayor Tomas Berge signed an agreement with "
        "the shipping company in Oslo.\n");
  write(dir.file("short.txt"), "12 34\n5678\n");
  nlohmann::json report = analyze_json({dir.path().string()}, dir.file("store.db"));
  const nlohmann::json* de = article_from(report, "de.txt");
  const nlohmann::json* fr = article_from(report, "fr.txt");
  const nlohmann::json* en = article_from(report, "en.txt");
  const nlohmann::json* und = article_from(report, "short.txt");
  ASSERT_TRUE(de && fr && en && und);
  EXPECT_EQ((*de)["language"], "de");
  EXPECT_EQ((*fr)["language"], "fr");
  EXPECT_EQ((*en)["language"], "en");
  EXPECT_TRUE((*en)["language_reliable"].get<bool>());
  EXPECT_EQ((*en)["language_from"], "text");
  EXPECT_EQ((*und)["language"], "und");
  EXPECT_TRUE((*und)["language_from"].is_null());
  EXPECT_EQ((*de)["stages"]["events"], "none");
  EXPECT_EQ((*de)["stages"]["quotes"], "none");
  EXPECT_EQ((*de)["stages"]["entities"], "reduced");
  EXPECT_EQ((*de)["stages"]["stories"], "full");
  EXPECT_EQ((*en)["stages"]["events"], "full");
  std::set<std::string> non_english = {(*de)["id"], (*fr)["id"], (*und)["id"]};
  for (const char* section : {"events", "quotes", "claims"})
    for (const auto& item : report[section]) {
      std::string text = item.dump();
      for (const std::string& id : non_english) EXPECT_EQ(text.find(id), std::string::npos) << section << ": " << text;
    }
  bool english_quote = false;
  for (const auto& quote : report["quotes"]) english_quote |= quote["article"] == (*en)["id"];
  EXPECT_TRUE(english_quote) << "the English stages still run on English";
  // In German and French, only knowledge-base names: no capitalised noun
  // becomes a person.
  for (const auto& entity : report["entities"])
    for (const auto& mention : entity["mentions"])
      if (non_english.count(mention["article"])) EXPECT_NE(entity["type"], "PERSON") << entity.dump();
  // Every article is in a story.
  std::set<std::string> in_story;
  for (const auto& story : report["stories"])
    for (const auto& id : story["articles"]) in_story.insert(id);
  for (const auto& article : report["articles"]) EXPECT_TRUE(in_story.count(article["id"])) << article["origin"];
}

// A page labelled iso-8859-1 whose bytes are windows-1252 („ “ – …) came out
// with U+FFFD; labels now mean what the WHATWG Encoding Standard says.
TEST(Encodings, LabelsFollowTheWhatwgTableAndReplacementsAreCounted) {
  TempDir dir;
  const std::string body = "<p>Die Ministerin sagte \x84Wir fahren\x93 \x96 und ging\x85 Die Reederei in K\xF6ln "
                           "best\xE4tigte den Plan, der im Fr\xFChjahr beginnen soll, mit gro\xDFer Zustimmung.</p>";
  for (const char* label : {"iso-8859-1", "latin1", "ascii", "US-ASCII", "windows-1252", ""}) {
    std::string page = std::string("<html><head>") +
                       (*label ? std::string("<meta charset=\"") + label + "\">" : std::string()) +
                       "<title>Hafen</title></head><body>" + body + "</body></html>";
    write(dir.file("page.html"), page);
    nlohmann::json report = analyze_json({dir.file("page.html")}, dir.file(std::string("store-") + label + ".db"));
    ASSERT_EQ(report["articles"].size(), 1u) << label;
    std::string text = report["articles"][0]["text"];
    EXPECT_NE(text.find("\xE2\x80\x9EWir fahren\xE2\x80\x9C \xE2\x80\x93 und ging\xE2\x80\xA6"), std::string::npos)
        << label << ": " << text;
    EXPECT_NE(text.find("K\xC3\xB6ln"), std::string::npos) << label;
    EXPECT_EQ(report["articles"][0]["replacement_characters"], 0) << label;
  }
  // Labelled UTF-8 with a stray byte: one replacement, counted.
  write(dir.file("bad.html"), "<html><head><meta charset=\"utf-8\"></head><body><p>Die Reederei in K\xF6ln "
                              "best\xC3\xA4tigte den Plan, der im Fr\xC3\xBChjahr beginnen soll.</p></body></html>");
  nlohmann::json report = analyze_json({dir.file("bad.html")}, dir.file("bad.db"));
  ASSERT_EQ(report["articles"].size(), 1u);
  EXPECT_EQ(report["articles"][0]["replacement_characters"], 1);
}

}  // namespace
}  // namespace storyline::testing
