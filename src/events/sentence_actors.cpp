#include "events/sentence_actors.h"

#include <algorithm>
#include <cctype>

#include "core/text_util.h"

namespace storyline::events {

namespace {
constexpr uint32_t kSubjectWindow = 20;  // tokens between a verb and its subject
constexpr uint32_t kObjectWindow = 10;

bool is_clause_barrier(std::string_view w) {
  return w == ";" || w == ":" || w == "\"" || w == "\xE2\x80\x9C" || w == "\xE2\x80\x9D" || w == "(" || w == ")";
}

// Words after which the object of a verb can no longer come: the clause or
// the phrase has moved on.
bool ends_object_search(std::string_view w) {
  return is_clause_barrier(w) || w == "," || w == "that" || w == "who" || w == "which" || w == "while" ||
         w == "after" || w == "before" || w == "during" || w == "because" || w == "when" || w == "but" ||
         w == "as" || w == "said" || w == "says";
}

bool is_locative(std::string_view p) {
  return p == "in" || p == "at" || p == "near" || p == "outside" || p == "inside" || p == "across" ||
         p == "throughout" || p == "around";
}

bool is_preposition(std::string_view p) {
  static const std::string_view kPrepositions[] = {"in",  "at",   "near",    "on",     "of",   "from",   "to",
                                                   "with", "by",  "for",     "against", "about", "into",  "over",
                                                   "under", "between", "among", "toward", "towards", "upon",
                                                   "during", "after", "before", "outside", "inside", "across",
                                                   "throughout", "around", "without", "like", "than"};
  for (std::string_view q : kPrepositions)
    if (p == q) return true;
  return false;
}

bool is_determiner(std::string_view w) {
  return w == "the" || w == "a" || w == "an" || w == "its" || w == "their" || w == "his" || w == "her" ||
         w == "two" || w == "three" || w == "several" || w == "some" || w == "other";
}

bool is_possessive(std::string_view token) {
  return token.ends_with("'s") || token.ends_with("\xE2\x80\x99s") || token.ends_with("s'");
}

// The preposition governing the phrase that starts at token `first`, empty
// when none.
std::string_view preposition_before(const SentenceActors& s, uint32_t first) {
  uint32_t t = first;
  // Skip determiners and up to two modifiers: "in south Ithilen", "to
  // the affected villages".
  int modifiers = 0;
  while (t > 0 && (is_determiner(s.words[t - 1]) ||
                   (modifiers < 2 && !s.capitalized[t - 1] && !is_preposition(s.words[t - 1]) &&
                    !ends_object_search(s.words[t - 1]) && s.words[t - 1] != "and" && s.words[t - 1] != "or" &&
                    s.words[t - 1].size() > 2 && !s.words[t - 1].ends_with("ed") &&
                    // a plural noun ends the phrase: "to agreements Russia has signed"
                    !s.words[t - 1].ends_with("s") && ++modifiers)))
    --t;
  if (t > 0 && is_preposition(s.words[t - 1])) return s.words[t - 1];
  return {};
}

// A party "the two leaders" may refer back to: a named actor of a known
// country, not a mere place, a generic noun, or a nationality used as an
// adjective ("his Russian counterpart Vladimir Putin": Putin is the party).
bool can_be_party(const SentenceActors& s, const SentenceActor& actor) {
  if (actor.agent || actor.place_only || actor.actor.country.empty()) return false;
  return !(actor.type == EntityType::kNorp && actor.last + 1 < s.words.size() && !s.capitalized[actor.last + 1] &&
           std::isalpha(static_cast<unsigned char>(s.words[actor.last + 1][0])));
}

constexpr uint32_t kPairLookback = 4;  // sentences back that "the two leaders" may refer to
}  // namespace

int SentenceActors::subject_before(uint32_t pos) const {
  for (int a = static_cast<int>(actors.size()) - 1; a >= 0; --a) {
    const SentenceActor& actor = actors[a];
    if (actor.last >= pos) continue;
    if (pos - actor.last > kSubjectWindow) return -1;
    bool blocked = false;
    for (uint32_t t = actor.last + 1; t < pos; ++t) blocked |= is_clause_barrier(words[t]);
    if (blocked) return -1;
    if (!actor.prep.empty() || actor.place_only) continue;
    // A nationality used as an adjective ("the first Chilean head of state",
    // "Iranian drones") modifies a noun; it is not the subject.
    if (actor.type == EntityType::kNorp && actor.last + 1 < words.size() && !capitalized[actor.last + 1] &&
        std::isalpha(static_cast<unsigned char>(words[actor.last + 1][0])))
      continue;
    // "Chile's president": the possessor qualifies the next actor.
    if (is_possessive(words[actor.last]) && a + 1 < static_cast<int>(actors.size())) continue;
    return a;
  }
  return -1;
}

int SentenceActors::object_after(uint32_t pos, bool allow_by) const {
  for (size_t a = 0; a < actors.size(); ++a) {
    const SentenceActor& actor = actors[a];
    if (actor.first <= pos) continue;
    if (actor.first - pos > kObjectWindow) return -1;
    bool blocked = false;
    for (uint32_t t = pos + 1; t < actor.first; ++t) blocked |= ends_object_search(words[t]);
    if (blocked) return -1;
    if (is_locative(actor.prep) || actor.prep == "during" || actor.prep == "of" || actor.prep == "about") continue;
    if (actor.prep == "by" && !allow_by) continue;
    if (actor.place_only && actor.prep.empty() && actor.type == EntityType::kPlace) {
      // A bare place as object ("visited Oslo") is a target through its country.
      return static_cast<int>(a);
    }
    if (actor.place_only) continue;
    return static_cast<int>(a);
  }
  return -1;
}

int SentenceActors::actor_after_word(uint32_t pos, std::string_view word, uint32_t window) const {
  for (uint32_t t = pos + 1; t < words.size() && t <= pos + window; ++t) {
    if (words[t] != word) {
      if (ends_object_search(words[t])) return -1;
      continue;
    }
    for (size_t a = 0; a < actors.size(); ++a) {
      uint32_t first = actors[a].first;
      if (first <= t) continue;
      bool only_modifiers = true;
      for (uint32_t u = t + 1; u < first; ++u) only_modifiers &= is_determiner(words[u]) || !is_preposition(words[u]);
      if (first - t <= 4 && only_modifiers) return static_cast<int>(a);
      break;
    }
    return -1;
  }
  return -1;
}

int SentenceActors::actor_just_before(uint32_t pos, uint32_t window) const {
  for (int a = static_cast<int>(actors.size()) - 1; a >= 0; --a) {
    if (actors[a].last >= pos) continue;
    if (pos - actors[a].last > window) return -1;
    // Only a possessive or a modifier of the noun: "Chile's visit", "the
    // Oslo visit", "Iran's planned visit"; not "Peskov described the signing".
    const bool possessive = is_possessive(words[actors[a].last]);
    for (uint32_t t = actors[a].last + 1; t < pos; ++t) {
      if (is_preposition(words[t]) || ends_object_search(words[t])) return -1;
      if (!possessive && !is_determiner(words[t]) && !capitalized[t]) return -1;
    }
    return a;
  }
  return -1;
}

// Whether the tokens [first, last) join two actors of one list: "and" or a
// comma, with at most a few modifiers ("Arnor, and the evil Gondor").
bool SentenceActors::joins(uint32_t first, uint32_t last) const {
  if (last <= first || last - first > 5) return false;
  bool conjunction = false;
  for (uint32_t t = first; t < last; ++t) {
    if (words[t] == "and" || words[t] == ",") conjunction = true;
    else if (capitalized[t] || is_preposition(words[t]) || ends_object_search(words[t]) || words[t] == "or") return false;
  }
  return conjunction;
}

bool SentenceActors::compound(size_t a) const {
  if (a + 1 >= actors.size()) return false;
  const SentenceActor& x = actors[a];
  const SentenceActor& y = actors[a + 1];
  if (x.first == y.first && x.last == y.last) return true;
  // "Iran-Russia": two names joined by a hyphen with no space around it.
  return y.first == x.last + 2 && words[x.last + 1] == "-" && tokens[x.last].end == tokens[x.last + 1].begin &&
         tokens[x.last + 1].end == tokens[y.first].begin;
}

std::vector<int> SentenceActors::group_backward(int index) const {
  std::vector<int> group{index};
  int a = index;
  while (a > 0) {
    const SentenceActor& prev = actors[a - 1];
    if (!compound(a - 1) && (!joins(prev.last + 1, actors[a].first) || prev.place_only || !prev.prep.empty())) break;
    group.insert(group.begin(), a - 1);
    --a;
  }
  return group;
}

std::vector<int> SentenceActors::group_forward(int index) const {
  std::vector<int> group{index};
  size_t a = static_cast<size_t>(index);
  while (a + 1 < actors.size()) {
    if (compound(a)) {
      group.push_back(static_cast<int>(++a));
      continue;
    }
    const SentenceActor& next = actors[a + 1];
    uint32_t gap_first = actors[a].last + 1, gap_last = next.first;
    bool joined = joins(gap_first, gap_last) && (words[gap_last - 1] == "and" || words[gap_last - 1] == "," ||
                                                   is_determiner(words[gap_last - 1]) || gap_last - gap_first > 1);
    bool has_and = false;
    for (uint32_t t = gap_first; joined && t < gap_last; ++t) has_and |= words[t] == "and";
    // "with Chile, Norway's partner" is an apposition, not a list: a list
    // ends with "and".
    if (!joined || next.place_only || (!has_and && a + 2 >= actors.size())) break;
    group.push_back(static_cast<int>(++a));
  }
  return group;
}

int SentenceActors::location_near(uint32_t pos) const {
  if (!locations_ready) {
    locations.clear();
    for (size_t a = 0; a < actors.size(); ++a)
      if (actors[a].type == EntityType::kPlace && is_locative(actors[a].prep)) locations.push_back(static_cast<int>(a));
    locations_ready = true;
    // Out of order or overlapping (never seen): every place is a candidate.
    for (size_t k = 1; k < locations.size(); ++k)
      if (actors[locations[k]].first <= actors[locations[k - 1]].last) locations_ordered = false;
  }
  // Actors are in text order and do not overlap: the nearest place is the
  // first one after `pos` or one of the few just before it (the one that
  // holds `pos`, if any, and the one before that). The window is scanned in
  // text order, so ties go to the earlier place as before.
  size_t after = static_cast<size_t>(
      std::upper_bound(locations.begin(), locations.end(), pos,
                       [this](uint32_t p, int a) { return p < actors[a].first; }) -
      locations.begin());
  size_t from = after >= 3 ? after - 3 : 0, to = std::min(locations.size(), after + 1);
  if (!locations_ordered) from = 0, to = locations.size();
  int best = -1;
  uint32_t best_distance = UINT32_MAX;
  for (size_t k = from; k < to; ++k) {
    const SentenceActor& actor = actors[locations[k]];
    uint32_t distance = actor.first > pos ? actor.first - pos : pos - actor.last;
    if (distance < best_distance) best = locations[k], best_distance = distance;
  }
  return best;
}

bool SentenceActors::same_actor(int a, int b) const {
  if (a < 0 || b < 0) return false;
  if (a == b) return true;
  const EventActor& x = actors[a].actor;
  const EventActor& y = actors[b].actor;
  if (x.local_entity >= 0 && x.local_entity == y.local_entity) return true;
  if (x.entity_id != 0 && x.entity_id == y.entity_id) return true;
  return false;
}

SentenceActorBuilder::SentenceActorBuilder(const Article& article, const AgentNouns* agents, const VerbLexicon* lexicon)
    : article_(article), agents_(agents), lexicon_(lexicon) {
  // One entry per person with a role, so that resolving a role phrase costs
  // the number of such people, not of mentions.
  std::vector<int32_t> seen;
  for (const EntityMention& m : article.mentions) {
    if (m.type != EntityType::kPerson || m.role.empty() || m.country.empty()) continue;
    if (m.local_entity >= 0 && std::find(seen.begin(), seen.end(), m.local_entity) != seen.end()) continue;
    seen.push_back(m.local_entity);
    role_holders_.push_back({core::ascii_lower(m.role), &m});
  }
}

const SentenceActors& SentenceActorBuilder::build(uint32_t sentence_index) {
  SentenceActors& s = current_;
  const Span sentence = article_.sentences[sentence_index];
  s.sentence = sentence;
  s.tokens.clear();
  s.words.clear();
  s.capitalized.clear();
  s.in_mention.clear();
  s.actors.clear();
  s.locations.clear();
  s.locations_ready = false;
  s.locations_ordered = true;
  const std::string_view text = article_.text;
  while (next_token_ < article_.tokens.size() && article_.tokens[next_token_].begin < sentence.begin) ++next_token_;
  size_t bytes = 0;
  for (size_t t = next_token_; t < article_.tokens.size() && article_.tokens[t].end <= sentence.end; ++t) {
    s.tokens.push_back(article_.tokens[t]);
    bytes += article_.tokens[t].size() + 1;
  }
  lowered_.clear();
  lowered_.reserve(bytes);
  for (const Span& token : s.tokens) {
    std::string_view raw = slice(text, token);
    size_t start = lowered_.size();
    for (size_t i = 0; i < raw.size(); ++i) {
      if (raw.compare(i, 3, "\xE2\x80\x99") == 0) {  // typographic apostrophe
        lowered_.push_back('\'');
        i += 2;
        continue;
      }
      char c = raw[i];
      lowered_.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c);
    }
    std::string_view word(lowered_.data() + start, lowered_.size() - start);
    if (word.size() > 3 && word.ends_with("n't")) word = "not";
    s.words.push_back(word);
    s.capitalized.push_back(!raw.empty() && raw[0] >= 'A' && raw[0] <= 'Z');
    s.in_mention.push_back(false);
  }
  next_token_ += s.tokens.size();
  const uint32_t n = static_cast<uint32_t>(s.tokens.size());
  auto token_at = [&](uint32_t byte, bool end) -> int {
    // The token containing the byte (binary search on begins).
    auto it = std::upper_bound(s.tokens.begin(), s.tokens.end(), byte,
                               [](uint32_t b, const Span& t) { return b < t.begin; });
    if (it == s.tokens.begin()) return end ? -1 : 0;
    int index = static_cast<int>(it - s.tokens.begin()) - 1;
    if (!end && s.tokens[index].end <= byte) ++index;
    return index;
  };
  // Mentions of this sentence.
  while (next_mention_ < article_.mentions.size() && article_.mentions[next_mention_].span.begin < sentence.begin)
    ++next_mention_;
  std::vector<SentenceActor> found;
  for (size_t m = next_mention_; m < article_.mentions.size(); ++m) {
    const EntityMention& mention = article_.mentions[m];
    if (mention.span.begin >= sentence.end) break;
    if (mention.span.end > sentence.end || n == 0) continue;
    int first = token_at(mention.span.begin, false), last = token_at(mention.span.end - 1, true);
    if (first < 0 || last < first || last >= static_cast<int>(n)) continue;
    SentenceActor actor;
    actor.first = first, actor.last = last;
    actor.type = mention.type;
    actor.actor = {mention.name.empty() ? std::string(slice(text, mention.span)) : mention.name,
                   mention.actor_code, mention.country, mention.entity_id, mention.local_entity, mention.span};
    if (actor.actor.actor_code.empty() && mention.type == EntityType::kNorp) actor.actor.actor_code = mention.country;
    actor.place_only = mention.type == EntityType::kPlace && mention.actor_code.empty();
    for (int t = first; t <= last; ++t) s.in_mention[t] = true;
    found.push_back(std::move(actor));
  }
  // Generic actor nouns where no mention is.
  if (agents_) {
    for (uint32_t t = 0; t < n; ++t) {
      if (s.in_mention[t]) continue;
      uint32_t length = 0;
      std::string_view code = agents_->match(s.words, t, length);
      if (code.empty()) continue;
      bool free = true;
      for (uint32_t u = t; u < t + length; ++u) free &= !s.in_mention[u];
      if (!free) continue;
      SentenceActor actor;
      actor.first = t, actor.last = t + length - 1;
      actor.agent = true;
      actor.type = EntityType::kOrganization;
      Span span{s.tokens[t].begin, s.tokens[t + length - 1].end};
      actor.actor = {std::string(slice(text, span)), std::string(code), "", 0, -1, span};
      found.push_back(std::move(actor));
      t += length - 1;
    }
  }
  std::sort(found.begin(), found.end(), [](const SentenceActor& a, const SentenceActor& b) { return a.first < b.first; });
  // Qualifiers merge into the actor they qualify: "Chilean" + "defence
  // ministry", "Chile's" + "foreign minister" + ", Valentina Errázuriz".
  for (SentenceActor& actor : found) {
    if (!s.actors.empty()) {
      SentenceActor& prev = s.actors.back();
      // An apposition after a name ("Marco Bellandi, the president of the
      // region, asked …") describes it: the role is not another actor.
      if (actor.agent && !prev.agent &&
          (prev.type == EntityType::kPerson || prev.type == EntityType::kOrganization) && actor.first > prev.last + 1 &&
          s.words[prev.last + 1] == ",") {
        bool apposition = true;
        for (uint32_t t = prev.last + 2; t < actor.first; ++t) apposition &= is_determiner(s.words[t]) || s.words[t] == "its";
        if (apposition && actor.first - prev.last <= 4) {
          if (prev.actor.actor_code.empty() && !prev.actor.country.empty())
            prev.actor.actor_code = prev.actor.country + actor.actor.actor_code;
          continue;
        }
      }
      const bool qualifier = prev.type == EntityType::kNorp || prev.type == EntityType::kPlace || prev.agent;
      const bool qualified = actor.agent || actor.type == EntityType::kPerson || actor.type == EntityType::kOrganization;
      const uint32_t gap = actor.first - prev.last - 1;
      const bool adjacent = gap == 0 || (gap == 1 && s.words[prev.last + 1] == "," && prev.agent);
      // "the government of Chile", "lawmakers in Santiago": the agent takes
      // the country.
      const std::string_view link = gap == 1 ? s.words[prev.last + 1] : std::string_view();
      if (prev.agent && !actor.agent && (link == "of" || link == "from" || link == "in") &&
          !actor.actor.country.empty() && (actor.type == EntityType::kPlace || actor.type == EntityType::kNorp)) {
        if (prev.actor.actor_code.size() <= 3 || !prev.actor.actor_code.starts_with(actor.actor.country))
          prev.actor.actor_code = actor.actor.country + prev.actor.actor_code;
        prev.actor.country = actor.actor.country;
        continue;
      }
      if (qualifier && qualified && adjacent && (prev.agent || !prev.actor.country.empty())) {
        std::string country = prev.actor.country.empty() ? actor.actor.country : prev.actor.country;
        if (actor.actor.country.empty()) actor.actor.country = country;
        if (actor.actor.actor_code.empty() && prev.agent && !actor.agent) actor.actor.actor_code = prev.actor.actor_code;
        else if (actor.actor.actor_code.empty() || (actor.agent && !prev.agent)) actor.actor.actor_code = country + actor.actor.actor_code;
        if (actor.agent && !prev.agent) actor.actor.name = std::string(slice(text, {prev.actor.span.begin, actor.actor.span.end}));
        actor.first = prev.first;
        actor.actor.span.begin = std::min(actor.actor.span.begin, prev.actor.span.begin);
        s.actors.back() = std::move(actor);
        continue;
      }
    }
    s.actors.push_back(std::move(actor));
  }
  for (SentenceActor& actor : s.actors) actor.prep = preposition_before(s, actor.first);
  // A bare role ("the government", "the opposition") belongs to the country
  // the sentence was last about: "lawmakers in Santiago accused the
  // government" is Chile's government.
  std::string country;
  for (SentenceActor& actor : s.actors) {
    if (actor.agent && actor.actor.country.empty() && actor.actor.actor_code.size() == 3 && !country.empty()) {
      actor.actor.country = country;
      actor.actor.actor_code = country + actor.actor.actor_code;
    }
    if (!actor.actor.country.empty()) country = actor.actor.country;
  }
  // "a Chilean president" is the article's one Chilean president, when the
  // entities stage found exactly one person holding that role.
  for (SentenceActor& actor : s.actors) {
    if (!actor.agent || actor.actor.country.empty()) continue;
    const std::string phrase = core::ascii_lower(actor.actor.name);
    const size_t space = phrase.rfind(' ');
    const std::string head = space == std::string::npos ? phrase : phrase.substr(space + 1);
    const EntityMention* holder = nullptr;
    bool unique = true;
    for (const auto& [role, m] : role_holders_) {
      if (m->country != actor.actor.country || role.find(head) == std::string::npos) continue;
      if (holder && holder->local_entity != m->local_entity) unique = false;
      holder = m;
    }
    if (!holder || !unique) continue;
    Span span = actor.actor.span;
    actor.actor = {holder->name, holder->actor_code.empty() ? actor.actor.actor_code : holder->actor_code,
                   holder->country, holder->entity_id, holder->local_entity, span};
    actor.agent = false;
    actor.type = EntityType::kPerson;
  }
  if (lexicon_) resolve_pair_phrases(sentence_index);
  remember_parties(sentence_index);
  return s;
}

