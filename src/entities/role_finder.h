// Roles and role-only mentions. A title before a name, an apposition after
// it or "of <organisation>" gives a person's role and country ("Kremlin
// spokesperson Dmitry Peskov", "Kazem Jalali, Iran's ambassador to Moscow",
// "Henrik Lund of the Bergen Policy Institute"). A title with no name ("the
// Kremlin spokesman", "Iran's ambassador to Russia") is a mention of
// whoever holds that role in the article; coreference links it.
#pragma once

#include <vector>

#include "entities/knowledge_base.h"
#include "entities/mention_finder.h"
#include "entities/token_view.h"

namespace storyline::entities {

// Sets role, sector and country of the people among mentions[begin..] found
// in the sentence of tokens [first, last).
void attach_roles(const KnowledgeBase& kb, const std::vector<TokenView>& tokens, std::vector<FoundMention>& mentions,
                  uint32_t first, uint32_t last, size_t begin);

// Adds role-only mentions of the sentence (role_only = true), after the
// sentence's other mentions.
void find_role_only_mentions(const KnowledgeBase& kb, const std::vector<TokenView>& tokens,
                             std::vector<FoundMention>& mentions, uint32_t first, uint32_t last, size_t begin);

}  // namespace storyline::entities
