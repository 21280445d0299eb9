#include "claims/date_figures.h"

#include <algorithm>

#include "dates/calendar.h"
#include "dates/time_expressions.h"

namespace storyline::claims {

std::vector<Quantity> add_dates(const Article& article, Span sentence, const std::vector<ClaimToken>& tokens,
                                std::vector<Quantity> figures) {
  for (const auto& date : dates::find_time_expressions(article.text, sentence, article.published)) {
    if (date.granularity != dates::Granularity::kDay) continue;
    auto civil = dates::parse_iso_date(date.value);
    if (!civil) continue;
    Quantity q;
    q.first = SIZE_MAX;
    for (size_t k = 0; k < tokens.size(); ++k)
      if (tokens[k].span.begin < date.span.end && date.span.begin < tokens[k].span.end) {
        if (q.first == SIZE_MAX) q.first = k;
        q.last = k;
      }
    if (q.first == SIZE_MAX) continue;
    q.dimension = "date";
    q.unit = "day";
    q.value = static_cast<double>(dates::days_from_civil(*civil));
    figures.erase(std::remove_if(figures.begin(), figures.end(),
                                 [&](const Quantity& f) { return f.first <= q.last && q.first <= f.last; }),
                  figures.end());
    figures.push_back(q);
  }
  std::sort(figures.begin(), figures.end(), [](const Quantity& a, const Quantity& b) { return a.first < b.first; });
  return figures;
}

}  // namespace storyline::claims
