// Which articles of a story are independent sources. Articles from one
// outlet are one source; a duplicate or a rewrite (article_relations of the
// stories stage) is one source with its original, whatever outlet ran it;
// an article without a known outlet is a source of its own.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace storyline::claims {

struct SourceArticle {
  int64_t row = 0;
  std::string outlet;  // "" when unknown
};

// The independence unit (0, 1, ...) of each article, in input order;
// `related` holds pairs of rows (duplicate or rewrite).
std::vector<size_t> independence_units(const std::vector<SourceArticle>& articles,
                                       const std::vector<std::pair<int64_t, int64_t>>& related);

}  // namespace storyline::claims
