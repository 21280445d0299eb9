#include "entities/entity_resolver.h"

#include "entities/name_folding.h"

namespace storyline::entities {

std::string EntityResolver::bucket(EntityType type, const std::string& name) const {
  std::string key = std::to_string(static_cast<int>(type)) + ":";
  if (type != EntityType::kPerson) return key + fold_name(name);
  auto words = name_words(name);
  return key + (words.empty() ? std::string() : phonetic_key(surname_core(words.back())));
}

const StoredEntity* EntityResolver::match(const LocalEntity& local) const {
  auto it = buckets_.find(bucket(local.type, local.name));
  if (it == buckets_.end()) return nullptr;
  if (local.type != EntityType::kPerson) {
    const std::string folded = fold_name(local.name);
    for (size_t position : it->second) {
      if (fold_name(entities_[position].name) == folded) return &entities_[position];
    }
    return nullptr;
  }
  auto words = name_words(local.name);
  if (words.empty()) return nullptr;
  const std::string given = words.size() >= 2 ? words.front() : std::string();
  const StoredEntity* best = nullptr;
  double best_score = 0;
  for (size_t position : it->second) {
    const StoredEntity& candidate = entities_[position];
    auto candidate_words = name_words(candidate.name);
    if (candidate_words.empty()) continue;
    const std::string candidate_given = candidate_words.size() >= 2 ? candidate_words.front() : std::string();
    if (!given_names_compatible(given, candidate_given)) continue;
    // Different countries keep similar names apart, but not one full name
    // written the same way (a country can be mis-inferred from context).
    const bool same_full_name = words.size() >= 2 && words == candidate_words;
    if (!same_full_name && !local.country.empty() && !candidate.country.empty() && local.country != candidate.country) {
      continue;
    }
    const bool same_role = !local.role.empty() && local.role == candidate.role;
    const bool same_country = !local.country.empty() && local.country == candidate.country;
    // A surname alone (no given name on either side) is too weak without a
    // matching role.
    if ((given.empty() || candidate_given.empty()) && !same_role) continue;
    double similarity = name_similarity(surname_core(words.back()), surname_core(candidate_words.back()));
    // Both given names present and the whole names close: a spelling or
    // transliteration variant ("Valentine Errasuris" / "Valentina Errázuriz").
    const bool full_names_close = !given.empty() && !candidate_given.empty() && similarity >= 0.85 &&
                                  name_similarity(given, candidate_given) >= 0.9 &&
                                  name_similarity(fold_name(local.name), fold_name(candidate.name)) >= 0.9;
    bool accepted = similarity >= 0.92 || (similarity >= 0.80 && same_role && same_country) || full_names_close;
    if (!accepted) continue;
    double score = similarity + (same_role ? 0.05 : 0) + (same_country ? 0.02 : 0);
    if (score > best_score) best_score = score, best = &candidate;
  }
  return best;
}

void EntityResolver::add(const StoredEntity& entity) {
  auto existing = position_.find(entity.id);
  if (existing != position_.end()) {
    entities_[existing->second] = entity;  // the bucket stays: a name's fold keeps its key
    return;
  }
  position_[entity.id] = entities_.size();
  buckets_[bucket(entity.type, entity.name)].push_back(entities_.size());
  entities_.push_back(entity);
}

const StoredEntity* EntityResolver::get(int64_t id) const {
  auto it = position_.find(id);
  return it == position_.end() ? nullptr : &entities_[it->second];
}

void EntityResolver::clear() {
  entities_.clear();
  position_.clear();
  buckets_.clear();
}

}  // namespace storyline::entities
