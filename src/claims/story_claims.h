// The claims of one story as the report shows them: the story's articles,
// their independence (outlets, copies and rewrites), their stored claim
// mentions, aligned into groups with a status.
#pragma once

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

#include "claims/claim_alignment.h"
#include "store/database.h"

namespace storyline::claims {

// The claims of the articles `rows` (a story's members, in arrival order),
// each group as docs/schema.md describes it; `story` is the story key
// ("story-3") written into each claim, or "" when there is none.
Result<nlohmann::json> claims_json(store::Database& db, const std::vector<int64_t>& rows, const std::string& story,
                                   const AlignmentOptions& options = {});

}  // namespace storyline::claims
