#include "entities/coreference.h"

#include <algorithm>
#include <unordered_map>

#include "entities/name_folding.h"

namespace storyline::entities {
namespace {

struct Chain {
  LocalEntity entity;
  std::string surname;     // folded last word, for people
  std::string given_name;  // folded first word when the name has two or more
  size_t words = 0;
  std::string affiliation_code;
  std::string sector;
  std::string nearby_country;  // only used when no mention states a country
};

std::string compact_date(std::string_view iso) {
  std::string digits;
  for (char c : iso.substr(0, 10)) {
    if (c >= '0' && c <= '9') digits.push_back(c);
  }
  return digits;
}

bool term_covers(const KbEntry& entry, const std::string& date) {
  if (date.size() != 8) return entry.valid_to.empty();
  if (!entry.valid_from.empty() && date < entry.valid_from) return false;
  if (!entry.valid_to.empty() && date > entry.valid_to) return false;
  return true;
}

}  // namespace

std::vector<std::string> name_words(std::string_view name) {
  std::vector<std::string> words;
  std::string folded = fold_name(name);
  size_t start = 0;
  while (start < folded.size()) {
    size_t end = folded.find(' ', start);
    if (end == std::string::npos) end = folded.size();
    if (end > start) words.push_back(folded.substr(start, end - start));
    start = end + 1;
  }
  return words;
}

std::string_view surname_core(std::string_view surname) {
  for (std::string_view particle : {"al-", "el-", "ad-", "as-", "ash-", "an-"}) {
    if (surname.size() > particle.size() + 2 && surname.substr(0, particle.size()) == particle) {
      return surname.substr(particle.size());
    }
  }
  return surname;
}

bool given_names_compatible(std::string_view a, std::string_view b) {
  if (a.empty() || b.empty()) return true;
  auto is_initial = [](std::string_view word) { return word.size() <= 2 && (word.size() == 1 || word[1] == '.'); };
  if (is_initial(a) || is_initial(b)) return a[0] == b[0];
  return name_similarity(a, b) >= 0.85;
}

bool is_political_sector(std::string_view sector) {
  static const std::vector<std::string_view> kSectors = {"GOV", "MIL", "LEG", "JUD", "OPP", "REB", "SPY", "COP", "PTY"};
  return std::find(kSectors.begin(), kSectors.end(), sector) != kSectors.end();
}

ArticleEntities link_mentions(std::vector<FoundMention> found, const KnowledgeBase& kb, std::string_view published) {
  std::vector<Chain> chains;
  std::vector<int32_t> chain_of(found.size(), -1);
  std::unordered_map<std::string, int32_t> chain_by_key;  // non-people: KB entry or folded name
  const std::string date = compact_date(published);

  auto new_chain = [&](const FoundMention& mention) {
    Chain chain;
    chain.entity.type = mention.type;
    chain.entity.name = mention.name;
    chain.entity.kb = mention.kb;
    auto words = name_words(mention.name);
    chain.words = words.size();
    if (!words.empty()) chain.surname = std::string(surname_core(words.back()));
    if (words.size() >= 2) chain.given_name = words.front();
    chains.push_back(std::move(chain));
    return static_cast<int32_t>(chains.size() - 1);
  };

  // Pass 1: people named in full, and everything that is not a person.
  for (size_t m = 0; m < found.size(); ++m) {
    const FoundMention& mention = found[m];
    auto words = name_words(mention.name);
    if (mention.type != EntityType::kPerson) {
      std::string key = mention.kb ? "kb:" + mention.kb->name + ":" + std::to_string(static_cast<int>(mention.kb->type))
                                   : std::to_string(static_cast<int>(mention.type)) + ":" + fold_name(mention.name);
      auto [it, inserted] = chain_by_key.emplace(key, -1);
      if (inserted) it->second = new_chain(mention);
      chain_of[m] = it->second;
      continue;
    }
    if (words.size() < 2 || mention.needs_support || mention.role_only) continue;
    int32_t joined = -1;
    for (size_t c = 0; c < chains.size(); ++c) {
      const Chain& chain = chains[c];
      if (chain.entity.type != EntityType::kPerson || chain.surname != surname_core(words.back())) continue;
      if (!given_names_compatible(chain.given_name, words.front())) continue;
      joined = static_cast<int32_t>(c);
    }
    if (joined < 0) joined = new_chain(mention);
    chain_of[m] = joined;
  }

  // Pass 2: surnames, "Mr. X" and unmarked multi-word names join a person
  // found in full; a titled lone name with no such person starts its own.
  for (size_t m = 0; m < found.size(); ++m) {
    const FoundMention& mention = found[m];
    if (mention.type != EntityType::kPerson || chain_of[m] >= 0 || mention.role_only) continue;
    auto words = name_words(mention.name);
    if (words.empty()) continue;
    int32_t before = -1, after = -1;
    for (size_t other = 0; other < found.size(); ++other) {
      int32_t c = chain_of[other];
      if (c < 0 || chains[c].entity.type != EntityType::kPerson || chains[c].words < 2) continue;
      if (chains[c].surname != surname_core(words.back())) continue;
      if (words.size() >= 2 && !given_names_compatible(chains[c].given_name, words.front())) continue;
      if (other < m) before = c;
      else if (after < 0) after = c;
    }
    if (before < 0 && after < 0 && words.size() == 1) {
      // A variant spelling of a surname in the same article ("Araghchi" and,
      // machine-translated, "Aragushi"): same phonetic key, close spelling.
      double best = 0.8;
      for (size_t c = 0; c < chains.size(); ++c) {
        if (chains[c].entity.type != EntityType::kPerson || chains[c].words < 2) continue;
        if (phonetic_key(chains[c].surname) != phonetic_key(surname_core(words.back()))) continue;
        double similarity = name_similarity(chains[c].surname, surname_core(words.back()));
        if (similarity >= best) best = similarity, before = static_cast<int32_t>(c);
      }
    }
    int32_t chain = before >= 0 ? before : after;
    if (chain < 0 && !mention.needs_support) chain = new_chain(mention);
    chain_of[m] = chain;
  }

  // Pass 3: a title standing for a person ("the Kremlin spokesman", "Iran's
  // ambassador to Russia") joins the person with that role (and country,
  // when the title gives one) nearest before it, else the first after; with
  // no such person it is dropped rather than made an entity called "the
  // spokesman".
  for (size_t m = 0; m < found.size(); ++m) {
    const FoundMention& mention = found[m];
    if (!mention.role_only) continue;
    int32_t before = -1, after = -1;
    for (size_t other = 0; other < found.size(); ++other) {
      int32_t c = chain_of[other];
      if (c < 0 || found[other].role_only || chains[c].entity.type != EntityType::kPerson) continue;
      const FoundMention& named = found[other];
      if (named.role.empty()) continue;
      bool same_role = named.role == mention.role || named.role.find(mention.role) != std::string::npos ||
                       mention.role.find(named.role) != std::string::npos;
      if (!same_role) continue;
      if (!mention.country.empty() && !named.country.empty() && named.country != mention.country) continue;
      if (other < m) before = c;
      else if (after < 0) after = c;
    }
    chain_of[m] = before >= 0 ? before : after;
  }

  // Attributes: the fullest name, the first role and country given.
  for (size_t m = 0; m < found.size(); ++m) {
    if (chain_of[m] < 0) continue;
    Chain& chain = chains[chain_of[m]];
    const FoundMention& mention = found[m];
    auto words = name_words(mention.name);
    if (mention.type == EntityType::kPerson && !mention.role_only &&
        (words.size() > chain.words || (words.size() == chain.words && mention.name.size() > chain.entity.name.size()))) {
      chain.entity.name = mention.name;
      chain.words = words.size();
    }
    // The most specific role wins: "regional president" over "president".
    if (!mention.role.empty() && mention.role.size() > chain.entity.role.size()) {
      chain.entity.role = mention.role;
      chain.sector = mention.sector;
    }
    if (chain.sector.empty() && !mention.sector.empty()) chain.sector = mention.sector;
    if (chain.entity.country.empty()) chain.entity.country = mention.country;
    if (chain.nearby_country.empty()) chain.nearby_country = mention.nearby_country;
    if (chain.affiliation_code.empty()) chain.affiliation_code = mention.affiliation_code;
  }

  ArticleEntities result;
  for (Chain& chain : chains) {
    LocalEntity& entity = chain.entity;
    if (entity.country.empty()) entity.country = chain.nearby_country;
    if (entity.type == EntityType::kPerson) {
      if (const KbEntry* known = kb.find(fold_name(entity.name), entity.name);
          known && known->type == EntityType::kPerson && term_covers(*known, date)) {
        entity.kb = known;
        if (entity.role.empty()) entity.role = known->role;
        if (entity.country.empty()) entity.country = known->country;
        if (chain.affiliation_code.empty()) chain.affiliation_code = known->actor_code;
      }
      if (chain.affiliation_code.size() >= 6 && is_political_sector(chain.affiliation_code.substr(3, 3))) {
        entity.actor_code = chain.affiliation_code;
      } else if (!entity.country.empty() && is_political_sector(chain.sector)) {
        entity.actor_code = entity.country + chain.sector;
      }
    } else if (entity.kb) {
      entity.actor_code = entity.kb->actor_code;
      entity.name = entity.kb->name;
    } else if (!entity.country.empty() && !chain.sector.empty()) {
      entity.actor_code = entity.country + chain.sector;
    }
    result.entities.push_back(entity);
  }
  for (size_t m = 0; m < found.size(); ++m) {
    if (chain_of[m] < 0) continue;
    const LocalEntity& entity = result.entities[chain_of[m]];
    EntityMention mention;
    mention.span = found[m].span;
    mention.type = entity.type;
    mention.name = entity.name;
    mention.actor_code = entity.actor_code;
    mention.country = entity.country;
    mention.role = entity.role;
    mention.local_entity = chain_of[m];
    mention.title_only = found[m].role_only;
    result.mentions.push_back(std::move(mention));
  }
  return result;
}

}  // namespace storyline::entities
