#include "events/event_dates.h"

#include "dates/time_expressions.h"

namespace storyline::events {

EventDate date_of(const Article& article, const CodedEvent& event, const std::string& anchor_iso,
                  SentenceDates* cache) {
  EventDate date;
  const std::string_view anchor = anchor_iso.size() >= 10 ? std::string_view(anchor_iso).substr(0, 10) : "";
  uint64_t best_distance = UINT64_MAX;
  const std::string_view text = article.text;
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
    // "since 2003" dates a span that ends now, not the event.
    std::string_view before = text.substr(at.begin >= 6 ? at.begin - 6 : 0, at.begin >= 6 ? 6 : at.begin);
    if (slice(text, at).starts_with("since") || slice(text, at).starts_with("Since") || before.ends_with("since ") ||
        before.ends_with("Since "))
      continue;
    const Span between = at.begin >= event.trigger.end ? Span{event.trigger.end, at.begin}
                         : event.trigger.begin >= at.end ? Span{at.end, event.trigger.begin}
                                                         : Span{0, 0};
    // An expression in the trigger's own clause first: commas between
    // weigh more than any distance in bytes.
    uint64_t commas = 0;
    for (char c : slice(text, between)) commas += c == ',' || c == ';';
    // A date in a coordinated clause (", and …", "; …") belongs to that
    // clause: "took office two years ago, and the first visit …".
    std::string_view gap = slice(text, between);
    if (gap.find(", and ") != std::string_view::npos || gap.find(", but ") != std::string_view::npos ||
        gap.find(';') != std::string_view::npos)
      continue;
    uint64_t distance = commas * 100000 + between.size();
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
