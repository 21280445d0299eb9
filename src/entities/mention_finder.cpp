#include "entities/mention_finder.h"

#include <algorithm>
#include <array>
#include <optional>

#include "entities/coreference.h"
#include "entities/name_folding.h"
#include "entities/role_finder.h"
#include "entities/token_view.h"

namespace storyline::entities {
namespace {

// Lower-case words that may sit inside a name ("Bank of England", "Bashar
// al-Assad", "Ursula von der Leyen", "Baltic & North Sea Review").
constexpr std::array<std::string_view, 18> kConnectors = {
    "of", "de", "da", "del", "della", "di", "van", "von", "der", "den", "bin", "ibn", "al", "el", "la", "le", "du", "&"};
// Honorifics mark a person and are not part of the name.
constexpr std::array<std::string_view, 9> kHonorifics = {"Mr", "Mrs", "Ms", "Dr", "Sir", "Dame", "Prof", "Mr.", "Ms."};
// Prepositions after which an unknown capitalised word is a place.
constexpr std::array<std::string_view, 5> kPlacePrepositions = {"in", "near", "outside", "across", "at"};
// Lower-case head nouns that make "Chilean defence ministry" an organisation.
constexpr std::array<std::string_view, 8> kLowerOrganizationHeads = {
    "ministry", "government", "army", "navy", "embassy", "parliament", "military", "cabinet"};

// Lower-case nouns after an unknown name that make it a news medium.
constexpr std::array<std::string_view, 6> kMediaNouns = {"daily", "newspaper", "weekly", "agency", "broadcaster", "television"};

template <size_t N>
bool contains(const std::array<std::string_view, N>& list, std::string_view word) {
  return std::find(list.begin(), list.end(), word) != list.end();
}

// What a sentence looks like: ordinary prose, a title-case heading ("Focus
// on Trade and Finance") or all capitals. In the last two, capitals carry no
// information, so only the knowledge base and known surnames name things.
// Lower-case text (social media, chat) has no capitals at all: there only
// knowledge-base places and nationalities can be named.
// kKnowledgeBase: an article in a language whose rules storyline does not
// have: only whole knowledge-base names.
enum class SentenceShape { kProse, kHeading, kAllCaps, kLowerCase, kKnowledgeBase };

SentenceShape sentence_shape(const std::vector<TokenView>& tokens, uint32_t first, uint32_t last,
                             const KnowledgeBase& kb, std::string_view text) {
  int words = 0, capitalised = 0, upper = 0;
  for (uint32_t i = first; i < last; ++i) {
    if (!tokens[i].word) continue;
    ++words;
    if (all_upper(tokens[i].text) && tokens[i].text.size() > 1) ++upper;
    if (tokens[i].text.size() >= 4 && !kb.is_not_name(tokens[i].text)) capitalised += tokens[i].capitalised ? 1 : -1;
  }
  if (words >= 3 && upper * 5 >= words * 4) return SentenceShape::kAllCaps;
  bool any_capital = false;
  for (uint32_t i = first; i < last; ++i) any_capital |= tokens[i].capitalised;
  if (words >= 4 && !any_capital) return SentenceShape::kLowerCase;
  char end = text.empty() ? ' ' : text.back();
  bool ends_sentence = end == '.' || end == '!' || end == '?' || end == '"';
  if (words <= 14 && capitalised >= 2 && !ends_sentence) return SentenceShape::kHeading;
  return SentenceShape::kProse;
}

class SentenceScanner {
 public:
  SentenceScanner(const KnowledgeBase& kb, const std::vector<TokenView>& tokens, uint32_t first, uint32_t last,
                  SentenceShape shape, std::vector<FoundMention>& out)
      : kb_(kb), tokens_(tokens), first_(first), last_(last), shape_(shape), out_(out) {}

  void scan() {
    if (shape_ == SentenceShape::kLowerCase) {
      scan_lower_case();
      return;
    }
    if (shape_ == SentenceShape::kKnowledgeBase) {
      scan_knowledge_base();
      return;
    }
    uint32_t i = first_;
    while (i < last_) {
      if (!tokens_[i].capitalised) {
        ++i;
        continue;
      }
      uint32_t end = run_end(i);
      classify_run(i, end);
      i = end + 1;
    }
  }

