// Who a speaker phrase names, and the outlets an attribution passed
// through. Entity mentions (Article::mentions, from the entities stage) come
// first; names the entities stage missed, and articles it has not seen, fall
// back to the capitalised name runs of the text.
#pragma once

#include <string>
#include <vector>

#include "quotes/text_view.h"

namespace storyline::quotes {

struct Speaker {
  std::string name;        // empty when unknown
  int64_t entity_id = 0;   // the resolved entity, 0 when none
  int32_t local_entity = -1;
};

// The speaker named by tokens [first, end): a mention there, a pronoun or
// role noun ("she", "the spokesman") resolved to the latest person before
// it, a name run, or the phrase itself ("officials in both capitals").
Speaker resolve_speaker(const TextView& view, size_t first, size_t end);

// The chain of attribution in tokens [first, end), in text order: named
// outlets a speaker talked to ("told the IRNA news agency") and sources
// cited ("according to TASS").
std::vector<std::string> via_chain(const TextView& view, size_t first, size_t end);

}  // namespace storyline::quotes
