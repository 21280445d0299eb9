// Reading stories back: the list (`storyline stories`), one story with its
// members and relations (`storyline story ID`, the report, the API).
#pragma once

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

#include "store/database.h"

namespace storyline::stories {

// Story ids in JSON are "story-N".
std::string story_key(int64_t id);
// "story-12" or "12" → 12; 0 when it is neither.
int64_t parse_story_key(const std::string& key);

// The most recent stories first (by their last article's date, then arrival):
// id, label, size, outlets, first, last.
Result<nlohmann::json> list_stories(store::Database& db, size_t limit, size_t offset = 0);

// One story: id, label, articles (ids), members (id, title, source,
// published), relations (type, from, to, score and evidence), outlets,
// first, last. A merged story's id resolves to its survivor. Not found: an
// empty object.
Result<nlohmann::json> story_json(store::Database& db, int64_t story_id);

// The store rows of a story's articles (a merged story's id resolves to its
// survivor); empty when there is no such story.
Result<std::vector<int64_t>> story_article_rows(store::Database& db, int64_t story_id);

// The stories the given article rows belong to, in order of first mention.
Result<std::vector<int64_t>> stories_of_articles(store::Database& db, const std::vector<int64_t>& rows);

}  // namespace storyline::stories