  // The recogniser's names in this sentence (Article::annotation), after
  // the rules (scan()) have had their turn: where a rule name overlaps a
  // recognised one, the rule name stays (it carries the titles, roles and
  // knowledge-base entry the rules read around it), and a lone word the
  // rules kept only "if someone named in full bears it" is supported by the
  // recogniser when it finds exactly that word. Every other recognised name
  // is added with its span and type; the knowledge base resolves and codes
  // it when it knows the name (and its type, which is curated, wins). A
  // title or honorific the recogniser took into a person's name becomes the
  // role; a recognised name must start with a capital and not be a title
  // alone. Why both: on our hand-labelled news (entities_eval) the rules
  // alone score F1 0.95-0.99 and the recogniser alone 0.79-0.80; on UNER's
  // web text (nlp_eval) the recogniser scores 0.61 against the rules' 0.46.
  void scan_recognized(std::string_view text, const std::vector<const RecognizedName*>& names) {
    const size_t begin = out_.size();
    scan();
    const size_t rules_end = out_.size();
    std::vector<bool> taken(last_ - first_, false);
    for (size_t m = begin; m < rules_end; ++m)
      for (uint32_t k = out_[m].first_token; k <= out_[m].last_token && k < last_; ++k)
        if (k >= first_) taken[k - first_] = true;
    for (const RecognizedName* recognized : names) {
      uint32_t a = first_;
      while (a < last_ && tokens_[a].span.end <= recognized->span.begin) ++a;
      if (a >= last_ || tokens_[a].span.begin >= recognized->span.end) continue;
      uint32_t b = a;
      while (b + 1 < last_ && tokens_[b + 1].span.begin < recognized->span.end) ++b;
      bool free = true;
      for (uint32_t k = a; k <= b; ++k) free &= !taken[k - first_];
      if (!free) {
        for (size_t m = begin; m < rules_end; ++m)
          if (out_[m].span == recognized->span && out_[m].needs_support && out_[m].type == recognized->type)
            out_[m].needs_support = false;
        continue;
      }
      // In news a name starts with a capital (UNER's web text has
      // "florida", news does not), and a title alone is no name.
      if (!tokens_[a].capitalised || kb_.is_not_name(tokens_[a].text)) continue;
      if (a == b && kb_.find_role(fold_name(tokens_[a].name))) continue;
      for (uint32_t k = a; k <= b; ++k) taken[k - first_] = true;
      FoundMention mention;
      mention.span = recognized->span;
      mention.type = recognized->type;
      if (mention.type == EntityType::kPerson) strip_title(a, b, mention);
      if (!tokens_[a].word) continue;  // nothing but a title and its period
      mention.first_token = a;
      mention.last_token = b;
      mention.name = std::string(slice(text, mention.span));
      if (const KbEntry* kb = kb_.find(fold_name(mention.name), mention.name)) {
        mention.kb = kb;
        mention.type = kb->type;
        mention.country = kb->country;
        if (kb->type == EntityType::kPerson && !kb->role.empty() && mention.role.empty()) mention.role = kb->role;
      }
      out_.push_back(std::move(mention));
    }
    std::stable_sort(out_.begin() + static_cast<std::ptrdiff_t>(begin), out_.end(),
                     [](const FoundMention& x, const FoundMention& y) { return x.span.begin < y.span.begin; });
  }

 private:
  // "Mr. Pezeshkian", "President Obama": leading honorifics and titles of a
  // person's tokens a..b are not the name; a title is the person's role.
  void strip_title(uint32_t& a, uint32_t b, FoundMention& mention) const {
    while (a < b) {
      if (contains(kHonorifics, tokens_[a].text)) {
        ++a;
        if (a < b && tokens_[a].text == ".") ++a;
        continue;
      }
      auto role = role_at(a, b - 1);
      if (!role || kb_.is_given_name(fold_name(tokens_[a].name))) break;
      mention.role = role->second->role;
      mention.sector = role->second->sector;
      a = role->first + 1;
    }
    mention.span.begin = std::max(mention.span.begin, tokens_[a].span.begin);
  }

