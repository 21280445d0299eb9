// What storyline knows about the world before reading anything: countries
// (ISO codes, names, demonyms, capitals with coordinates), places, regions,
// international and national organisations with CAMEO-style actor codes,
// titles and roles, given names, and capitalised words that are not names.
//
// Sources, all optional except the project's own tables:
//   data/kb/*.tsv, data/entities/*.txt   the project's own (always loaded)
//   /usr/share/iso-codes/json/...        Debian's iso-codes: country names and
//                                        ~5,000 subdivisions (regions, provinces)
//   a CountryInfo file (add_country_info) names, cities and leaders with dates
//
// Every lookup key is a folded name (name_folding.h).
#pragma once

#include <cmath>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "storyline/document.h"
#include "storyline/status.h"

namespace storyline::entities {

struct KbEntry {
  EntityType type = EntityType::kPlace;
  std::string name;        // canonical name
  std::string kind;        // country, city, region, sea, igo, government, leader, ...
  std::string country;     // ISO 3166 alpha-3, empty when none
  std::string actor_code;  // CAMEO-style, empty when none
  std::string role;        // for people from a leaders list
  std::string valid_from;  // YYYYMMDD, empty when open (leaders' terms)
  std::string valid_to;
  double latitude = NAN;
  double longitude = NAN;
};

inline KbEntry make_entry(EntityType type, std::string name, std::string kind, std::string country,
                          std::string actor_code) {
  KbEntry entry;
  entry.type = type;
  entry.name = std::move(name);
  entry.kind = std::move(kind);
  entry.country = std::move(country);
  entry.actor_code = std::move(actor_code);
  return entry;
}

struct RoleEntry {
  std::string role;    // canonical ("foreign minister")
  std::string sector;  // CAMEO sector ("GOV"), empty when none
};

class KnowledgeBase {
 public:
  // Loads the project's tables from `data_dir` and, when present on the
  // machine, Debian's iso-codes subdivisions.
  static Result<std::shared_ptr<KnowledgeBase>> load(const std::string& data_dir);

  // Adds a CountryInfo file (the TABARI/PETRARCH format): synonyms,
  // nationalities, capitals, major cities, regions and leaders with terms.
  Status add_country_info(const std::string& path);

  // The entries named by a folded phrase (several when ambiguous: "Georgia").
  // `exact_text` is the phrase as written: short all-capital aliases ("US",
  // "UN", "WHO") only match when written in capitals, so "us" and "who" do not.
  const KbEntry* find(std::string_view folded_phrase, std::string_view exact_text) const;
  const KbEntry* country(std::string_view alpha3) const;
  const RoleEntry* find_role(std::string_view folded_phrase) const;
  bool is_given_name(std::string_view folded_word) const { return given_names_.count(std::string(folded_word)) > 0; }
  bool is_not_name(std::string_view word) const { return not_names_.count(std::string(word)) > 0; }
  bool is_speech_verb(std::string_view word) const { return speech_verbs_.count(std::string(word)) > 0; }
  // The sector an organisation head word suggests ("Ministry" → GOV), or
  // nullptr when the word does not make an organisation.
  const std::string* organization_word(std::string_view word) const;

  size_t max_phrase_words() const { return max_phrase_words_; }
  size_t max_role_words() const { return max_role_words_; }
  size_t size() const { return entries_.size(); }

 private:
  void add_entry(KbEntry entry, const std::vector<std::string>& aliases);
  void add_alias(std::string_view alias, uint32_t index, bool overwrite);
  Status load_countries(const std::string& path);
  Status load_places(const std::string& path);
  Status load_organizations(const std::string& path);
  Status load_roles(const std::string& path);
  Status load_word_lists(const std::string& data_dir);
  void load_iso_subdivisions();

  std::vector<KbEntry> entries_;
  std::unordered_map<std::string, uint32_t> by_name_;
  std::unordered_set<std::string> case_sensitive_;  // aliases matched only as written
  std::unordered_map<std::string, uint32_t> by_country_code_;
  std::unordered_map<std::string, RoleEntry> roles_;
  std::unordered_set<std::string> given_names_;
  std::unordered_set<std::string> not_names_;
  std::unordered_set<std::string> speech_verbs_;
  std::unordered_map<std::string, std::string> organization_words_;
  size_t max_phrase_words_ = 1;
  size_t max_role_words_ = 1;
};

}  // namespace storyline::entities
