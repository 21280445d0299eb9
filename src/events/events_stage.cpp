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
constexpr int64_t kStoryDays = 3;        // in one story, mentions this far apart in date may be one event

// Codes whose two parties act jointly: "A met B" and "B met A" are one event.
bool is_joint(const std::string& code) {
  return code.starts_with("04") || code == "057" || code == "050" || code == "036" || code.starts_with("06");
}

struct StoredActor {
  std::string name, code;
  int64_t entity = 0;
};

// The country part of a CAMEO actor code ("CHLGOV" → "CHL"); empty for a
// role alone ("GOV") or no code.
std::string_view country_part(std::string_view code) {
  static const std::string_view kRoles[] = {"GOV", "MIL", "LEG", "OPP", "COP", "JUD", "REB", "MED", "BUS",
                                            "CVL", "LAB", "REF", "EDU", "HLH", "ELI", "SPY", "IGO", "NGO"};
  if (code.size() < 3) return {};
  for (std::string_view role : kRoles)
    if (code.substr(0, 3) == role) return {};
  return code.substr(0, 3);
}

// `loose`: within one story, a country and its government, or two people of
// one country, are taken as the same party ("Norway and Chile signed" and
// "Solheim-Vik and Arancibia signed" report one signing).
bool same_actor(const StoredActor& a, const EventActor& b, bool loose = false) {
  if (a.entity != 0 && b.entity_id != 0 && a.entity == b.entity_id) return true;
  if (loose && !country_part(a.code).empty() && country_part(a.code) == country_part(b.actor_code)) return true;
  if (a.entity != 0 && b.entity_id != 0) return false;
  if (!a.code.empty() && !b.actor_code.empty()) return a.code == b.actor_code;
  if (a.name.empty() || b.name.empty()) return a.name.empty() && b.name.empty() && a.code.empty() == b.actor_code.empty();
  return core::ascii_lower(a.name) == core::ascii_lower(b.name);
}
// An event with no target yet may take one from a later mention.
bool target_fits(const StoredActor& a, const EventActor& b, bool loose) {
  return (a.name.empty() && a.code.empty()) || b.empty() || same_actor(a, b, loose);
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
           " day INTEGER NOT NULL, first_row INTEGER NOT NULL REFERENCES articles(row),"
           " realis INTEGER NOT NULL);"
           "CREATE INDEX events_code_day ON events(code, realis, day);"
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

// The entities stage resolves mentions to entities in its add_batch, after
// this stage coded the article in analyze(): the event's actors take the
// resolved entity, with its name and actor code (an entity's code gathers
// what every article said of it: "GOV" here, "CHLGOV" there).
Status EventsStage::resolve_entities(store::Database& db, const Article& article, std::vector<CodedEvent>& events) {
  (void)db;
  store::Statement* entity = statements_->entity ? &*statements_->entity : nullptr;
  const bool have_entities = entity != nullptr;  // no entities stage: the mentions' own codes stay
  std::map<uint32_t, const EntityMention*> by_begin;
  std::map<int32_t, const EntityMention*> by_local_entity;  // a resolved mention of each in-article entity
  for (const EntityMention& m : article.mentions) {
    by_begin[m.span.begin] = &m;
    if (m.local_entity >= 0 && m.entity_id != 0) by_local_entity.emplace(m.local_entity, &m);
  }
  auto resolve = [&](EventActor& actor) -> Status {
    if (actor.empty()) return Status::ok();
    // The actor's own in-article entity (a role resolved to its holder),
    // else the mention inside the actor's span (it may include qualifiers).
    const EntityMention* found = nullptr;
    if (auto local = by_local_entity.find(actor.local_entity); local != by_local_entity.end()) found = local->second;
    auto it = by_begin.upper_bound(actor.span.end);
    while (!found && it != by_begin.begin()) {
      --it;
      if (it->first < actor.span.begin) break;
      const EntityMention& m = *it->second;
      if (m.span.end > actor.span.end || m.entity_id == 0) continue;
      found = &m;
    }
    if (found) {
      const EntityMention& m = *found;
      actor.entity_id = m.entity_id;
      if (!have_entities) return Status::ok();
      entity->bind(1, m.entity_id);
      if (entity->step()) {
        if (!entity->column_text(0).empty() && m.type != EntityType::kNorp) actor.name = entity->column_text(0);
        if (!entity->column_text(1).empty() && actor.actor_code.size() <= entity->column_text(1).size())
          actor.actor_code = entity->column_text(1);
        if (actor.country.empty()) actor.country = entity->column_text(2);
      }
      Status status = entity->status();
      entity->reset();
      return status;
    }
    return Status::ok();
  };
  for (CodedEvent& event : events) {
    for (EventActor* actor : {&event.source, &event.target, &event.attributor})
      if (Status s = resolve(*actor); !s.is_ok()) return s;
  }
  return Status::ok();
}

EventsStage::KnownEvent EventsStage::read_known(const store::Statement& row) {
  return {row.column_int(0),  row.column_text(1), row.column_int(2) != 0, row.column_text(3), row.column_text(4),
          row.column_int(5),  row.column_text(6), row.column_text(7),     row.column_int(8),  row.column_int(9)};
}

Result<EventsStage::Statements> EventsStage::prepare(store::Database& db) {
  // Two ways to be a candidate for the same event: an event of the article's
  // story, or one of the same code dated within kCloseDays.
  static constexpr const char* kColumns =
      "e.id, e.code, e.realis, e.source_name, e.source_code, e.source_entity, e.target_name, e.target_code,"
      " e.target_entity, e.day";
  auto story_events = db.prepare(std::string("SELECT ") + kColumns +
                                 " FROM events e WHERE e.id IN (SELECT m.event_id FROM event_mentions m"
                                 " JOIN story_members s ON s.article_row = m.article_row WHERE s.story_id = ?1)");
  auto candidates = db.prepare(std::string("SELECT ") + kColumns +
                               " FROM events e WHERE e.code = ?1 AND e.realis = ?2 AND e.day BETWEEN ?3 AND ?4"
                               " ORDER BY e.id DESC LIMIT ?5");
  auto insert_event = db.prepare(
      "INSERT INTO events(code, source_name, source_code, source_entity, target_name, target_code, target_entity,"
      " day, first_row, realis) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)");
  auto fill_target = db.prepare("UPDATE events SET target_name = ?2, target_code = ?3, target_entity = ?4 WHERE id = ?1");
  auto insert_mention = db.prepare(
      "INSERT INTO event_mentions(event_id, article_row, sentence_index, modality, attributed_to, denied_by,"
      " source_name, source_code, source_entity, target_name, target_code, target_entity,"
      " sentence_begin, sentence_end, trigger_begin, trigger_end, source_offset, target_offset,"
      " date, date_granularity, date_from_text, location, location_country)"
      " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23)");
  for (auto* statement : {&story_events, &candidates, &insert_event, &fill_target, &insert_mention})
    if (!*statement) return statement->status();
  Statements statements{std::move(*story_events), std::move(*candidates), std::move(*insert_event),
                        std::move(*fill_target), std::move(*insert_mention), std::nullopt};
  // Without the entities stage (its table absent) actors keep their mentions' codes.
  auto entity = db.prepare("SELECT name, coalesce(actor_code, ''), coalesce(country, '') FROM entities WHERE id = ?1");
  if (entity) statements.entity = std::move(*entity);
  return statements;
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
    if (Status s = resolve_entities(db, article, events); !s.is_ok()) return s;
    story_events_.clear();
    if (story != 0) {
      auto& query = statements_->story_events;
      query.bind(1, story);
      while (query.step()) story_events_.push_back(read_known(query));
      if (!query.status().is_ok()) return query.status();
      query.reset();
    }
    core::CodePointIndex index(article.text);
    SentenceDates sentence_dates;
    for (const CodedEvent& event : events)
      if (Status s = store_event(db, article, index, story, anchor, event, sentence_dates); !s.is_ok()) return s;
  }
  statements_ = nullptr;
  // What analyze() coded for articles the store did not take (another
  // process stored them first) is not needed any more.
  std::lock_guard lock(pending_mutex_);
  pending_.clear();
  return Status::ok();
}

