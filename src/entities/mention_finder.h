// Finds the names in one article: people, organisations, places and
// nationalities, with the roles and countries their context gives
// ("Iran's Foreign Minister Abbas Araghchi", "Kazem Jalali, Iran's
// ambassador to Moscow", "Kremlin spokesperson Dmitry Peskov").
//
// With the article's linguistic annotation (English), the recogniser's
// names (nlp/recognizer.h) join the rules' (below): the rules win where
// both found a name, the recogniser adds the names the rules missed and
// supports lone words the rules would have dropped; the knowledge base
// resolves and codes them. Without it (other languages, or the engine run
// without the annotation), the rules alone: capitalised runs of words are cut into knowledge-base
// names, titles and the name proper, then classified by the knowledge base,
// head words ("Institute", "Ministry"), given names, titles and honorifics,
// speech verbs and appositions. A lone capitalised word counts only when
// the knowledge base knows it, a title or a speech verb marks it, or it is
// the surname of a person named in full elsewhere in the article, so
// sentence-initial words ("Meanwhile", "Speaking") and headings do not
// become entities.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "entities/knowledge_base.h"
#include "storyline/document.h"

namespace storyline::entities {

// A name found in the text, before coreference.
struct FoundMention {
  Span span;                      // the name's words (titles and possessive 's excluded)
  uint32_t first_token = 0;       // token indices of the span, inclusive
  uint32_t last_token = 0;
  EntityType type = EntityType::kPerson;
  std::string name;               // as written, without title or possessive
  const KbEntry* kb = nullptr;    // what the knowledge base says, if anything
  std::string role;               // from a title or an apposition
  std::string sector;             // the role's CAMEO sector ("GOV")
  std::string country;            // ISO alpha-3 from context or the knowledge base
  std::string nearby_country;     // a title's likely country from the sentence, when it names none
  std::string affiliation_code;   // an organisation's actor code that a title hangs on ("Kremlin spokesperson")
  bool needs_support = false;     // a lone word kept only if it names someone found in full
  bool role_only = false;         // "the Kremlin spokesman": a title standing for a person
};

class MentionFinder {
 public:
  explicit MentionFinder(std::shared_ptr<const KnowledgeBase> kb) : kb_(std::move(kb)) {}
  // Mentions in text order; lone surnames not yet checked against the
  // article. `knowledge_base_only`: whole knowledge-base names and nothing
  // else (an article in a language without rules here).
  std::vector<FoundMention> find(const Article& article, bool knowledge_base_only = false) const;

 private:
  std::shared_ptr<const KnowledgeBase> kb_;
};

}  // namespace storyline::entities
