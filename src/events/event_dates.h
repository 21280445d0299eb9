// When an event happened: the time expression of its sentence nearest to
// its trigger, resolved against the article's publication date; failing
// that, the publication day itself (news reports what happened that day or
// the day before: the date is then marked as taken from publication).
#pragma once

#include <string>

#include "events/event_coder.h"

namespace storyline::events {

struct EventDate {
  std::string value;        // "2026-03-03", "2026-03", "2026"; empty when unknown
  std::string granularity;  // "day", "month", "year", "approximate"; empty when unknown
  bool from_text = false;   // resolved from words in the sentence, not the publication date
};

EventDate date_of(const Article& article, const CodedEvent& event);

}  // namespace storyline::events