  // Places and nationalities in lower-case text: whole knowledge-base names
  // of four letters or more ("mombasa", "japanese", "south sudan").
  void scan_lower_case() {
    for (uint32_t i = first_; i < last_; ++i) {
      if (!tokens_[i].word) continue;
      for (uint32_t n = std::min<uint32_t>(3, last_ - i); n >= 1; --n) {
        std::string_view phrase = text_of(i, i + n - 1);
        if (phrase.size() < 4) continue;
        const KbEntry* kb = kb_.find(fold_name(phrase), phrase);
        if (!kb || (kb->type != EntityType::kPlace && kb->type != EntityType::kNorp)) continue;
        out_.push_back(make(i, i + n - 1, kb->type, kb));
        i += n - 1;
        break;
      }
    }
  }

  // Knowledge-base names starting with a capital, longest first ("Vereinte
  // Nationen" if the base knows it, "Berlin"): no name shapes, titles or
  // speech verbs, which are English.
  void scan_knowledge_base() {
    for (uint32_t i = first_; i < last_; ++i) {
      if (!tokens_[i].word || !tokens_[i].capitalised) continue;
      for (uint32_t n = std::min<uint32_t>(static_cast<uint32_t>(kb_.max_phrase_words()), last_ - i); n >= 1; --n) {
        const KbEntry* kb = kb_match(i, i + n - 1);
        if (!kb) continue;
        emit_kb(i, i + n - 1, kb);
        i += n - 1;
        break;
      }
    }
  }

  bool adjacent(uint32_t a, uint32_t b) const {
    uint32_t gap = tokens_[b].span.begin - (tokens_[a].span.begin + static_cast<uint32_t>(tokens_[a].text.size()));
    return gap <= 1;
  }
  bool touching(uint32_t a, uint32_t b) const {
    return tokens_[a].span.begin + tokens_[a].text.size() == tokens_[b].span.begin;
  }

  // The last token of the capitalised run starting at `i`.
  uint32_t run_end(uint32_t i) const {
    uint32_t last = i;
    // Whether the run so far holds an organisation head word, checked once
    // per token as the run grows (a rescan at every connector would be
    // quadratic in a long run: "A and B and C and ...").
    uint32_t org_checked = i;
    bool org_seen = false;
    auto run_has_organization = [&] {
      for (; !org_seen && org_checked <= last; ++org_checked)
        org_seen = tokens_[org_checked].capitalised && kb_.organization_word(tokens_[org_checked].name);
      return org_seen;
    };
    while (!tokens_[last].possessive) {
      uint32_t k = last + 1;
      if (k >= last_) break;
      if (tokens_[k].capitalised && adjacent(last, k)) {
        last = k;
        continue;
      }
      // "Dmitry S. Peskov", "Vladimir V. Putin": a middle initial's period.
      if (k + 1 < last_ && tokens_[k].text == "." && tokens_[last].text.size() == 1 && last > i &&
          tokens_[k + 1].capitalised) {
        last = k + 1;
        continue;
      }
      // "Mr. Pezeshkian": the honorific's period does not end the run.
      if (k + 1 < last_ && tokens_[k].text == "." && contains(kHonorifics, tokens_[last].text) &&
          tokens_[k + 1].capitalised) {
        last = k + 1;
        continue;
      }
      // "Solheim-Vik", "Bashar al-Assad", "Bank of England".
      if (k + 1 < last_ && tokens_[k].text == "-" && touching(last, k) && touching(k, k + 1) &&
          tokens_[k + 1].capitalised) {
        last = k + 1;
        continue;
      }
      // "Nairobi Institute for Maritime Studies", "Ministry of Foreign Affairs and Trade".
      const bool organization_connector =
          (tokens_[k].text == "for" || tokens_[k].text == "and" || tokens_[k].text == "on") && run_has_organization();
      if (k + 1 < last_ && (contains(kConnectors, tokens_[k].text) || organization_connector) && adjacent(last, k)) {
        if (tokens_[k + 1].capitalised && adjacent(k, k + 1)) {
          last = k + 1;
          continue;
        }
        if (k + 2 < last_ && tokens_[k + 1].text == "-" && touching(k, k + 1) && tokens_[k + 2].capitalised) {
          last = k + 2;
          continue;
        }
        // Two particles: "von der Leyen", "de la Fuente".
        if (k + 2 < last_ && contains(kConnectors, tokens_[k + 1].text) && tokens_[k + 1].text != "of" &&
            tokens_[k].text != "of" && adjacent(k, k + 1) && tokens_[k + 2].capitalised && adjacent(k + 1, k + 2)) {
          last = k + 2;
          continue;
        }
      }
      break;
    }
    return last;
  }

