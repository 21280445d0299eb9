// The GDELT 2.0 export: the store's events as an Events table (61 columns)
// and a Mentions table (16 columns), tab-separated, no header, as in the
// GDELT 2.0 Event Database codebook. Denied and negated events are left
// out (GDELT rows mean "this happened"); planned, hypothetical, alleged and
// reported mentions stay with a lower Confidence. Columns storyline does not
// compute (tone, coordinates, FIPS geo codes, ethnic and religion codes) are
// empty.
#pragma once

#include <ostream>
#include <string>

#include "events/event_queries.h"
#include "events/event_types.h"
#include "store/database.h"

namespace storyline::events {

struct GdeltCounts {
  size_t events = 0;
  size_t mentions = 0;
};

Result<GdeltCounts> write_gdelt(const std::vector<StoredEvent>& events, const EventTypes& types, std::ostream& events_out,
                                std::ostream& mentions_out);

// The Confidence column of a mention (0..100) for its modality.
int gdelt_confidence(const std::string& modality);

}  // namespace storyline::events
