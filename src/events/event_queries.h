// Reading events back from the store: the report's "events" section, the
// per-story timelines and the rows of the GDELT export.
#pragma once

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

#include "events/event_types.h"
#include "store/database.h"

namespace storyline::events {

struct StoredMention {
  int64_t article_row = 0;
  std::string article_id, outlet, url, published;
  int64_t article_length = 0;  // code points
  int64_t sentence_index = 0;
  std::string modality, attributed_to, denied_by;
  std::string source_name, source_code, target_name, target_code;
  int64_t source_entity = 0, target_entity = 0;
  int64_t sentence_begin = 0, sentence_end = 0, trigger_begin = 0, trigger_end = 0;
  int64_t source_offset = -1, target_offset = -1;
  std::string date, date_granularity;
  bool date_from_text = false;
  std::string location, location_country;
};

struct StoredEvent {
  int64_t id = 0;
  std::string code;
  std::string source_name, source_code, target_name, target_code;
  int64_t source_entity = 0, target_entity = 0;
  std::vector<StoredMention> mentions;  // in arrival order
  // Derived from the mentions:
  std::string modality, attributed_to, denied_by;
  std::string date, date_granularity, location, location_country;
  bool date_from_text = false;  // else the publication day of its first mention
  int num_articles = 0;
  int num_sources = 0;  // distinct outlets; copies and rewrites count once
};

// Events with a mention in one of `rows` (every event when `rows` is empty),
// in order of id.
Result<std::vector<StoredEvent>> load_events(store::Database& db, const std::vector<int64_t>& rows);

// "event-N".
std::string event_key(int64_t id);

// One event as the report shows it (docs/schema.md, "events").
nlohmann::json event_json(const StoredEvent& event, const EventTypes& types);

// Adds "timeline" to each story of report["stories"]: its events ordered by
// date (events before the story's first article are background).
void add_timelines(const std::vector<StoredEvent>& events, const EventTypes& types, nlohmann::json& report);

}  // namespace storyline::events