  std::string_view text_of(uint32_t a, uint32_t b) const {
    // The underlying text from the first token to the last one's name.
    const char* begin = tokens_[a].text.data();
    const char* end = tokens_[b].name.data() + tokens_[b].name.size();
    return std::string_view(begin, static_cast<size_t>(end - begin));
  }

  const KbEntry* kb_match(uint32_t a, uint32_t b) const {
    std::string_view phrase = text_of(a, b);
    if (shape_ == SentenceShape::kAllCaps && phrase.size() <= 3) return nullptr;
    return kb_.find(fold_name(phrase), phrase);
  }

  bool kb_starts_at(uint32_t a, uint32_t b) const {
    for (uint32_t n = 2; n <= kb_.max_phrase_words() && a + n - 1 <= b; ++n) {
      if (kb_match(a, a + n - 1)) return true;
    }
    return false;
  }

  // The longest role phrase starting at `a` and ending by `limit`, as its end.
  std::optional<std::pair<uint32_t, const RoleEntry*>> role_at(uint32_t a, uint32_t limit) const {
    for (uint32_t n = static_cast<uint32_t>(kb_.max_role_words()); n >= 1; --n) {
      uint32_t b = a + n - 1;
      if (b > limit || b >= last_) continue;
      if (const RoleEntry* role = kb_.find_role(fold_name(text_of(a, b)))) return std::make_pair(b, role);
    }
    return std::nullopt;
  }

  // The longest role phrase ending right at `b` (inclusive), as its start.
  std::optional<std::pair<uint32_t, const RoleEntry*>> role_ending_at(uint32_t b) const {
    std::optional<std::pair<uint32_t, const RoleEntry*>> best;
    for (uint32_t n = 1; n <= kb_.max_role_words() && n <= b + 1 - first_; ++n) {
      uint32_t a = b + 1 - n;
      if (!tokens_[a].word) break;
      if (const RoleEntry* role = kb_.find_role(fold_name(text_of(a, b)))) best = std::make_pair(a, role);
    }
    return best;
  }

  FoundMention make(uint32_t a, uint32_t b, EntityType type, const KbEntry* kb) const {
    FoundMention mention;
    mention.first_token = a;
    mention.last_token = b;
    mention.span = {tokens_[a].span.begin, tokens_[b].span.end};
    mention.type = type;
    mention.name = std::string(text_of(a, b));
    mention.kb = kb;
    if (kb) mention.country = kb->country;
    return mention;
  }

  void emit_kb(uint32_t a, uint32_t b, const KbEntry* kb) {
    out_.push_back(make(a, b, kb->type, kb));
    // "U.S.": the abbreviation's last period belongs to the name.
    if (b + 1 < last_ && tokens_[b + 1].text == "." && touching(b, b + 1) &&
        tokens_[b].text.find('.') != std::string_view::npos) {
      out_.back().span.end = tokens_[b + 1].span.end;
      out_.back().name += ".";
    }
    if (kb->type == EntityType::kPerson && !kb->role.empty()) out_.back().role = kb->role;
    emit_acronym_after(b);
  }

  // "Young Journalists Club (YJC)": the acronym in brackets right after an
  // organisation is another mention of it.
  void emit_acronym_after(uint32_t b) {
    if (out_.empty() || out_.back().type != EntityType::kOrganization) return;
    if (b + 3 >= last_ || tokens_[b + 1].text != "(" || tokens_[b + 3].text != ")") return;
    if (!all_upper(tokens_[b + 2].text) || tokens_[b + 2].text.size() < 2) return;
    FoundMention acronym = out_.back();
    acronym.first_token = acronym.last_token = b + 2;
    acronym.span = tokens_[b + 2].span;
    out_.push_back(std::move(acronym));
  }

