#include "events/event_dates.h"

#include "dates/time_expressions.h"

namespace storyline::events {

EventDate date_of(const Article& article, const CodedEvent& event, const std::string& anchor_iso,
                  SentenceDates* cache) {
  EventDate date;
  const std::string_view anchor = anchor_iso.size() >= 10 ? std::string_view(anchor_iso).substr(0, 10) : "";
  uint32_t best_distance = UINT32_MAX;
  std::vector<dates::TimeExpression> found;
  const std::vector<dates::TimeExpression>* expressions = &found;
  if (cache) {
    auto key = std::make_pair(event.sentence.begin, event.sentence.end);
    auto it = cache->find(key);
    if (it == cache->end())
      it = cache->emplace(key, dates::find_time_expressions(article.text, event.sentence, anchor)).first;
    expressions = &it->second;
  } else {
    found = dates::find_time_expressions(article.text, event.sentence, anchor);
  }
  for (const auto& expression : *expressions) {
    if (expression.value.empty()) continue;
    const Span& at = expression.span;
    uint32_t distance = at.begin >= event.trigger.end ? at.begin - event.trigger.end
                        : event.trigger.begin >= at.end ? event.trigger.begin - at.end
                                                        : 0;
    if (distance >= best_distance) continue;
    best_distance = distance;
    date.value = expression.value;
    date.granularity = std::string(dates::granularity_name(expression.granularity));
    date.from_text = true;
  }
  if (!date.from_text && !anchor.empty()) {
    date.value = std::string(anchor);
    date.granularity = "day";
  }
  return date;
}

}  // namespace storyline::events
