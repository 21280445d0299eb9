#include "entities/role_finder.h"

#include <algorithm>
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
    // The scanner emits mentions left to right; the lookups below search
    // them by position (a sentence can hold thousands: a scan per person
    // would be quadratic). Unsorted, they fall back to scanning.
    sorted_ = std::is_sorted(mentions_.begin() + mention_begin, mentions_.begin() + mention_end,
                             [](const FoundMention& x, const FoundMention& y) { return x.first_token < y.first_token; });
    countries_.clear();
    for (size_t m = mention_begin; m < mention_end; ++m)
      if (mentions_[m].type != EntityType::kPerson && !mentions_[m].country.empty()) countries_.push_back(m);
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
  // The first mention in [begin, end) whose first token is at or after `token`.
  size_t first_at_or_after(uint32_t token, size_t begin, size_t end) const {
    if (!sorted_) return begin;
    return static_cast<size_t>(
        std::lower_bound(mentions_.begin() + begin, mentions_.begin() + end, token,
                         [](const FoundMention& mention, uint32_t t) { return mention.first_token < t; }) -
        mentions_.begin());
  }

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
    for (size_t m = first_at_or_after(from, mention_begin, mention_end); m < mention_end; ++m) {
      const FoundMention& other = mentions_[m];
      if (sorted_ && other.first_token > to) break;
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
    for (size_t m = first_at_or_after(k, mention_begin, mention_end); m < mention_end; ++m) {
      const FoundMention& other = mentions_[m];
      if (sorted_ && other.first_token > k) break;
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
    // The nearest candidates lie right around the person: sorted, the two on
    // each side of its position, in text order (ties go to the earlier).
    size_t from = 0, to = countries_.size();
    if (sorted_) {
      size_t after = static_cast<size_t>(
          std::lower_bound(countries_.begin(), countries_.end(), person.last_token,
                           [this](size_t m, uint32_t t) { return mentions_[m].first_token <= t; }) -
          countries_.begin());
      from = after >= 2 ? after - 2 : 0;
      to = std::min(countries_.size(), after + 2);
    }
    (void)mention_begin, (void)mention_end;
    for (size_t c = from; c < to; ++c) {
      const FoundMention& other = mentions_[countries_[c]];
      uint32_t distance = other.first_token > person.last_token ? other.first_token - person.last_token
                                                                  : person.first_token - other.last_token;
      if (distance < best_distance) best_distance = distance, person.nearby_country = other.country;
    }
  }

  const KnowledgeBase& kb_;
  const std::vector<TokenView>& tokens_;
  std::vector<FoundMention>& mentions_;
  bool sorted_ = false;
  std::vector<size_t> countries_;  // non-person mentions of the sentence with a country, in order
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
  // Which mention starts, ends or covers each token of the sentence, so that
  // every lookup below is O(1) (a sentence may hold thousands of names).
  const uint32_t width = last - first;
  std::vector<int32_t> starting(width, -1), ending(width, -1);
  std::vector<char> covered(width, 0);
  for (size_t m = begin; m < end_of_names; ++m) {
    const FoundMention& mention = mentions[m];
    if (mention.first_token < first || mention.last_token >= last) continue;
    if (starting[mention.first_token - first] < 0) starting[mention.first_token - first] = static_cast<int32_t>(m);
    ending[mention.last_token - first] = static_cast<int32_t>(m);
    for (uint32_t t = mention.first_token; t <= mention.last_token; ++t) covered[t - first] = 1;
  }
  auto mention_at = [&](uint32_t token, bool at_start) -> const FoundMention* {
    if (token < first || token >= last) return nullptr;
    int32_t m = (at_start ? starting : ending)[token - first];
    return m < 0 ? nullptr : &mentions[static_cast<size_t>(m)];
  };
  auto inside_a_name = [&](uint32_t token) { return covered[token - first] != 0; };
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
