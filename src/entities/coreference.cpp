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
  // People's chains by surname, in creation order: the matching below looks
  // only at chains that share the surname (a scan of every chain or every
  // mention per mention would be quadratic on an article of many names).
  // Past kMaxCandidates chains of one surname, the older ones are not tried.
  constexpr size_t kMaxCandidates = 256;
  std::unordered_map<std::string, std::vector<int32_t>> person_chains;
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
    int32_t index = static_cast<int32_t>(chains.size() - 1);
    if (chains.back().entity.type == EntityType::kPerson) person_chains[chains.back().surname].push_back(index);
    return index;
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
    int32_t joined = -1;  // the latest compatible chain with this surname
    if (auto it = person_chains.find(std::string(surname_core(words.back()))); it != person_chains.end()) {
      const std::vector<int32_t>& candidates = it->second;
      for (size_t k = candidates.size(), tried = 0; k-- > 0 && tried < kMaxCandidates; ++tried) {
        if (given_names_compatible(chains[candidates[k]].given_name, words.front())) {
          joined = candidates[k];
          break;
        }
      }
    }
    if (joined < 0) joined = new_chain(mention);
    chain_of[m] = joined;
  }

  // For pass 2: mentions of people named in full (chains of two or more
  // words), by surname in text order; those pass 2 adds come in text order
  // too, all before the mention being linked. And the same chains by the
  // phonetic key of their surname.
  std::unordered_map<std::string, std::vector<size_t>> full_mentions, joined_mentions;
  std::unordered_map<std::string, std::vector<int32_t>> by_sound;
  for (size_t m = 0; m < found.size(); ++m) {
    int32_t c = chain_of[m];
    if (c >= 0 && chains[c].entity.type == EntityType::kPerson && chains[c].words >= 2)
      full_mentions[chains[c].surname].push_back(m);
  }
  for (size_t c = 0; c < chains.size(); ++c)
    if (chains[c].entity.type == EntityType::kPerson && chains[c].words >= 2)
      by_sound[phonetic_key(chains[c].surname)].push_back(static_cast<int32_t>(c));

  // Pass 2: surnames, "Mr. X" and unmarked multi-word names join a person
  // found in full; a titled lone name with no such person starts its own.
  for (size_t m = 0; m < found.size(); ++m) {
    const FoundMention& mention = found[m];
    if (mention.type != EntityType::kPerson || chain_of[m] >= 0 || mention.role_only) continue;
    auto words = name_words(mention.name);
    if (words.empty()) continue;
    const std::string surname(surname_core(words.back()));
    auto compatible = [&](size_t other) {
      return words.size() < 2 || given_names_compatible(chains[chain_of[other]].given_name, words.front());
    };
    // The nearest compatible mention before (pass 1's or pass 2's) and the
    // first one after (only pass 1's are linked yet).
    int32_t before = -1, after = -1;
    size_t before_position = 0;
    if (auto it = full_mentions.find(surname); it != full_mentions.end()) {
      const std::vector<size_t>& positions = it->second;
      size_t split = static_cast<size_t>(std::lower_bound(positions.begin(), positions.end(), m) - positions.begin());
      for (size_t k = split, tried = 0; k-- > 0 && tried < kMaxCandidates; ++tried)
        if (compatible(positions[k])) {
          before = chain_of[positions[k]], before_position = positions[k];
          break;
        }
      for (size_t k = split, tried = 0; k < positions.size() && tried < kMaxCandidates; ++k, ++tried)
        if (compatible(positions[k])) {
          after = chain_of[positions[k]];
          break;
        }
    }
    if (auto it = joined_mentions.find(surname); it != joined_mentions.end()) {
      const std::vector<size_t>& positions = it->second;
      for (size_t k = positions.size(), tried = 0; k-- > 0 && tried < kMaxCandidates; ++tried)
        if (compatible(positions[k])) {
          if (before < 0 || positions[k] > before_position) before = chain_of[positions[k]];
          break;
        }
    }
    if (before < 0 && after < 0 && words.size() == 1) {
      // A variant spelling of a surname in the same article ("Araghchi" and,
      // machine-translated, "Aragushi"): same phonetic key, close spelling.
      double best = 0.8;
      if (auto it = by_sound.find(phonetic_key(surname)); it != by_sound.end())
        for (int32_t c : it->second) {
          double similarity = name_similarity(chains[c].surname, surname);
          if (similarity >= best) best = similarity, before = c;
        }
    }
    int32_t chain = before >= 0 ? before : after;
    if (chain < 0 && !mention.needs_support) chain = new_chain(mention);
    chain_of[m] = chain;
    if (chain >= 0 && chains[chain].entity.type == EntityType::kPerson && chains[chain].words >= 2)
      joined_mentions[chains[chain].surname].push_back(m);
  }

  // Pass 3: a title standing for a person ("the Kremlin spokesman", "Iran's
  // ambassador to Russia") joins the person with that role (and country,
  // when the title gives one) nearest before it, else the first after; with
  // no such person it is dropped rather than made an entity called "the
  // spokesman".
  // Candidates are the titled people in text order; each title looks at
  // most kMaxCandidates of them on either side (bounded cost per title).
  std::vector<size_t> titled;
  for (size_t other = 0; other < found.size(); ++other) {
    int32_t c = chain_of[other];
    if (c >= 0 && !found[other].role_only && !found[other].role.empty() && chains[c].entity.type == EntityType::kPerson)
      titled.push_back(other);
  }
  for (size_t m = 0; m < found.size(); ++m) {
    const FoundMention& mention = found[m];
    if (!mention.role_only) continue;
    auto holds_the_role = [&](size_t other) {
      const FoundMention& named = found[other];
      bool same_role = named.role == mention.role || named.role.find(mention.role) != std::string::npos ||
                       mention.role.find(named.role) != std::string::npos;
      return same_role && (mention.country.empty() || named.country.empty() || named.country == mention.country);
    };
    size_t split = static_cast<size_t>(std::lower_bound(titled.begin(), titled.end(), m) - titled.begin());
    int32_t chain = -1;
    for (size_t k = split, tried = 0; k-- > 0 && tried < kMaxCandidates; ++tried)
      if (holds_the_role(titled[k])) {
        chain = chain_of[titled[k]];
        break;
      }
    for (size_t k = split, tried = 0; chain < 0 && k < titled.size() && tried < kMaxCandidates; ++k, ++tried)
      if (holds_the_role(titled[k])) chain = chain_of[titled[k]];
    chain_of[m] = chain;
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
