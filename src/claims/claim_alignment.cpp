#include "claims/claim_alignment.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <numeric>
#include <set>
#include <unordered_map>
#include <unordered_set>

namespace storyline::claims {

namespace {

bool disputed(const ClaimMention& m) { return m.framing == Framing::kAlleged || m.framing == Framing::kDenied; }

size_t shared_count(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  size_t n = 0;
  for (const auto& x : a)
    if (std::find(b.begin(), b.end(), x) != b.end()) ++n;
  return n;
}

// Shared concepts that are not synonym classes ("C:...").
size_t shared_specific(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  size_t n = 0;
  for (size_t i = 0, j = 0; i < a.size() && j < b.size();) {
    if (a[i] < b[j]) ++i;
    else if (b[j] < a[i]) ++j;
    else n += a[i].rfind("C:", 0) != 0, ++i, ++j;
  }
  return n;
}

bool share_any(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  for (const auto& x : a)
    if (std::find(b.begin(), b.end(), x) != b.end()) return true;
  return false;
}

class Weights {
 public:
  // Concepts are interned once (ids sorted in the mentions' own order, so a
  // merge of two id lists finds the shared ones) and weighted once.
  explicit Weights(const std::vector<ClaimMention>& mentions) {
    std::unordered_map<std::string, uint32_t> ids;
    ids_.reserve(mentions.size());
    for (const auto& m : mentions) {
      std::vector<uint32_t> list;
      list.reserve(m.content.size());
      for (const auto& c : m.content) {
        auto [it, added] = ids.emplace(c, static_cast<uint32_t>(df_.size()));
        if (added) df_.push_back(0);
        ++df_[it->second];
        list.push_back(it->second);
      }
      std::sort(list.begin(), list.end());
      ids_.push_back(std::move(list));
    }
    n_ = static_cast<double>(mentions.size());
    weight_.reserve(df_.size());
    for (size_t df : df_) weight_.push_back(std::log(1.0 + n_ / static_cast<double>(df)));
    for (const auto& [name, id] : ids) by_name_.emplace(name, id);
    totals_.reserve(mentions.size());
    for (const auto& list : ids_) {
      double total = 0;
      for (uint32_t id : list) total += weight_[id];
      totals_.push_back(total);
    }
  }
  // Rare concepts weigh more: in a story about an accord, "accord" says
  // little and "ammonia" says a lot.
  double of(const std::string& concept_key) const {
    auto it = by_name_.find(concept_key);
    return it == by_name_.end() ? std::log(1.0 + n_) : weight_[it->second];
  }
  size_t df(const std::string& concept_key) const {
    auto it = by_name_.find(concept_key);
    return it == by_name_.end() ? 0 : df_[it->second];
  }
  // Weighted Dice overlap of two mentions' content; `shared` counts the
  // concepts in common; `containment` is the shared weight over the smaller
  // mention's weight.
  double similarity(const std::vector<ClaimMention>& mentions, size_t a, size_t b, size_t& shared,
                    double* containment = nullptr) const {
    (void)mentions;
    const auto& x = ids_[a];
    const auto& y = ids_[b];
    double common = 0;
    shared = 0;
    for (size_t i = 0, j = 0; i < x.size() && j < y.size();) {
      if (x[i] < y[j]) ++i;
      else if (y[j] < x[i]) ++j;
      else common += weight_[x[i]], ++shared, ++i, ++j;
    }
    double total = totals_[a] + totals_[b];
    double smaller = std::min(totals_[a], totals_[b]);
    if (containment) *containment = smaller > 0 ? common / smaller : 0;
    return total > 0 ? 2 * common / total : 0;
  }