// "the two leaders", "both countries": the two parties named together last
// (in this sentence before the phrase, else in one of the few sentences
// before), never an actor called "leaders". Unresolved, the phrase is no
// actor at all: a bare "leaders" with the sentence's country would give the
// act to one side only.
void SentenceActorBuilder::resolve_pair_phrases(uint32_t sentence_index) {
  SentenceActors& s = current_;
  const uint32_t n = static_cast<uint32_t>(s.words.size());
  for (uint32_t t = 0; t + 1 < n; ++t) {
    // "both X", "both the X", "the two X", "these two X", "those two X".
    uint32_t first = t, noun = t + 1;
    if (s.words[t] == "both") {
      if (s.words[noun] == "the" && noun + 1 < n) ++noun;
    } else if (s.words[t] == "two" && t > 0 &&
               (s.words[t - 1] == "the" || s.words[t - 1] == "these" || s.words[t - 1] == "those")) {
      first = t - 1;
    } else {
      continue;
    }
    const PairNoun kind = lexicon_->pair_noun(s.words[noun]);
    if (kind == PairNoun::kNone || s.in_mention[noun]) continue;
    // A named mention inside the phrase wins ("both Chile's leaders" stays).
    bool named = false;
    for (uint32_t u = first; u <= noun; ++u) named |= s.in_mention[u];
    if (named) continue;
    std::erase_if(s.actors, [&](const SentenceActor& a) { return a.first <= noun && a.last >= first; });
    // The first two actors of distinct countries before the phrase in this
    // sentence, else the remembered pair.
    const SentenceActor* x = nullptr;
    const SentenceActor* y = nullptr;
    for (const SentenceActor& a : s.actors) {
      if (a.first >= first) break;
      if (!can_be_party(s, a)) continue;
      if (!x) x = &a;
      else if (a.actor.country != x->actor.country) {
        y = &a;
        break;
      }
    }
    SentenceActor parties[2];
    if (x && y) {
      parties[0] = *x, parties[1] = *y;
    } else if (last_pair_.found && last_pair_.sentence + kPairLookback >= sentence_index) {
      parties[0].actor = last_pair_.first, parties[0].type = last_pair_.first_type;
      parties[1].actor = last_pair_.second, parties[1].type = last_pair_.second_type;
    } else {
      t = noun;
      continue;
    }
    const Span span{s.tokens[first].begin, s.tokens[noun].end};
    for (SentenceActor& party : parties) {
      const bool country_named = party.type == EntityType::kPlace && party.actor.actor_code == party.actor.country;
      party.first = first, party.last = noun;
      party.agent = false, party.place_only = false;
      // Not a location ("in both countries" is no place of the event).
      if (party.type != EntityType::kPerson) party.type = EntityType::kOrganization;
      party.prep = preposition_before(s, first);
      if (kind == PairNoun::kCountries && !country_named) {
        // "the two countries" after "Iranian President X": Iran, as the
        // article named it when it did.
        auto named_country = std::find_if(country_mentions_.begin(), country_mentions_.end(),
                                          [&](const EventActor& c) { return c.country == party.actor.country; });
        if (named_country != country_mentions_.end()) party.actor = *named_country;
        else party.actor = {"", party.actor.country, party.actor.country, 0, -1, span};
      }
    }
    auto at = std::find_if(s.actors.begin(), s.actors.end(), [&](const SentenceActor& a) { return a.first > noun; });
    at = s.actors.insert(at, std::move(parties[1]));
    s.actors.insert(at, std::move(parties[0]));
    t = noun;
  }
}