  // "the Chilean defence ministry": a nationality or country followed by at
  // most two lower-case words and an organisation head noun becomes one
  // organisation of that country.
  bool extend_to_lower_organization(uint32_t b, const KbEntry* kb) {
    if (kb->type != EntityType::kNorp && kb->kind != "country") return false;
    for (uint32_t k = b + 1; k < last_ && k <= b + 3; ++k) {
      if (!tokens_[k].word || tokens_[k].capitalised) return false;
      if (contains(kLowerOrganizationHeads, tokens_[k].name)) {
        FoundMention org = make(out_.back().first_token, k, EntityType::kOrganization, nullptr);
        org.country = kb->country;
        org.sector = tokens_[k].name == "army" || tokens_[k].name == "navy" || tokens_[k].name == "military" ? "MIL"
                     : tokens_[k].name == "parliament"                                                        ? "LEG"
                                                                                                              : "GOV";
        out_.push_back(std::move(org));
        return true;
      }
    }
    return false;
  }

  void classify_run(uint32_t a, uint32_t b) {
    // Leading discourse words and determiners are not names ("Meanwhile Iran").
    // ("North Korea" is a name although "North" alone is not.)
    while (a <= b && kb_.is_not_name(tokens_[a].text) && !contains(kHonorifics, tokens_[a].text) &&
           !kb_starts_at(a, b)) {
      ++a;
    }
    if (a > b) return;
    const bool lone_caps = shape_ != SentenceShape::kProse;

    // "Bashar al-Assad of Syria": a person's name does not run on through
    // "of" into a place.
    if (b > a && kb_.is_given_name(fold_name(tokens_[a].name))) {
      for (uint32_t k = a + 1; k < b; ++k) {
        // A knowledge-base name has at most max_phrase_words words (and
        // their hyphens): a longer rest of the run cannot be one.
        if (tokens_[k].text == "of" && b - k <= 2 * kb_.max_phrase_words() && kb_match(k + 1, b)) {
          classify_run(a, k - 1);
          classify_run(k + 1, b);
          return;
        }
      }
    }
    // Organisation head word at the end: the whole run is one organisation
    // ("Bergen Policy Institute", "Ministry of Defence", "Iranian Embassy").
    const std::string* sector = b > a ? kb_.organization_word(tokens_[b].name) : nullptr;
    // "Peoples' Friendship University of Russia", "Ministry of Defence": a
    // head word followed by "of" also makes the whole run an organisation.
    for (uint32_t k = a + 1; !sector && k + 1 < b; ++k) {
      const std::string_view next = tokens_[k + 1].text;
      if (next == "of" || next == "for" || next == "and" || next == "on") sector = kb_.organization_word(tokens_[k].name);
    }
    if (sector && !lone_caps) {
      if (const KbEntry* kb = kb_match(a, b)) {
        emit_kb(a, b, kb);
        return;
      }
      FoundMention org = make(a, b, EntityType::kOrganization, nullptr);
      org.sector = *sector;
      for (uint32_t k = a; k < b; ++k) {
        if (const KbEntry* place = kb_match(k, k); place && !place->country.empty()) {
          org.country = place->country;
          break;
        }
      }
      out_.push_back(std::move(org));
      emit_acronym_after(b);
      return;
    }

    // Cut the run from the left: knowledge-base names and titles, then the
    // name proper.
    std::string pending_country, pending_code;
    std::optional<RoleEntry> pending_role;
    bool honorific = false;
    uint32_t pos = a;
    while (pos <= b) {
      if (contains(kHonorifics, tokens_[pos].text)) {
        honorific = true;
        ++pos;
        if (pos <= b && tokens_[pos].text == ".") ++pos;
        continue;
      }
      // A given name starts a person's name, even one the KB would read as a place.
      if (pos < b && kb_.is_given_name(fold_name(tokens_[pos].name))) break;
      const KbEntry* kb = nullptr;
      uint32_t kb_end = pos;
      for (uint32_t n = std::min<uint32_t>(static_cast<uint32_t>(kb_.max_phrase_words()), b - pos + 1); n >= 1; --n) {
        if ((kb = kb_match(pos, pos + n - 1))) {
          kb_end = pos + n - 1;
          break;
        }
      }
      if (kb) {
        emit_kb(pos, kb_end, kb);
        if (kb->type != EntityType::kPerson) {
          pending_country = kb->country;
          if (kb->type == EntityType::kOrganization) pending_code = kb->actor_code;
        }
        pos = kb_end + 1;
        continue;
      }
      if (auto role = role_at(pos, b)) {
        pending_role = *role->second;
        pos = role->first + 1;
        continue;
      }
      // "Transport Minister Wanjiru Kamau": one or two words of domain
      // before a title's head word make a title the table need not list.
      bool found_title = false;
      for (uint32_t k = pos + 1; k <= pos + 2 && k < b; ++k) {
        if (!tokens_[k].word) break;
        const RoleEntry* head = kb_.find_role(fold_name(tokens_[k].name));
        if (!head || kb_.is_given_name(fold_name(tokens_[pos].name))) continue;
        std::string role = fold_name(text_of(pos, k));
        pending_role = RoleEntry{role, head->sector};
        pos = k + 1;
        found_title = true;
        break;
      }
      if (found_title) continue;
      break;
    }
    if (pos > b) {
      if (!out_.empty() && out_.back().last_token == b && out_.back().kb && !lone_caps) {
        extend_to_lower_organization(b, out_.back().kb);
      }
      return;
    }
    // "Iran's Foreign Minister Abbas Araghchi": the country is the run before.
    if (pending_role && pending_country.empty() && !out_.empty() && out_.back().kb && a > first_ &&
        out_.back().last_token + 1 == a && tokens_[a - 1].possessive && out_.back().type != EntityType::kPerson) {
      pending_country = out_.back().kb->country;
      if (out_.back().type == EntityType::kOrganization) pending_code = out_.back().kb->actor_code;
    }
    if (pos < a) pos = a;
    // The name proper: tokens pos..b.
    if (lone_caps) {
      FoundMention lone = make(pos, b, EntityType::kPerson, nullptr);
      lone.needs_support = true;
      out_.push_back(std::move(lone));
      return;
    }
    FoundMention mention = make(pos, b, EntityType::kPerson, nullptr);
    const bool titled = pending_role || honorific;
    const bool before_role = role_ending_at(pos == 0 ? 0 : pos - 1).has_value() && pos > first_;
    const bool speaks = b + 1 < last_ && kb_.is_speech_verb(tokens_[b + 1].text);
    const bool given = kb_.is_given_name(fold_name(tokens_[pos].name));
    const bool sentence_initial = pos == first_;
    const bool apposition = has_role_apposition(b) || has_role_before_comma(pos);
    // Two or three capitalised words inside a sentence, none of them a
    // knowledge-base name, a head word or a discourse word, are most often a
    // person's name ("Hiroshi Tanabe").
    const bool name_shaped = !sentence_initial && b > pos && b - pos <= 2 && all_name_words(pos, b);
    if (pending_role) {
      mention.role = pending_role->role;
      mention.sector = pending_role->sector;
    }
    mention.country = pending_country;
    mention.affiliation_code = pending_code;
    // "wrote in Etemad daily", "according to the newspaper La Voz del
    // Norte": a medium.
    const bool medium_after = b + 1 < last_ && contains(kMediaNouns, tokens_[b + 1].text);
    const bool medium_before = pos > first_ && !given && contains(kMediaNouns, tokens_[pos - 1].text);
    if (!titled && (medium_after || medium_before)) {
      FoundMention medium = make(pos, b, EntityType::kOrganization, nullptr);
      medium.sector = "MED";
      out_.push_back(std::move(medium));
      emit_acronym_after(b);
      return;
    }
    if (pos < b) {
      if (titled || before_role || speaks || given || apposition || name_shaped) {
        out_.push_back(std::move(mention));
      } else {
        // An unknown multi-word name with no sign of a person: kept only if
        // its last word is a surname of someone found in full.
        mention.needs_support = true;
        out_.push_back(std::move(mention));
      }
      return;
    }
    // A lone word.
    // "the Senate", "the Government": a lone head word after "the".
    if (const std::string* head = kb_.organization_word(tokens_[pos].name);
        head && pos > first_ && !titled && (tokens_[pos - 1].text == "the")) {
      FoundMention body = make(pos, b, EntityType::kOrganization, nullptr);
      body.sector = *head;
      out_.push_back(std::move(body));
      return;
    }
    if (titled || before_role || speaks || apposition) {
      mention.needs_support = !(titled || before_role || apposition);
      out_.push_back(std::move(mention));
      return;
    }
    if (!sentence_initial && pos > first_ && contains(kPlacePrepositions, tokens_[pos - 1].text)) {
      FoundMention place = make(pos, b, EntityType::kPlace, nullptr);
      out_.push_back(std::move(place));
      return;
    }
    mention.needs_support = true;
    out_.push_back(std::move(mention));
  }

