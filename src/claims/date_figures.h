// Day-precise dates as claim figures: "on Tuesday" in an article of 4 March
// 2026 and "on 3 March" are both 2026-03-03 (the dates module resolves them
// against the publication date). Calendar years stay with the number
// normaliser; a year inside a full date gives way to the date.
#pragma once

#include <vector>

#include "claims/number_normalizer.h"
#include "storyline/document.h"

namespace storyline::claims {

// `figures` (from NumberNormalizer::find on `tokens`, the tokens of
// `sentence`) with the sentence's day-precise dates added, in token order.
std::vector<Quantity> add_dates(const Article& article, Span sentence, const std::vector<ClaimToken>& tokens,
                                std::vector<Quantity> figures);

}  // namespace storyline::claims
