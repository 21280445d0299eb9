// Coreference inside one article: every mention of one person, organisation
// or place joins one local entity. Surnames and "Mr. X" join the person named
// in full with that surname (the nearest one before, else the first after:
// headlines often use the surname first); two people who share a surname
// stay apart when their given names differ (Fatemeh and Ataollah
// Mohajerani). Each local entity takes its fullest name, the role and
// country its mentions give, and a CAMEO-style actor code.
#pragma once

#include <string>
#include <vector>

#include "entities/knowledge_base.h"
#include "entities/mention_finder.h"
#include "storyline/document.h"

namespace storyline::entities {

struct LocalEntity {
  EntityType type = EntityType::kPerson;
  std::string name;
  std::string role;
  std::string country;
  std::string actor_code;
  const KbEntry* kb = nullptr;
};

struct ArticleEntities {
  std::vector<EntityMention> mentions;  // text order; local_entity indexes `entities`
  std::vector<LocalEntity> entities;
};

// `published` (ISO date, may be empty) selects knowledge-base leaders whose
// term covers the article.
ArticleEntities link_mentions(std::vector<FoundMention> found, const KnowledgeBase& kb, std::string_view published);

// "Dmitry S. Peskov" → {"dmitry", "s.", "peskov"}: the folded words of a name.
std::vector<std::string> name_words(std::string_view name);
// A surname without its Arabic article: "al-assad" → "assad".
std::string_view surname_core(std::string_view surname);
// True when two given names can belong to one person: similar spellings
// ("Dmitri"/"Dmitry") or an initial ("D."/"Dmitry").
bool given_names_compatible(std::string_view a, std::string_view b);

// CAMEO sectors that make a person or body a political actor with a code.
bool is_political_sector(std::string_view sector);

}  // namespace storyline::entities
