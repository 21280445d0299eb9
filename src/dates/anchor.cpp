#include "dates/anchor.h"

#include <algorithm>

#include "dates/calendar.h"
#include "dates/time_expressions.h"

namespace storyline::dates {

std::string median_day(const std::vector<std::string>& iso_dates) {
  std::vector<int64_t> days;
  for (const std::string& iso : iso_dates)
    if (auto date = parse_iso_date(iso)) days.push_back(days_from_civil(*date));
  if (days.empty()) return "";
  std::sort(days.begin(), days.end());
  // The lower median: a real day of the story, never a day between two.
  return format_day(civil_from_days(days[(days.size() - 1) / 2]));
}

std::string latest_stated_day(std::string_view text) {
  std::string latest;
  for (const TimeExpression& e : find_time_expressions(text, {0, static_cast<uint32_t>(text.size())}, ""))
    if (e.granularity == Granularity::kDay && !e.relative && e.value > latest) latest = e.value;
  return latest;
}

Result<Anchor> anchor_for(store::Database& db, const Article& article) {
  if (auto date = parse_iso_date(article.published)) return Anchor{format_day(*date), article.published_inferred, "published"};
  auto query = db.prepare(
      "SELECT a.published FROM story_members m JOIN story_members other ON other.story_id = m.story_id"
      " JOIN articles a ON a.row = other.article_row WHERE m.article_row = ?1 AND a.published IS NOT NULL");
  if (query) {  // without the stories stage's tables, only the text can tell
    query->bind(1, article.store_row);
    std::vector<std::string> dates;
    while (query->step()) dates.push_back(query->column_text(0));
    if (!query->status().is_ok()) return query->status();
    if (std::string day = median_day(dates); !day.empty()) return Anchor{day, true, "story"};
  }
  std::string stated = latest_stated_day(article.text);
  return Anchor{stated, !stated.empty(), stated.empty() ? "" : "text"};
}

}  // namespace storyline::dates
