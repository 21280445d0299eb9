#include "entities/role_finder.h"

#include <optional>

#include "entities/coreference.h"
#include "entities/name_folding.h"

namespace storyline::entities {
namespace {

// Roles written before the name in lower case and appositions after it:
// "Kremlin spokesperson Dmitry Peskov", "the Iranian ambassador to Moscow,
// Kazem Jalali", "Kazem Jalali, Iran's ambassador to Moscow,".
class RoleAttacher {
 public:
  RoleAttacher(const KnowledgeBase& kb, const std::vector<TokenView>& tokens, std::vector<FoundMention>& mentions)
      : kb_(kb), tokens_(tokens), mentions_(mentions) {}

  void attach(uint32_t sentence_first, uint32_t sentence_last, size_t mention_begin, size_t mention_end) {
    for (size_t m = mention_begin; m < mention_end; ++m) {
      FoundMention& person = mentions_[m];
      if (person.type != EntityType::kPerson || !person.role.empty()) continue;
      // Before: [country/org] role NAME   or   role (to X), NAME
      uint32_t a = person.first_token;
      if (a > sentence_first) {
        uint32_t end = a - 1;
        bool comma = tokens_[end].text == ",";
        if (comma && end > sentence_first) --end;
        uint32_t window_start = end >= 8 + sentence_first ? end - 8 : sentence_first;
        for (uint32_t start = comma ? window_start : (end + 1 > kb_.max_role_words() ? end + 1 - static_cast<uint32_t>(kb_.max_role_words()) : 0);
             start <= end; ++start) {
          if (start < sentence_first) continue;
          if (auto role = longest_role(start, comma ? end : end, comma)) {
            set_role(person, *role, start > 2 ? start - 3 : 0, end, mention_begin, mention_end);
            break;
          }
        }
      }
      if (!person.role.empty()) {
        infer_country(person, mention_begin, mention_end);
        continue;
      }
      // After: NAME, [the|a] [country's] role ...
      uint32_t b = person.last_token;
      if (b + 2 < sentence_last && tokens_[b + 1].text == ",") {
        uint32_t stop = b + 2;
        while (stop < sentence_last && stop < b + 12 && tokens_[stop].text != "," && tokens_[stop].text != ".") ++stop;
        for (uint32_t start = b + 2; start < stop; ++start) {
          if (auto role = longest_role(start, stop - 1, true)) {
            set_role(person, *role, b + 2, stop - 1, mention_begin, mention_end);
            break;
          }
        }
      }
      if (!person.role.empty()) infer_country(person, mention_begin, mention_end);
      if (person.country.empty()) affiliation_country(person, mention_begin, mention_end);
    }
  }

 private:
  // The longest role phrase starting at `start` (ending by `limit`); when
  // `anywhere` is false it must end exactly at `limit`.
  std::optional<const RoleEntry*> longest_role(uint32_t start, uint32_t limit, bool anywhere) const {
    for (uint32_t n = static_cast<uint32_t>(kb_.max_role_words()); n >= 1; --n) {
      uint32_t end = start + n - 1;
      if (end > limit || (!anywhere && end != limit)) continue;
      bool words = true;
      for (uint32_t k = start; k <= end; ++k) words &= tokens_[k].word || tokens_[k].text == "-";
      if (!words) continue;
      std::string phrase;
      for (uint32_t k = start; k <= end; ++k) {
        if (k > start && tokens_[k].text != "-" && tokens_[k - 1].text != "-") phrase += ' ';
        phrase += fold_name(tokens_[k].name);
      }
      if (const RoleEntry* role = kb_.find_role(phrase)) return role;
    }
    return std::nullopt;
  }

  // Takes the role and the first country, nationality or organisation named
  // in [from, to] ("Iran's", "Iranian", "Kremlin").
  void set_role(FoundMention& person, const RoleEntry* role, uint32_t from, uint32_t to, size_t mention_begin,
                size_t mention_end) {
    person.role = role->role;
    person.sector = role->sector;
    for (size_t m = mention_begin; m < mention_end; ++m) {
      const FoundMention& other = mentions_[m];
      if (other.first_token < from || other.last_token > to || other.type == EntityType::kPerson) continue;
      if (other.country.empty() && !other.kb) continue;
      if (person.country.empty()) person.country = other.country;
      if (other.kb && other.type == EntityType::kOrganization && person.affiliation_code.empty()) {
        person.affiliation_code = other.kb->actor_code;
      }
      break;
    }
  }

  // "Henrik Lund of the Bergen Policy Institute": a person followed by "of"
  // and an organisation takes the organisation's country.
  void affiliation_country(FoundMention& person, size_t mention_begin, size_t mention_end) {
    uint32_t k = person.last_token + 1;
    if (k >= tokens_.size() || tokens_[k].text != "of") return;
    ++k;
    if (k < tokens_.size() && (tokens_[k].text == "the" || tokens_[k].text == "The")) ++k;
    for (size_t m = mention_begin; m < mention_end; ++m) {
      const FoundMention& other = mentions_[m];
      if (other.first_token == k && other.type == EntityType::kOrganization) {
        person.country = other.country;
        return;
      }
    }
  }

