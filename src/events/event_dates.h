// When an event happened: the time expression of its sentence nearest to
// its trigger (dates::find_time_expressions), resolved against the anchor
// (the article's publication date, or one inferred from its story); failing
// that, the anchor day itself, marked as not from the text (news reports
// what happened that day or the day before).
#pragma once

#include <map>
#include <string>
#include <utility>
#include <vector>

#include "dates/time_expressions.h"

#include "events/event_coder.h"

namespace storyline::events {

struct EventDate {
  std::string value;        // "2026-03-03", "2026-03", "2026"; empty when unknown
  std::string granularity;  // "day", "month", "year", "approximate"; empty when unknown
  bool from_text = false;   // resolved from words in the sentence, not the publication date
};

// `anchor_iso` is the date relative expressions count from ("2026-03-03..."),
// empty when the article has none.
// The time expressions already found in an article's sentences (by the
// sentence's byte span), for one anchor: a sentence that holds many events
// is read once, not once per event.
using SentenceDates = std::map<std::pair<uint32_t, uint32_t>, std::vector<dates::TimeExpression>>;

EventDate date_of(const Article& article, const CodedEvent& event, const std::string& anchor_iso,
                  SentenceDates* cache = nullptr);

}  // namespace storyline::events