 private:
  std::vector<size_t> df_;                        // by concept id
  std::vector<double> weight_;                    // by concept id
  std::unordered_map<std::string, uint32_t> by_name_;
  std::vector<std::vector<uint32_t>> ids_;        // each mention's concepts, sorted ids
  std::vector<double> totals_;
  double n_ = 1;
};

struct Cluster {
  std::vector<size_t> members;
  std::unordered_set<std::string> keys;  // index keys it is listed under
};

}  // namespace

std::vector<ClaimGroup> align_claims(const std::vector<ClaimMention>& mentions, const std::vector<size_t>& unit_of,
                                     const AlignmentOptions& options) {
  Weights weights(mentions);
  std::vector<Cluster> clusters;
  std::unordered_map<std::string, std::vector<size_t>> index;  // key → clusters, oldest first
  std::vector<std::pair<size_t, size_t>> links;                // clusters to merge (contradictions)
  std::vector<std::pair<size_t, size_t>> merges;               // clusters that say the same thing
  auto samples = [&](const Cluster& c) {
    size_t n = std::min(options.samples_per_group, c.members.size());
    return std::vector<size_t>(c.members.begin(), c.members.begin() + static_cast<long>(n));
  };
  // The groups listed under the mention's keys (the most recent of each
  // key), those under most of its keys first, at most groups_per_key in all:
  // a bounded number of comparisons per mention however large the story.
  auto candidates_of = [&](const std::vector<std::string>& keys) {
    std::vector<size_t> listed;
    for (const auto& key : keys) {
      auto it = index.find(key);
      if (it == index.end()) continue;
      const auto& list = it->second;
      size_t from = list.size() > options.groups_per_key ? list.size() - options.groups_per_key : 0;
      for (size_t k = from; k < list.size(); ++k) listed.push_back(list[k]);
    }
    std::sort(listed.begin(), listed.end());
    std::vector<std::pair<size_t, size_t>> counted;  // (keys, group)
    for (size_t k = 0; k < listed.size();) {
      size_t j = k;
      while (j < listed.size() && listed[j] == listed[k]) ++j;
      counted.emplace_back(j - k, listed[k]);
      k = j;
    }
    std::sort(counted.begin(), counted.end(), [](const auto& a, const auto& b) {
      return a.first != b.first ? a.first > b.first : a.second > b.second;  // more keys, then newer
    });
    std::vector<size_t> out;
    for (size_t k = 0; k < counted.size() && k < options.groups_per_key; ++k) out.push_back(counted[k].second);
    std::sort(out.begin(), out.end());
    return out;
  };
  auto list_under = [&](size_t cluster, const std::vector<std::string>& keys) {
    for (const auto& key : keys)
      if (clusters[cluster].keys.insert(key).second) index[key].push_back(cluster);
  };

  for (size_t m = 0; m < mentions.size(); ++m) {
    const ClaimMention& mention = mentions[m];
    std::vector<std::string> keys;
    if (mention.kind == "quantity") {
      const Quantity& q = mention.quantity;
      keys.push_back("Q|" + q.dimension + "|" + q.unit + "|" + q.per + "|" + quantity_value_key(q));
    } else {
      // The rarest concepts that some other mention also has.
      std::vector<std::pair<double, std::string>> ranked;
      for (const auto& c : mention.content)
        if (weights.df(c) >= 2 && c.rfind("Q:", 0) != 0) ranked.emplace_back(-weights.of(c), c);
      std::sort(ranked.begin(), ranked.end());
      for (size_t k = 0; k < ranked.size() && k < options.keys_per_statement; ++k)
        keys.push_back("S|" + ranked[k].second);
      for (const auto& c : mention.what) keys.push_back("N|" + c);  // what a negative statement negates
    }
    size_t best = SIZE_MAX;
    double best_similarity = -1;
    std::vector<size_t> opposite;  // groups saying the opposite (resolved once m has its group)
    std::vector<size_t> accepted;  // every group m matches: single link joins them
    for (size_t c : candidates_of(keys)) {
      for (size_t other : samples(clusters[c])) {
        const ClaimMention& o = mentions[other];
        size_t shared = 0;
        double containment = 0;
        double similarity = weights.similarity(mentions, m, other, shared, &containment);
        // Statements: the mean of Dice and containment, so that a short
        // sentence ("Tehran denies supplying drones") can match the long one
        // it summarises.
        double statement_similarity = (similarity + containment) / 2;
        bool accept = false;
        if (mention.kind == "quantity") {
          // The same figure of the same kind: about the same thing when the
          // sentences overlap or the figure names the same thing.
          bool what_shared = share_any(mention.what, o.what);
          // Counts and time offsets ("two years later") need both: "two
          // bridges" is not "two vessels", "two years ago" not "two years later".
          bool strict = mention.quantity.dimension == "count" || mention.quantity.dimension == "time_offset";
          accept = strict ? what_shared && similarity >= options.same_quantity
                          : what_shared || similarity >= options.same_quantity;
        } else if (mention.negated == o.negated) {
          // Synonym classes are broad ("include", "defence", "provision"):
          // two statements also share words of their own, or many classes.
          accept = statement_similarity >= options.same_statement && shared >= options.min_shared_concepts &&
                   (shared_specific(mention.content, o.content) >= options.min_shared_specific ||
                    shared >= options.min_shared_concepts + 1);
          // Two negative statements that negate the same thing ("no defence
          // clause", "does not include any military component").
          if (mention.negated && shared_count(mention.what, o.what) >= options.min_shared_negated &&
              similarity >= options.same_negated)
            accept = true;
        } else if (similarity >= options.polarity && shared >= options.min_shared_concepts + 1 &&
                   shared_specific(mention.content, o.content) >= options.min_shared_specific && !disputed(mention) &&
                   !disputed(o) && unit_of[m] != unit_of[other] &&
                   shared_count(mention.negated ? mention.what : o.what, mention.negated ? o.content : mention.content) >=
                       options.min_shared_negated) {
          // "X" against "not X": the same sentence but for the negation
          // (Dice, not containment: a short sentence inside a long one is
          // not its opposite), and what the negative one negates is in the
          // positive one.
          opposite.push_back(c);
        }
        if (accept) {
          if (similarity > best_similarity) best = c, best_similarity = similarity;
          accepted.push_back(c);
        }
      }
    }
    if (best == SIZE_MAX) {
      best = clusters.size();
      clusters.emplace_back();
    }
    for (size_t c : opposite) links.emplace_back(c, best);
    for (size_t c : accepted)
      if (c != best) merges.emplace_back(c, best);
    clusters[best].members.push_back(m);
    list_under(best, keys);
  }

  // A mention that matched several groups joins them (single link): fold
  // each merged group into its survivor before looking for contradictions.
  {
    std::vector<size_t> into(clusters.size());
    std::iota(into.begin(), into.end(), 0);
    auto root = [&](size_t x) {
      while (into[x] != x) x = into[x] = into[into[x]];
      return x;
    };
    for (const auto& [a, b] : merges) {
      size_t ra = root(a), rb = root(b);
      if (ra != rb) into[ra] = rb;
    }
    for (size_t c = 0; c < clusters.size(); ++c) {
      size_t r = root(c);
      if (r == c) continue;
      auto& target = clusters[r].members;
      target.insert(target.end(), clusters[c].members.begin(), clusters[c].members.end());
      clusters[c].members.clear();
    }
    for (auto& cluster : clusters) std::sort(cluster.members.begin(), cluster.members.end());
    for (auto& [a, b] : links) a = root(a), b = root(b);
  }
  // Contradictions: groups of the same figure kind (dimension, unit, rate)
  // with different exact values, about the same thing.
  std::unordered_map<std::string, std::vector<size_t>> by_kind;
  for (size_t c = 0; c < clusters.size(); ++c) {
    if (clusters[c].members.empty()) continue;  // folded into another
    const ClaimMention& first = mentions[clusters[c].members[0]];
    if (first.kind != "quantity") continue;
    const Quantity& q = first.quantity;
    std::vector<size_t>& same_kind = by_kind[q.dimension + "|" + q.unit + "|" + q.per];
    size_t from = same_kind.size() > options.groups_per_key ? same_kind.size() - options.groups_per_key : 0;
    for (size_t k = from; k < same_kind.size(); ++k) {
      size_t other = same_kind[k];
      bool contradicts = false;
      for (size_t a : samples(clusters[c])) {
        for (size_t b : samples(clusters[other])) {
          const ClaimMention& x = mentions[a];
          const ClaimMention& y = mentions[b];
          if (!x.quantity.qualifier.empty() || !y.quantity.qualifier.empty()) continue;
          if (same_quantity_value(x.quantity, y.quantity)) continue;
          // Only between independent sources (an outlet rarely contradicts
          // itself: two figures in one article are two different things),
          // and only about the same named thing.
          if (unit_of[a] == unit_of[b]) continue;
          if (x.what.empty() || y.what.empty() || !share_any(x.what, y.what)) continue;
          size_t shared = 0;
          if (weights.similarity(mentions, a, b, shared) >= options.contradiction) contradicts = true;
        }
        if (contradicts) break;
      }
      if (contradicts) links.emplace_back(c, other);
    }
    same_kind.push_back(c);
  }

  // Merge linked clusters into groups.
  std::vector<size_t> parent(clusters.size());
  std::iota(parent.begin(), parent.end(), 0);
  auto find = [&](size_t x) {
    while (parent[x] != x) x = parent[x] = parent[parent[x]];
    return x;
  };
  for (const auto& [a, b] : links) parent[find(a)] = find(b);
  std::map<size_t, ClaimGroup> by_root;
  for (size_t c = 0; c < clusters.size(); ++c) {
    if (clusters[c].members.empty()) continue;
    ClaimGroup& group = by_root[find(c)];
    group.members.insert(group.members.end(), clusters[c].members.begin(), clusters[c].members.end());
  }

  std::vector<ClaimGroup> groups;
  for (auto& [root, group] : by_root) {
    std::sort(group.members.begin(), group.members.end());
    std::set<size_t> units;
    std::map<std::string, std::vector<size_t>> values;
    std::map<size_t, std::pair<bool, bool>> unit_framing;  // unit → (states it, disputes it)
    for (size_t m : group.members) {
      const ClaimMention& mention = mentions[m];
      units.insert(unit_of[m]);
      if (mention.kind == "quantity") {
        if (mention.quantity.qualifier.empty()) values[mention.value_text].push_back(m);
      } else {
        values[mention.negated ? "no" : "yes"].push_back(m);
      }
      auto& [states, disputes] = unit_framing[unit_of[m]];
      (disputed(mention) ? disputes : states) = true;
    }
    group.independent_sources = units.size();
    size_t stating_only = 0, disputing_only = 0;
    for (const auto& [unit, framing] : unit_framing) {
      if (framing.first && !framing.second) ++stating_only;
      if (framing.second && !framing.first) ++disputing_only;
    }
    if (values.size() > 1) {
      group.status = "contradicted";
      for (auto& [value, members] : values) group.values.emplace_back(value, std::move(members));
      std::sort(group.values.begin(), group.values.end(),
                [](const auto& a, const auto& b) { return a.second.size() > b.second.size(); });
    } else if (stating_only >= 1 && disputing_only >= 1) {
      group.status = "framing";
    } else if (units.size() >= 2) {
      group.status = "corroborated";
    } else {
      group.status = "single_source";
    }
    groups.push_back(std::move(group));
  }
  auto rank = [](const std::string& status) {
    return status == "contradicted" ? 0 : status == "framing" ? 1 : status == "corroborated" ? 2 : 3;
  };
  std::stable_sort(groups.begin(), groups.end(), [&](const ClaimGroup& a, const ClaimGroup& b) {
    if (rank(a.status) != rank(b.status)) return rank(a.status) < rank(b.status);
    if (a.independent_sources != b.independent_sources) return a.independent_sources > b.independent_sources;
    return a.members.front() < b.members.front();
  });
  return groups;
}

}  // namespace storyline::claims
