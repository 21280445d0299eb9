// Who says a claim: ClaimExtractor::speaker_of (claim_extractor.h).
#include "claims/claim_extractor.h"

namespace storyline::claims {

// The speaker of an attributed, alleged or denied sentence: the person or
// organisation mention nearest the cue when the entities stage gave
// mentions, else the run of capitalised words just before the cue ("Errázuriz
// said") or just after it ("said Arancibia", "according to the chancellor
// Valentine Errasuris").
std::string ClaimExtractor::speaker_of(const Article& article, const std::vector<ClaimToken>& tokens,
                                       const SentenceFraming& framing, Span& where) const {
  where = {};
  if (framing.cue_token == SIZE_MAX || tokens.empty()) return {};
  uint32_t cue = tokens[framing.cue_token].span.begin;
  Span sentence{tokens.front().span.begin, tokens.back().span.end};
  const EntityMention* best = nullptr;
  uint32_t best_distance = UINT32_MAX;
  for (const EntityMention& mention : article.mentions) {
    if (!sentence.contains(mention.span)) continue;
    if (mention.type != EntityType::kPerson && mention.type != EntityType::kOrganization) continue;
    uint32_t distance = mention.span.end <= cue ? cue - mention.span.end : mention.span.begin - cue;
    if (distance < best_distance) best = &mention, best_distance = distance;
  }
  if (best) {
    where = best->span;
    return best->name;
  }
  auto run_text = [&](size_t first, size_t last) {
    where = {tokens[first].span.begin, tokens[last].span.end};
    return std::string(slice(article.text, where));
  };
  size_t cue_index = framing.cue_token;
  // "Valentina Errázuriz, the foreign minister, told ...": step over the
  // apposition to the name before it.
  if (cue_index > 1 && tokens[cue_index - 1].lower == ",") {
    for (size_t k = cue_index - 2; k > 0 && cue_index - k < 10; --k)
      if (tokens[k].lower == ",") {
        if (tokens[k - 1].capitalized && !tokens[k - 1].punct) {
          size_t first = k - 1;
          while (first > 0 && tokens[first - 1].capitalized && !tokens[first - 1].punct && k - first < 4) --first;
          return run_text(first, k - 1);
        }
        break;
      }
  }
  if (cue_index > 0 && tokens[cue_index - 1].capitalized && !tokens[cue_index - 1].punct) {
    size_t first = cue_index - 1;
    while (first > 0 && tokens[first - 1].capitalized && !tokens[first - 1].punct && cue_index - first < 4) --first;
    if (first > 0 || tokens.size() > cue_index + 1) return run_text(first, cue_index - 1);
  }
  for (size_t k = cue_index + 1; k < tokens.size() && k <= cue_index + 5; ++k) {
    if (tokens[k].punct) break;
    if (tokens[k].capitalized) {
      size_t last = k;
      while (last + 1 < tokens.size() && tokens[last + 1].capitalized && !tokens[last + 1].punct && last - k < 3) ++last;
      return run_text(k, last);
    }
  }
  return {};
}

}  // namespace storyline::claims