  // A title with no country of its own ("Industry minister Ola Strand told
  // the Storting") takes the country of the nearest name in the sentence
  // that has one: officials are mostly reported acting at home.
  void infer_country(FoundMention& person, size_t mention_begin, size_t mention_end) {
    if (!person.country.empty() || !is_political_sector(person.sector)) return;
    uint32_t best_distance = UINT32_MAX;
    for (size_t m = mention_begin; m < mention_end; ++m) {
      const FoundMention& other = mentions_[m];
      if (other.type == EntityType::kPerson || other.country.empty()) continue;
      uint32_t distance = other.first_token > person.last_token ? other.first_token - person.last_token
                                                                  : person.first_token - other.last_token;
      if (distance < best_distance) best_distance = distance, person.nearby_country = other.country;
    }
  }

  const KnowledgeBase& kb_;
  const std::vector<TokenView>& tokens_;
  std::vector<FoundMention>& mentions_;
};


bool is_determiner(std::string_view word) {
  return word == "the" || word == "The" || word == "a" || word == "an";
}

// The longest role phrase starting at token `k`, as its last token.
std::optional<std::pair<uint32_t, const RoleEntry*>> role_starting_at(const KnowledgeBase& kb,
                                                                      const std::vector<TokenView>& tokens,
                                                                      uint32_t k, uint32_t last) {
  std::string phrase;
  std::optional<std::pair<uint32_t, const RoleEntry*>> best;
  for (uint32_t end = k; end < last && end < k + kb.max_role_words(); ++end) {
    if (!tokens[end].word && tokens[end].text != "-") break;
    if (end > k && tokens[end].text != "-" && tokens[end - 1].text != "-") phrase += ' ';
    phrase += fold_name(tokens[end].name);
    if (const RoleEntry* role = kb.find_role(phrase)) best = std::make_pair(end, role);
    if (tokens[end].possessive) break;
  }
  return best;
}

}  // namespace

void attach_roles(const KnowledgeBase& kb, const std::vector<TokenView>& tokens, std::vector<FoundMention>& mentions,
                  uint32_t first, uint32_t last, size_t begin) {
  RoleAttacher(kb, tokens, mentions).attach(first, last, begin, mentions.size());
}

void find_role_only_mentions(const KnowledgeBase& kb, const std::vector<TokenView>& tokens,
                             std::vector<FoundMention>& mentions, uint32_t first, uint32_t last, size_t begin) {
  const size_t end_of_names = mentions.size();
  auto mention_at = [&](uint32_t token, bool starting) -> const FoundMention* {
    for (size_t m = begin; m < end_of_names; ++m) {
      if ((starting ? mentions[m].first_token : mentions[m].last_token) == token) return &mentions[m];
    }
    return nullptr;
  };
  auto inside_a_name = [&](uint32_t token) {
    for (size_t m = begin; m < end_of_names; ++m) {
      if (mentions[m].first_token <= token && token <= mentions[m].last_token) return true;
    }
    return false;
  };
  for (uint32_t k = first + 1; k < last; ++k) {
    if (!tokens[k].word || inside_a_name(k)) continue;
    auto role = role_starting_at(kb, tokens, k, last);
    if (!role) continue;
    const uint32_t end = role->first;
    // A title of a name that follows ("spokesman Dmitry Peskov", "the
    // ambassador, Kazem Jalali") is that name's, not a mention of its own.
    const FoundMention* next = end + 1 < last ? mention_at(end + 1, true) : nullptr;
    // ... also past a short complement: "the ambassador to Moscow, Kazem Jalali".
    for (uint32_t comma = end + 1; !next && comma + 1 < last && comma <= end + 5; ++comma) {
      if (tokens[comma].text == ".") break;
      if (tokens[comma].text == ",") {
        next = mention_at(comma + 1, true);
        break;
      }
    }
    if (next && next->type == EntityType::kPerson) {
      k = end;
      continue;
    }
    // What the title hangs on: "the" or a country, nationality or body
    // before it ("the Kremlin spokesman", "Iran's ambassador").
    uint32_t start = k;
    const FoundMention* holder = mention_at(k - 1, false);
    if (holder && holder->type != EntityType::kPerson && (holder->kb || !holder->country.empty())) {
      start = holder->first_token;
      if (start > first && is_determiner(tokens[start - 1].text)) --start;
    } else if (tokens[k - 1].text == "the" || tokens[k - 1].text == "The") {  // not "a president": anyone
      start = k - 1;
      holder = nullptr;
    } else {
      k = end;
      continue;
    }
    // An apposition after a name ("Kazem Jalali, Iran's ambassador") belongs
    // to that name.
    if (start > first + 1 && tokens[start - 1].text == ",") {
      const FoundMention* before = mention_at(start - 2, false);
      if (before && before->type == EntityType::kPerson) {
        k = end;
        continue;
      }
    }
    FoundMention mention;
    mention.first_token = start;
    mention.last_token = end;
    mention.span = {tokens[start].span.begin, tokens[end].span.end};
    mention.type = EntityType::kPerson;
    mention.role_only = true;
    mention.role = role->second->role;
    mention.sector = role->second->sector;
    if (holder) {
      mention.country = holder->country;
      if (holder->kb && holder->type == EntityType::kOrganization) mention.affiliation_code = holder->kb->actor_code;
    }
    const char* begin_text = tokens[start].text.data();
    mention.name.assign(begin_text, tokens[end].span.end - tokens[start].span.begin);
    mentions.push_back(std::move(mention));
    k = end;
  }
}

}  // namespace storyline::entities