  bool all_name_words(uint32_t a, uint32_t b) const {
    for (uint32_t k = a; k <= b; ++k) {
      if (!tokens_[k].capitalised || tokens_[k].text.size() < 2 || all_upper(tokens_[k].text)) return false;
      if (kb_.is_not_name(tokens_[k].text) || kb_.organization_word(tokens_[k].name)) return false;
      if (kb_match(k, k)) return false;
    }
    return true;
  }

  // "the Iranian ambassador to Moscow, Kazem Jalali": a role within the few
  // words before a comma that precedes the name.
  bool has_role_before_comma(uint32_t pos) const {
    if (pos < first_ + 2 || tokens_[pos - 1].text != ",") return false;
    for (uint32_t k = pos - 2; k + 8 >= pos && k >= first_; --k) {
      if (tokens_[k].text == "," || tokens_[k].text == ".") break;
      if (kb_.find_role(fold_name(tokens_[k].name))) return true;
      if (k == first_) break;
    }
    return false;
  }

  // "…, Iran's ambassador to Moscow" / "…, a government-aligned analyst":
  // a comma, then within a few words a role.
  bool has_role_apposition(uint32_t b) const {
    if (b + 2 >= last_ || tokens_[b + 1].text != ",") return false;
    for (uint32_t k = b + 2; k < last_ && k < b + 10; ++k) {
      if (tokens_[k].text == "," || tokens_[k].text == ".") break;
      if (role_at(k, last_ - 1)) return true;
    }
    return false;
  }