// The pair "the two leaders" may refer to later, and the countries named
// (the first mention of each, which is how the article names it).
void SentenceActorBuilder::remember_parties(uint32_t sentence_index) {
  const SentenceActors& s = current_;
  const SentenceActor* x = nullptr;
  for (const SentenceActor& a : s.actors) {
    if (a.type == EntityType::kPlace && !a.actor.country.empty() && a.actor.actor_code == a.actor.country) {
      auto known = std::find_if(country_mentions_.begin(), country_mentions_.end(),
                                [&](const EventActor& c) { return c.country == a.actor.country; });
      if (known == country_mentions_.end() && country_mentions_.size() < 64) country_mentions_.push_back(a.actor);
    }
  }
  for (const SentenceActor& a : s.actors) {
    if (!can_be_party(s, a)) continue;
    if (!x) {
      x = &a;
    } else if (a.actor.country != x->actor.country) {
      // The same two parties again (the usual case in a story about them)
      // only move the pair forward, without copying names.
      const bool same = last_pair_.found && last_pair_.first.span == x->actor.span && last_pair_.second.span == a.actor.span;
      if (same || (last_pair_.found && last_pair_.first.name == x->actor.name && last_pair_.second.name == a.actor.name &&
                   last_pair_.first.local_entity == x->actor.local_entity)) {
        last_pair_.sentence = sentence_index;
        return;
      }
      last_pair_ = {sentence_index, x->actor, a.actor, x->type, a.type, true};
      return;
    }
  }
}