Status EventsStage::store_event(store::Database& db, const Article& article, const core::CodePointIndex& index,
                                int64_t story, const std::string& anchor, const CodedEvent& event,
                                SentenceDates& sentence_dates) {
  EventDate date = date_of(article, event, anchor, &sentence_dates);
  // A month or a year counts from its first day ("2024-06" → 2024-06-01).
  std::string day_text = date.value.empty() ? anchor : date.value;
  if (day_text.size() == 4) day_text += "-01-01";
  else if (day_text.size() == 7) day_text += "-01";
  int64_t day = stories::day_number(day_text);
  // What is planned or only possible is not the same event as what
  // happened: "will sign" and "signed" stay apart.
  const bool realis = event.modality != Modality::kPlanned && event.modality != Modality::kHypothetical;
  std::vector<std::pair<KnownEvent, bool>> candidates;  // (event, in the same story)
  // Within a story the same act may be dated a few days apart by different
  // outlets (a weekly's publication day), but a long campaign story repeats
  // the same kind of act every week.
  for (const KnownEvent& known : story_events_)
    if (known.code == event.code && known.realis == realis &&
        (day < 0 || known.day < 0 || std::llabs(day - known.day) <= kStoryDays))
      candidates.push_back({known, true});
  if (day >= 0 && !event.source.empty() && !event.target.empty()) {
    store::Statement& by_date = statements_->candidates;
    by_date.bind(1, event.code).bind(2, realis ? 1 : 0).bind(3, day - kCloseDays).bind(4, day + kCloseDays);
    by_date.bind(5, kMergeCandidates);
    while (by_date.step()) candidates.push_back({read_known(by_date), false});
    if (!by_date.status().is_ok()) return by_date.status();
    by_date.reset();
  }
  int64_t event_id = 0;
  bool fill_target = false;
  for (const auto& [known, same_story] : candidates) {
    StoredActor source{known.source_name, known.source_code, known.source_entity};
    StoredActor target{known.target_name, known.target_code, known.target_entity};
    // Across stories only a fully identified act on the same day is one
    // event: "someone backed Trump" happens every day in some story.
    if (!same_story) {
      const bool identified = !event.source.empty() && !event.target.empty() && !(source.name.empty() && source.code.empty()) &&
                              !(target.name.empty() && target.code.empty());
      if (!identified || day < 0 || known.day != day) continue;
    }
    // An event known by one side only ("- -> navy") joins only an event that
    // shares a known side, never on two unknowns.
    const bool any_known = !event.source.empty() || !event.target.empty();
    if (!any_known) continue;
    // With a side unknown, the known side must be the same resolved entity:
    // "- -> navy" in two articles says too little to be one act.
    const bool partial = event.source.empty() || event.target.empty() || (source.name.empty() && source.code.empty()) ||
                         (target.name.empty() && target.code.empty());
    if (partial) {
      const bool source_entity = event.source.entity_id != 0 && event.source.entity_id == source.entity;
      const bool target_entity = event.target.entity_id != 0 && event.target.entity_id == target.entity;
      const bool crossed = is_joint(event.code) && ((event.source.entity_id != 0 && event.source.entity_id == target.entity) ||
                                                    (event.target.entity_id != 0 && event.target.entity_id == source.entity));
      if (!source_entity && !target_entity && !crossed) continue;
    }
    const bool loose = same_story && is_joint(event.code);
    bool direct = same_actor(source, event.source, loose) && target_fits(target, event.target, loose);
    bool swapped = is_joint(event.code) && same_actor(source, event.target, loose) && same_actor(target, event.source, loose);
    if (!direct && !swapped) continue;
    event_id = known.id;
    fill_target = direct && target.name.empty() && target.code.empty() && !event.target.empty();
    break;
  }
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
                       .bind(10, realis ? 1 : 0)
                       .run();
        !s.is_ok())
      return s;
    event_id = db.last_insert_rowid();
    if (story != 0)
      story_events_.push_back({event_id, event.code, realis, event.source.name, event.source.actor_code,
                               event.source.entity_id, event.target.name, event.target.actor_code,
                               event.target.entity_id, day});
  } else if (fill_target) {
    for (KnownEvent& known : story_events_)
      if (known.id == event_id)
        known.target_name = event.target.name, known.target_code = event.target.actor_code,
        known.target_entity = event.target.entity_id;
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
