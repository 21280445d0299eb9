#include "events/events_stage.h"

#include <algorithm>

#include "core/data_files.h"
#include "core/text_util.h"
#include "dates/anchor.h"
#include "events/event_dates.h"
#include "events/event_queries.h"
#include "stories/stories_stage.h"

namespace storyline::events {

namespace {
constexpr int64_t kCloseDays = 2;        // mentions this close in date may be one event
constexpr int kMergeCandidates = 200;    // most recent events of a code compared

// Codes whose two parties act jointly: "A met B" and "B met A" are one event.
bool is_joint(const std::string& code) {
  return code.starts_with("04") || code == "057" || code == "050" || code == "036" || code.starts_with("06");
}

struct StoredActor {
  std::string name, code;
  int64_t entity = 0;
};

bool same_actor(const StoredActor& a, const EventActor& b) {
  if (a.entity != 0 && b.entity_id != 0) return a.entity == b.entity_id;
  if (!a.code.empty() && !b.actor_code.empty()) return a.code == b.actor_code;
  if (a.name.empty() || b.name.empty()) return a.name.empty() && b.name.empty() && a.code.empty() == b.actor_code.empty();
  return core::ascii_lower(a.name) == core::ascii_lower(b.name);
}
// An event with no target yet may take one from a later mention.
bool target_fits(const StoredActor& a, const EventActor& b) {
  return (a.name.empty() && a.code.empty()) || b.empty() || same_actor(a, b);
}
}  // namespace

Result<std::unique_ptr<EventsStage>> EventsStage::create(const std::string& data_dir) {
  auto types = EventTypes::load(data_dir + "/events/cameo_codes.tsv");
  if (!types) return types.status();
  auto lexicon = VerbLexicon::load(data_dir + "/events/verb_patterns.txt");
  if (!lexicon) return lexicon.status();
  auto agents = AgentNouns::load(data_dir + "/events/agent_nouns.tsv");
  if (!agents) return agents.status();
  return std::unique_ptr<EventsStage>(new EventsStage(std::move(*types), std::move(*lexicon), std::move(*agents)));
}

std::vector<store::Migration> EventsStage::migrations() const {
  return {{"events", 1,
           "CREATE TABLE events (id INTEGER PRIMARY KEY, code TEXT NOT NULL,"
           " source_name TEXT, source_code TEXT, source_entity INTEGER NOT NULL DEFAULT 0,"
           " target_name TEXT, target_code TEXT, target_entity INTEGER NOT NULL DEFAULT 0,"
           " day INTEGER NOT NULL, first_row INTEGER NOT NULL REFERENCES articles(row));"
           "CREATE INDEX events_code ON events(code, id);"
           "CREATE TABLE event_mentions (id INTEGER PRIMARY KEY, event_id INTEGER NOT NULL REFERENCES events(id),"
           " article_row INTEGER NOT NULL REFERENCES articles(row), sentence_index INTEGER NOT NULL,"
           " modality TEXT NOT NULL, attributed_to TEXT, denied_by TEXT,"
           " source_name TEXT, source_code TEXT, source_entity INTEGER NOT NULL DEFAULT 0,"
           " target_name TEXT, target_code TEXT, target_entity INTEGER NOT NULL DEFAULT 0,"
           " sentence_begin INTEGER NOT NULL, sentence_end INTEGER NOT NULL,"
           " trigger_begin INTEGER NOT NULL, trigger_end INTEGER NOT NULL,"
           " source_offset INTEGER, target_offset INTEGER,"
           " date TEXT, date_granularity TEXT, date_from_text INTEGER NOT NULL DEFAULT 0,"
           " location TEXT, location_country TEXT);"
           "CREATE INDEX event_mentions_event ON event_mentions(event_id);"
           "CREATE INDEX event_mentions_article ON event_mentions(article_row);"}};
}

void EventsStage::analyze(Article& article) {
  std::vector<CodedEvent> events = coder_.code_article(article);
  std::lock_guard lock(pending_mutex_);
  pending_[article.id] = std::move(events);
}

Status EventsStage::rollback(store::Database& db) {
  (void)db;
  std::lock_guard lock(pending_mutex_);
  pending_.clear();
  return Status::ok();
}

Result<EventsStage::Statements> EventsStage::prepare(store::Database& db) {
  auto candidates = db.prepare(
      "SELECT e.id, e.source_name, e.source_code, e.source_entity, e.target_name, e.target_code, e.target_entity,"
      " e.day, EXISTS (SELECT 1 FROM event_mentions m JOIN story_members s ON s.article_row = m.article_row"
      "   WHERE m.event_id = e.id AND s.story_id = ?2)"
      " FROM events e WHERE e.code = ?1 ORDER BY e.id DESC LIMIT ?3");
  auto insert_event = db.prepare(
      "INSERT INTO events(code, source_name, source_code, source_entity, target_name, target_code, target_entity,"
      " day, first_row) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)");
  auto fill_target = db.prepare("UPDATE events SET target_name = ?2, target_code = ?3, target_entity = ?4 WHERE id = ?1");
  auto insert_mention = db.prepare(
      "INSERT INTO event_mentions(event_id, article_row, sentence_index, modality, attributed_to, denied_by,"
      " source_name, source_code, source_entity, target_name, target_code, target_entity,"
      " sentence_begin, sentence_end, trigger_begin, trigger_end, source_offset, target_offset,"
      " date, date_granularity, date_from_text, location, location_country)"
      " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23)");
  for (auto* statement : {&candidates, &insert_event, &fill_target, &insert_mention})
    if (!*statement) return statement->status();
  return Statements{std::move(*candidates), std::move(*insert_event), std::move(*fill_target), std::move(*insert_mention)};
}

Status EventsStage::add_batch(store::Database& db, std::vector<Article>& articles) {
  auto statements = prepare(db);
  if (!statements) return statements.status();
  statements_ = &*statements;
  auto story_of = db.prepare("SELECT story_id FROM story_members WHERE article_row = ?1");
  if (!story_of) return story_of.status();
  auto story_days = db.prepare(
      "SELECT a.published FROM story_members m JOIN articles a ON a.row = m.article_row"
      " WHERE m.story_id = ?1 AND a.published IS NOT NULL AND a.published != ''");
  if (!story_days) return story_days.status();
  for (const Article& article : articles) {
    std::vector<CodedEvent> events;
    {
      std::lock_guard lock(pending_mutex_);
      auto it = pending_.find(article.id);
      if (it != pending_.end()) {
        events = std::move(it->second);
        pending_.erase(it);
      } else {
        events = coder_.code_article(article);  // stored without analyze (another caller)
      }
    }
    int64_t story = 0;
    story_of->bind(1, article.store_row);
    if (story_of->step()) story = story_of->column_int(0);
    if (!story_of->status().is_ok()) return story_of->status();
    story_of->reset();
    // Relative dates count from the publication date; an article without
    // one counts from its story's median day, else from the latest full
    // date its text states.
    std::string anchor = article.published;
    if (anchor.size() < 10 && !events.empty()) {
      std::vector<std::string> days;
      story_days->bind(1, story);
      while (story_days->step()) days.push_back(story_days->column_text(0));
      if (!story_days->status().is_ok()) return story_days->status();
      story_days->reset();
      anchor = dates::median_day(days);
      if (anchor.empty()) anchor = dates::latest_stated_day(article.text);
    }
    if (events.empty()) continue;
    core::CodePointIndex index(article.text);
    SentenceDates sentence_dates;
    for (const CodedEvent& event : events)
      if (Status s = store_event(db, article, index, story, anchor, event, sentence_dates); !s.is_ok()) return s;
  }
  return Status::ok();
}

Status EventsStage::store_event(store::Database& db, const Article& article, const core::CodePointIndex& index,
                                int64_t story, const std::string& anchor, const CodedEvent& event,
                                SentenceDates& sentence_dates) {
  EventDate date = date_of(article, event, anchor, &sentence_dates);
  int64_t day = stories::day_number(date.granularity == "day" ? date.value : anchor);
  store::Statement& candidates = statements_->candidates;
  candidates.bind(1, event.code).bind(2, story).bind(3, kMergeCandidates);
  int64_t event_id = 0;
  bool fill_target = false;
  while (candidates.step()) {
    StoredActor source{candidates.column_text(1), candidates.column_text(2), candidates.column_int(3)};
    StoredActor target{candidates.column_text(4), candidates.column_text(5), candidates.column_int(6)};
    int64_t event_day = candidates.column_int(7);
    bool same_story = story != 0 && candidates.column_int(8) != 0;
    bool close = day >= 0 && event_day >= 0 && std::llabs(day - event_day) <= kCloseDays;
    if (!same_story && !close) continue;
    bool direct = same_actor(source, event.source) && target_fits(target, event.target);
    bool swapped = is_joint(event.code) && same_actor(source, event.target) && same_actor(target, event.source);
    if (!direct && !swapped) continue;
    event_id = candidates.column_int(0);
    fill_target = direct && target.name.empty() && target.code.empty() && !event.target.empty();
    break;
  }
  if (!candidates.status().is_ok()) return candidates.status();
  candidates.reset();
  if (event_id == 0) {
    store::Statement& insert = statements_->insert_event;
    if (Status s = insert.bind(1, event.code)
                       .bind_optional(2, event.source.name)
                       .bind_optional(3, event.source.actor_code)
                       .bind(4, event.source.entity_id)
                       .bind_optional(5, event.target.name)
                       .bind_optional(6, event.target.actor_code)
                       .bind(7, event.target.entity_id)
                       .bind(8, day)
                       .bind(9, article.store_row)
                       .run();
        !s.is_ok())
      return s;
    event_id = db.last_insert_rowid();
  } else if (fill_target) {
    store::Statement& update = statements_->fill_target;
    if (Status s = update.bind(1, event_id)
                       .bind_optional(2, event.target.name)
                       .bind_optional(3, event.target.actor_code)
                       .bind(4, event.target.entity_id)
                       .run();
        !s.is_ok())
      return s;
  }
  store::Statement& mention = statements_->insert_mention;
  mention.bind(1, event_id)
      .bind(2, article.store_row)
      .bind(3, static_cast<int64_t>(event.sentence_index))
      .bind(4, modality_name(event.modality))
      .bind_optional(5, event.attributed_to)
      .bind_optional(6, event.denied_by)
      .bind_optional(7, event.source.name)
      .bind_optional(8, event.source.actor_code)
      .bind(9, event.source.entity_id)
      .bind_optional(10, event.target.name)
      .bind_optional(11, event.target.actor_code)
      .bind(12, event.target.entity_id)
      .bind(13, static_cast<int64_t>(index.at(event.sentence.begin)))
      .bind(14, static_cast<int64_t>(index.at(event.sentence.end)))
      .bind(15, static_cast<int64_t>(index.at(event.trigger.begin)))
      .bind(16, static_cast<int64_t>(index.at(event.trigger.end)));
  if (event.source.empty()) mention.bind_null(17);
  else mention.bind(17, static_cast<int64_t>(index.at(event.source.span.begin)));
  if (event.target.empty()) mention.bind_null(18);
  else mention.bind(18, static_cast<int64_t>(index.at(event.target.span.begin)));
  mention.bind_optional(19, date.value)
      .bind_optional(20, date.granularity)
      .bind(21, date.from_text ? 1 : 0)
      .bind_optional(22, event.location)
      .bind_optional(23, event.location_country);
  return mention.run();
}

}  // namespace storyline::events

namespace storyline::events {

Status EventsStage::report(const pipeline::ReportScope& scope, nlohmann::json& report) {
  auto events = load_events(*scope.db, scope.article_rows);
  if (!events) return events.status();
  for (const StoredEvent& event : *events) report["events"].push_back(event_json(event, types_));
  add_timelines(*events, types_, report);
  return Status::ok();
}

}  // namespace storyline::events
