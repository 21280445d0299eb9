// Grouping a story's claim mentions that say the same thing, and the status
// of each group (docs/design.md, "Claims"):
//   corroborated   two or more independent sources back it
//   single_source  one independent source
//   contradicted   same quantity and what it counts (or the same statement),
//                  different values (or opposite polarity)
//   framing        same content; one source states it, another reports it
//                  only as an allegation or a denial
// Candidates come from indexes keyed by the figure (unit and value) and by
// each statement's rarest content words, and each mention is compared with
// a bounded number of samples of a bounded number of groups, so the cost
// grows linearly with the story, not with its square.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "claims/claim_extractor.h"

namespace storyline::claims {

struct AlignmentOptions {
  double same_quantity = 0.12;   // weighted content overlap for one figure told twice
  double same_statement = 0.40;  // mean of Dice and containment, for one statement told twice
  size_t min_shared_concepts = 3;  // statements share at least this many concepts
  size_t min_shared_specific = 2;  // ... of which this many are not synonym classes (or one more in all)
  size_t min_shared_negated = 2;   // negative statements negating the same concepts
  double same_negated = 0.08;      // ... with at least this content overlap
  double contradiction = 0.30;   // for two different values of one figure
  double polarity = 0.50;        // for "X" against "not X"
  size_t samples_per_group = 4;  // mentions of a group compared with a newcomer
  size_t groups_per_key = 24;    // most recent groups of one index key compared
  size_t keys_per_statement = 6; // rarest concepts a statement is indexed by
};

struct ClaimGroup {
  std::vector<size_t> members;  // mention indices, in input order
  std::string status;           // corroborated, single_source, contradicted, framing
  size_t independent_sources = 0;
  // For contradicted: each competing value and the mentions that give it.
  std::vector<std::pair<std::string, std::vector<size_t>>> values;
};

// `unit_of` gives each mention's independence unit (see source_units.h).
std::vector<ClaimGroup> align_claims(const std::vector<ClaimMention>& mentions, const std::vector<size_t>& unit_of,
                                     const AlignmentOptions& options = {});

}  // namespace storyline::claims
