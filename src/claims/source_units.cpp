#include "claims/source_units.h"

#include <map>
#include <numeric>

#include "core/text_util.h"

namespace storyline::claims {

std::vector<size_t> independence_units(const std::vector<SourceArticle>& articles,
                                       const std::vector<std::pair<int64_t, int64_t>>& related) {
  std::vector<size_t> parent(articles.size());
  std::iota(parent.begin(), parent.end(), 0);
  auto find = [&](size_t x) {
    while (parent[x] != x) x = parent[x] = parent[parent[x]];
    return x;
  };
  auto unite = [&](size_t a, size_t b) { parent[find(a)] = find(b); };
  std::map<std::string, size_t> by_outlet;
  std::map<int64_t, size_t> by_row;
  for (size_t i = 0; i < articles.size(); ++i) {
    by_row[articles[i].row] = i;
    std::string outlet = core::ascii_lower(core::trim(articles[i].outlet));
    if (outlet.empty()) continue;
    auto [it, inserted] = by_outlet.emplace(outlet, i);
    if (!inserted) unite(i, it->second);
  }
  for (const auto& [from, to] : related) {
    auto a = by_row.find(from), b = by_row.find(to);
    if (a != by_row.end() && b != by_row.end()) unite(a->second, b->second);
  }
  std::map<size_t, size_t> numbering;
  std::vector<size_t> units(articles.size());
  for (size_t i = 0; i < articles.size(); ++i)
    units[i] = numbering.emplace(find(i), numbering.size()).first->second;
  return units;
}

}  // namespace storyline::claims
