// The events stage: codes each article's sentences into CAMEO events
// (analyze), then, inside the batch transaction, merges the mentions of one
// event across articles: same code, compatible source and target (same
// resolved entity, else same actor code, else same name), and the same story
// or dates within two days.
//
// Tables (component "events"):
//   events(id, code, source_*, target_*, day, first_row)   one row per event
//   event_mentions(event_id, article_row, modality, attributed_to, denied_by,
//                  spans, date, location, ...)            one row per mention
#pragma once

#include <map>
#include <memory>
#include <mutex>
#include <optional>

#include "core/text_util.h"
#include "events/event_coder.h"
#include "events/event_dates.h"
#include "events/event_types.h"
#include "pipeline/stage.h"

namespace storyline::events {

class EventsStage : public pipeline::Stage {
 public:
  static Result<std::unique_ptr<EventsStage>> create(const std::string& data_dir);

  std::string_view name() const override { return "events"; }
  // English only: its verb lexicon and modality cues are English.
  pipeline::Coverage coverage(std::string_view language) const override {
    return language == "en" ? pipeline::Coverage::kFull : pipeline::Coverage::kNone;
  }
  std::vector<store::Migration> migrations() const override;
  void analyze(Article& article) override;
  Status add_batch(store::Database& db, std::vector<Article>& articles) override;
  Status rollback(store::Database& db) override;
  Status report(const pipeline::ReportScope& scope, nlohmann::json& report) override;

  const EventTypes& types() const { return types_; }

 private:
  EventsStage(EventTypes types, VerbLexicon lexicon, AgentNouns agents)
      : types_(std::move(types)), lexicon_(std::move(lexicon)), agents_(std::move(agents)), coder_(lexicon_, &agents_) {}
  Status store_event(store::Database& db, const Article& article, const core::CodePointIndex& index, int64_t story,
                     const std::string& anchor, const CodedEvent& event, SentenceDates& sentence_dates);

  // The batch's prepared statements (valid inside add_batch).
  struct Statements {
    store::Statement story_events, candidates, insert_event, fill_target, insert_mention;
    std::optional<store::Statement> entity;  // absent without the entities stage
  };
  // An event already stored, as the merge compares it.
  struct KnownEvent {
    int64_t id = 0;
    std::string code;
    bool realis = true;
    std::string source_name, source_code;
    int64_t source_entity = 0;
    std::string target_name, target_code;
    int64_t target_entity = 0;
    int64_t day = -1;
  };
  static KnownEvent read_known(const store::Statement& row);
  static Result<Statements> prepare(store::Database& db);
  Status resolve_entities(store::Database& db, const Article& article, std::vector<CodedEvent>& events);

  Statements* statements_ = nullptr;
  std::vector<KnownEvent> story_events_;  // the events of the current article's story
  EventTypes types_;
  VerbLexicon lexicon_;
  AgentNouns agents_;
  EventCoder coder_;
  std::mutex pending_mutex_;
  std::map<std::string, std::vector<CodedEvent>> pending_;  // by article id, from analyze to add_batch
};

}  // namespace storyline::events