  const KnowledgeBase& kb_;
  const std::vector<TokenView>& tokens_;
  uint32_t first_, last_;
  SentenceShape shape_;
  std::vector<FoundMention>& out_;
};

}  // namespace

std::vector<FoundMention> MentionFinder::find(const Article& article, bool knowledge_base_only) const {
  std::vector<FoundMention> mentions;
  auto tokens = token_views(article);
  // With the linguistic annotation, the recogniser's names are the
  // candidates; without it (other languages, EngineOptions::annotate off),
  // the rules below find them.
  const bool recognized = !knowledge_base_only && !article.annotation.empty();
  const std::vector<RecognizedName>& names = article.annotation.names;
  size_t next_name = 0;
  std::vector<const RecognizedName*> sentence_names;
  uint32_t t = 0;
  for (const Span& sentence : article.sentences) {
    while (t < tokens.size() && tokens[t].span.begin < sentence.begin) ++t;
    uint32_t first = t;
    while (t < tokens.size() && tokens[t].span.end <= sentence.end) ++t;
    uint32_t last = t;
    if (first == last) continue;
    std::string_view sentence_text = slice(article.text, sentence);
    while (!sentence_text.empty() && (sentence_text.back() == ' ' || sentence_text.back() == '\n')) {
      sentence_text.remove_suffix(1);
    }
    size_t before = mentions.size();
    SentenceShape shape = knowledge_base_only ? SentenceShape::kKnowledgeBase
                                              : sentence_shape(tokens, first, last, *kb_, sentence_text);
    SentenceScanner scanner(*kb_, tokens, first, last, shape, mentions);
    if (recognized) {
      while (next_name < names.size() && names[next_name].span.begin < sentence.begin) ++next_name;
      sentence_names.clear();
      for (; next_name < names.size() && names[next_name].span.end <= sentence.end; ++next_name)
        sentence_names.push_back(&names[next_name]);
      scanner.scan_recognized(article.text, sentence_names);
    } else {
      scanner.scan();
    }
    if (knowledge_base_only) continue;
    attach_roles(*kb_, tokens, mentions, first, last, before);
    find_role_only_mentions(*kb_, tokens, mentions, first, last, before);
    std::stable_sort(mentions.begin() + static_cast<std::ptrdiff_t>(before), mentions.end(),
                     [](const FoundMention& x, const FoundMention& y) { return x.span.begin < y.span.begin; });
  }
  return mentions;
}

}  // namespace storyline::entities
