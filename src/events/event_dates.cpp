#include "events/event_dates.h"

namespace storyline::events {

EventDate date_of(const Article& article, const CodedEvent& event) {
  (void)event;
  EventDate date;
  if (article.published.size() >= 10) {
    date.value = article.published.substr(0, 10);
    date.granularity = "day";
  }
  return date;
}

}  // namespace storyline::events