void link_denials(const Article& article, std::vector<CodedEvent>& events) {
  static const std::string_view kClaims[] = {"claim", "claims", "allegation", "allegations", "accusation",
                                             "accusations", "report", "reports", "charge", "charges", "it",
                                             "this", "suggestion", "suggestions"};
  for (size_t e = 0; e < events.size(); ++e) {
    CodedEvent& denial = events[e];
    if (denial.code != "016" || denial.modality != Modality::kAsserted) continue;
    // The words right after the verb: "denied the claim", "denied it".
    std::string after = core::ascii_lower(
        std::string_view(article.text).substr(denial.trigger.end, std::min<size_t>(40, article.text.size() - denial.trigger.end)));
    bool refers_back = false;
    for (std::string_view word : core::split(after, ' ')) {
      if (word.empty() || word == "the" || word == "that" || word == "these" || word == "those") continue;
      while (!word.empty() && (word.back() == ',' || word.back() == '.')) word.remove_suffix(1);
      for (std::string_view claim : kClaims) refers_back |= word == claim;
      break;
    }
    if (!refers_back) continue;
    for (size_t p = e; p-- > 0;) {
      CodedEvent& alleged = events[p];
      if (alleged.sentence_index + 3 < denial.sentence_index) break;
      if (alleged.modality != Modality::kAlleged) continue;
      alleged.denied_by = denial.source.name;
      if (denial.target.empty()) denial.target = alleged.attributor;
      break;
    }
  }
}

}  // namespace storyline::events
