#include "entities/kb_gazetteer.h"

#include "entities/name_folding.h"

namespace storyline::entities {

uint8_t KbGazetteer::phrase_kinds(std::string_view phrase) const {
  const KbEntry* entry = kb_->find(fold_name(phrase), phrase);
  if (!entry) return 0;
  switch (entry->type) {
    case EntityType::kPerson: return nlp::kPhrasePerson;
    case EntityType::kOrganization: return nlp::kPhraseOrganization;
    case EntityType::kPlace: return nlp::kPhrasePlace;
    case EntityType::kNorp: return nlp::kPhraseNationality;
  }
  return 0;
}

uint8_t KbGazetteer::word_kinds(std::string_view word) const {
  if (word.empty()) return 0;
  const unsigned char first = static_cast<unsigned char>(word[0]);
  const bool letter = (first >= 'A' && first <= 'Z') || (first >= 'a' && first <= 'z') || first >= 0x80;
  if (!letter) return 0;
  const std::string folded = fold_name(word);
  uint8_t kinds = 0;
  if (kb_->find_role(folded)) kinds |= nlp::kWordTitle;
  if (starts_upper(word)) {
    if (kb_->is_given_name(folded)) kinds |= nlp::kWordGivenName;
    if (kb_->organization_word(word)) kinds |= nlp::kWordOrganizationHead;
    if (kb_->is_not_name(word)) kinds |= nlp::kWordNotName;
  }
  return kinds;
}

}  // namespace storyline::entities
