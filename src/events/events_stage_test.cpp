#include "events/events_stage.h"

#include <gtest/gtest.h>

#include "core/data_files.h"
#include "segment/segmenter.h"

namespace storyline::events {
namespace {

// The stage on its own, over the columns it reads from the articles and
// stories components (their real tables come from their own stages).
class EventsStageTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto created = EventsStage::create(core::data_dir());
    ASSERT_TRUE(created.is_ok()) << created.status().message();
    stage_ = std::move(*created);
    auto opened = store::Database::open(":memory:");
    ASSERT_TRUE(opened.is_ok());
    db_ = std::make_unique<store::Database>(std::move(*opened));
    Status status = db_->execute(
        "CREATE TABLE articles (row INTEGER PRIMARY KEY, id TEXT, source TEXT, source_domain TEXT, url TEXT,"
        " origin TEXT, published TEXT, text TEXT);"
        "CREATE TABLE story_members (article_row INTEGER PRIMARY KEY, story_id INTEGER);"
        "CREATE TABLE article_relations (type TEXT, from_row INTEGER, to_row INTEGER);");
    for (const auto& migration : stage_->migrations())
      if (status.is_ok()) status = db_->execute(migration.sql);
    ASSERT_TRUE(status.is_ok()) << status.message();
  }
  // Stores one article of `outlet` in `story`, its countries marked as mentions.
  void add(const std::string& outlet, const std::string& text, int64_t story, const std::string& published = "2026-05-04") {
    Article article;
    article.id = outlet + std::to_string(++row_);
    article.source = outlet;
    article.published = published;
    article.text = text;
    auto segmenter = segment::Segmenter::create(core::data_dir());
    ASSERT_TRUE(segmenter.is_ok());
    segmenter->segment(article);
    for (const char* name : {"Valdoria", "Estmark"}) {
      for (size_t at = text.find(name); at != std::string::npos; at = text.find(name, at + 1)) {
        EntityMention m;
        m.type = EntityType::kPlace;
        m.name = name;
        m.actor_code = std::string(name) == "Valdoria" ? "VAL" : "EST";
        m.country = m.actor_code;
        m.span = {static_cast<uint32_t>(at), static_cast<uint32_t>(at + std::string(name).size())};
        article.mentions.push_back(m);
      }
    }
    std::sort(article.mentions.begin(), article.mentions.end(),
              [](const EntityMention& a, const EntityMention& b) { return a.span.begin < b.span.begin; });
    article.store_row = row_;
    auto insert = db_->prepare("INSERT INTO articles(row, id, source, origin, published, text) VALUES (?1, ?2, ?3, ?2, ?4, ?5)");
    ASSERT_TRUE(insert.is_ok());
    ASSERT_TRUE(insert->bind(1, row_).bind(2, article.id).bind(3, outlet).bind(4, published).bind(5, text).run().is_ok());
    auto member = db_->prepare("INSERT INTO story_members(article_row, story_id) VALUES (?1, ?2)");
    ASSERT_TRUE(member.is_ok());
    ASSERT_TRUE(member->bind(1, row_).bind(2, story).run().is_ok());
    stage_->analyze(article);
    std::vector<Article> batch{article};
    Status status = stage_->add_batch(*db_, batch);
    ASSERT_TRUE(status.is_ok()) << status.message();
  }
  nlohmann::json report() {
    pipeline::ReportScope scope;
    scope.db = db_.get();
    for (int64_t r = 1; r <= row_; ++r) scope.article_rows.push_back(r);
    nlohmann::json out = {{"events", nlohmann::json::array()}, {"stories", nlohmann::json::array()}};
    Status status = stage_->report(scope, out);
    EXPECT_TRUE(status.is_ok()) << status.message();
    return out;
  }
  std::unique_ptr<EventsStage> stage_;
  std::unique_ptr<store::Database> db_;
  int64_t row_ = 0;
};

TEST_F(EventsStageTest, OneActReportedByThreeOutletsIsOneEventAndACopyCountsOnce) {
  add("Wire", "Valdoria and Estmark signed a border treaty on Monday.", 1);
  add("Herald", "Estmark and Valdoria signed a treaty on their border on Monday.", 1);
  add("Copy", "Valdoria and Estmark signed a border treaty on Monday.", 1);
  ASSERT_TRUE(db_->execute("INSERT INTO article_relations VALUES ('duplicate', 3, 1)").is_ok());
  auto events = report()["events"];
  ASSERT_EQ(events.size(), 1u) << events.dump(1);
  EXPECT_EQ(events[0]["code"], "057");
  EXPECT_EQ(events[0]["num_articles"], 3);
  EXPECT_EQ(events[0]["num_sources"], 2);  // Wire and its copy count once
  EXPECT_EQ(events[0]["date"], "2026-05-04");
  EXPECT_EQ(events[0]["date_from"], "text");
}

TEST_F(EventsStageTest, PlansAndOtherStoriesFarApartStaySeparate) {
  add("Wire", "Valdoria will sign a border treaty with Estmark.", 1, "2026-05-01");
  add("Herald", "Valdoria signed a border treaty with Estmark.", 1, "2026-05-04");
  add("Gazette", "Valdoria signed a border treaty with Estmark.", 2, "2026-09-20");
  auto events = report()["events"];
  ASSERT_EQ(events.size(), 3u) << events.dump(1);
  EXPECT_EQ(events[0]["modality"], "planned");
  EXPECT_EQ(events[1]["modality"], "asserted");
  EXPECT_EQ(events[2]["num_articles"], 1);
}

TEST_F(EventsStageTest, TimelinesOrderAStorysEventsByDate) {
  add("Wire", "Valdoria criticized Estmark on May 6, 2026.", 7, "2026-05-07");
  add("Wire", "Valdoria met with Estmark on May 2, 2026.", 7, "2026-05-07");
  nlohmann::json out = {{"events", nlohmann::json::array()},
                        {"stories", nlohmann::json::array({{{"id", "story-7"}, {"first", "2026-05-07"},
                                                            {"articles", {"Wire1", "Wire2"}}}})}};
  pipeline::ReportScope scope;
  scope.db = db_.get();
  scope.article_rows = {1, 2};
  ASSERT_TRUE(stage_->report(scope, out).is_ok());
  auto timeline = out["stories"][0]["timeline"];
  ASSERT_EQ(timeline.size(), 2u) << out.dump(1);
  EXPECT_EQ(timeline[0]["date"], "2026-05-02");
  EXPECT_EQ(timeline[1]["date"], "2026-05-06");
  EXPECT_EQ(timeline[0]["background"], true);
}

}  // namespace
}  // namespace storyline::events
