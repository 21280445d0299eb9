// Resolution across articles and outlets: each local entity of a new article
// joins the stored entity it names, or starts a new one. Candidates come from
// a bucket (type + phonetic key of the surname for people, type + folded
// name otherwise), so the cost per mention does not grow with the store.
//
// People: the same surname (or a close variant: Jaro-Winkler ≥ 0.92, or
// ≥ 0.80 when role and country agree too, for transliterations) with
// compatible given names ("Dmitri"/"Dmitry"/"Dmitry S."). Different given
// names never merge, whatever else agrees (Fatemeh and Ataollah Mohajerani);
// nor do different known countries.
#pragma once

#include <cmath>
#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "entities/coreference.h"

namespace storyline::entities {

struct StoredEntity {
  int64_t id = 0;
  EntityType type = EntityType::kPerson;
  std::string name;
  std::string role;
  std::string country;
  std::string actor_code;
  double latitude = NAN;
  double longitude = NAN;
};

class EntityResolver {
 public:
  // The stored entity `local` names, or nullptr when it is new.
  const StoredEntity* match(const LocalEntity& local) const;
  // Adds (or replaces, same id) an entity; fuller names and new attributes
  // are the caller's business.
  void add(const StoredEntity& entity);
  const StoredEntity* get(int64_t id) const;
  void clear();
  size_t size() const { return entities_.size(); }

 private:
  std::string bucket(EntityType type, const std::string& name) const;

  std::vector<StoredEntity> entities_;
  std::unordered_map<int64_t, size_t> position_;
  std::unordered_map<std::string, std::vector<size_t>> buckets_;
};

}  // namespace storyline::entities
