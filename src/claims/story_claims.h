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

// One article of a story with its claim mentions (as stored).
struct StoryArticle {
  int64_t row = 0;
  std::string id, source, text;
  std::vector<ClaimMention> mentions;
};

// Aligns the claims of a story's articles; `related` holds the (from, to)
// rows of duplicates and rewrites. No store needed (benchmarks, tests).
nlohmann::json align_story_claims(const std::vector<StoryArticle>& articles,
                                  const std::vector<std::pair<int64_t, int64_t>>& related, const std::string& story,
                                  const AlignmentOptions& options = {});

// The claims of the articles `rows` (a story's members, in arrival order),
// each group as docs/schema.md describes it; `story` is the story key
// ("story-3") written into each claim, or "" when there is none.
Result<nlohmann::json> claims_json(store::Database& db, const std::vector<int64_t>& rows, const std::string& story,
                                   const AlignmentOptions& options = {});

}  // namespace storyline::claims
