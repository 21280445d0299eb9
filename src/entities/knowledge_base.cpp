#include "entities/knowledge_base.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <fstream>

#include "core/data_files.h"
#include "core/text_util.h"
#include "entities/name_folding.h"

namespace storyline::entities {
namespace {

std::vector<std::string> split_aliases(std::string_view field) {
  std::vector<std::string> aliases;
  for (auto part : core::split(field, '|')) {
    auto trimmed = core::trim(part);
    if (!trimmed.empty()) aliases.emplace_back(trimmed);
  }
  return aliases;
}

double parse_coordinate(const std::string& field) {
  if (field.empty()) return NAN;
  char* end = nullptr;
  double value = std::strtod(field.c_str(), &end);
  return end == field.c_str() ? NAN : value;
}

size_t word_count(std::string_view phrase) {
  size_t words = 1;
  for (char c : phrase) words += (c == ' ' || c == '-');
  return words;
}

// Short aliases written in capitals are acronyms: "US", "UN", "WHO", "AP".
bool is_acronym(std::string_view alias) {
  return alias.size() <= 5 && all_upper(alias);
}

}  // namespace

Result<std::shared_ptr<KnowledgeBase>> KnowledgeBase::load(const std::string& data_dir) {
  auto kb = std::make_shared<KnowledgeBase>();
  if (auto status = kb->load_word_lists(data_dir); !status.is_ok()) return status;
  if (auto status = kb->load_roles(data_dir + "/kb/roles.tsv"); !status.is_ok()) return status;
  if (auto status = kb->load_countries(data_dir + "/kb/countries.tsv"); !status.is_ok()) return status;
  if (auto status = kb->load_organizations(data_dir + "/kb/organizations.tsv"); !status.is_ok()) return status;
  if (auto status = kb->load_places(data_dir + "/kb/places.tsv"); !status.is_ok()) return status;
  kb->load_iso_subdivisions();
  return kb;
}

void KnowledgeBase::add_alias(std::string_view alias, uint32_t index, bool overwrite) {
  std::string key = fold_name(alias);
  if (key.empty()) return;
  // A key is matched only in capitals when every alias behind it is an
  // acronym ("US"); "TASS" also written "Tass" matches either way.
  auto [it, inserted] = by_name_.emplace(key, index);
  if (inserted && is_acronym(alias)) case_sensitive_.insert(key);
  if (!is_acronym(alias) && (inserted || it->second == index)) case_sensitive_.erase(key);
  if (!inserted && overwrite) it->second = index;
  max_phrase_words_ = std::max(max_phrase_words_, word_count(alias));
}

void KnowledgeBase::add_entry(KbEntry entry, const std::vector<std::string>& aliases) {
  uint32_t index = static_cast<uint32_t>(entries_.size());
  // The project's own tables are loaded first and win over later sources;
  // within them a country's name wins over a place that shares it.
  add_alias(entry.name, index, false);
  for (const auto& alias : aliases) add_alias(alias, index, false);
  entries_.push_back(std::move(entry));
}

Status KnowledgeBase::load_word_lists(const std::string& data_dir) {
  auto read_words = [](const std::string& path, auto&& add) -> Status {
    std::string content;
    if (auto status = core::read_file(path, content); !status.is_ok()) return status;
    for (auto line : core::split(content, '\n')) {
      line = core::trim(line);
      if (line.empty() || line[0] == '#') continue;
      size_t start = 0;
      while (start < line.size()) {
        size_t end = line.find(' ', start);
        if (end == std::string_view::npos) end = line.size();
        if (end > start) add(line.substr(start, end - start));
        start = end + 1;
      }
    }
    return Status::ok();
  };
  auto status = read_words(data_dir + "/entities/given_names.txt",
                           [&](std::string_view word) { given_names_.insert(fold_name(word)); });
  if (!status.is_ok()) return status;
  status = read_words(data_dir + "/entities/not_names.txt", [&](std::string_view word) { not_names_.emplace(word); });
  if (!status.is_ok()) return status;
  status = read_words(data_dir + "/entities/speech_verbs.txt",
                      [&](std::string_view word) { speech_verbs_.emplace(word); });
  if (!status.is_ok()) return status;
  auto rows = core::read_table(data_dir + "/entities/org_words.txt");
  if (!rows) return rows.status();
  for (const auto& row : *rows) organization_words_[row[0]] = row.size() > 1 ? row[1] : "";
  return Status::ok();
}

Status KnowledgeBase::load_roles(const std::string& path) {
  auto rows = core::read_table(path);
  if (!rows) return rows.status();
  for (const auto& row : *rows) {
    if (row.size() < 2) return Status::invalid_input(path + ": a role row needs a phrase and a role: " + row[0]);
    roles_[fold_name(row[0])] = RoleEntry{row[1], row.size() > 2 ? row[2] : ""};
    max_role_words_ = std::max(max_role_words_, word_count(row[0]));
  }
  return Status::ok();
}

Status KnowledgeBase::load_countries(const std::string& path) {
  auto rows = core::read_table(path);
  if (!rows) return rows.status();
  for (const auto& row : *rows) {
    if (row.size() < 7) return Status::invalid_input(path + ": a country row needs 7 fields: " + row[0]);
    const std::string& code = row[0];
    KbEntry country = make_entry(EntityType::kPlace, row[1], "country", code, code);
    by_country_code_[code] = static_cast<uint32_t>(entries_.size());
    add_entry(country, split_aliases(row[2]));
    for (const auto& demonym : split_aliases(row[3])) {
      KbEntry norp = make_entry(EntityType::kNorp, split_aliases(row[3]).front(), "nationality", code, code);
      add_entry(norp, {demonym});
    }
    auto capitals = split_aliases(row[4]);
    if (!capitals.empty()) {
      KbEntry capital = make_entry(EntityType::kPlace, capitals.front(), "capital", code, "");
      capital.latitude = parse_coordinate(row[5]);
      capital.longitude = parse_coordinate(row[6]);
      add_entry(capital, capitals);
    }
  }
  return Status::ok();
}

Status KnowledgeBase::load_places(const std::string& path) {
  auto rows = core::read_table(path);
  if (!rows) return rows.status();
  for (const auto& row : *rows) {
    if (row.size() < 6) return Status::invalid_input(path + ": a place row needs 6 fields: " + row[0]);
    KbEntry place = make_entry(row[3] == "nationality" ? EntityType::kNorp : EntityType::kPlace, row[0], row[3], row[2], "");
    place.latitude = parse_coordinate(row[4]);
    place.longitude = parse_coordinate(row[5]);
    add_entry(place, split_aliases(row[1]));
  }
  return Status::ok();
}

Status KnowledgeBase::load_organizations(const std::string& path) {
  auto rows = core::read_table(path);
  if (!rows) return rows.status();
  for (const auto& row : *rows) {
    if (row.size() < 5) return Status::invalid_input(path + ": an organisation row needs 5 fields: " + row[0]);
    KbEntry organization = make_entry(EntityType::kOrganization, row[0], row[4], row[2], row[3]);
    add_entry(organization, split_aliases(row[1]));
  }
  return Status::ok();
}

void KnowledgeBase::load_iso_subdivisions() {
  // Debian's iso-codes lists every country's regions and provinces. Optional:
  // without it, regions missing from data/kb/places.tsv are found by context.
  const std::string folder = "/usr/share/iso-codes/json/";
  std::ifstream countries_file(folder + "iso_3166-1.json"), subdivisions_file(folder + "iso_3166-2.json");
  if (!countries_file || !subdivisions_file) return;
  auto countries = nlohmann::json::parse(countries_file, nullptr, false);
  auto subdivisions = nlohmann::json::parse(subdivisions_file, nullptr, false);
  if (countries.is_discarded() || subdivisions.is_discarded()) return;
  std::unordered_map<std::string, std::string> alpha3_of;
  for (const auto& country : countries.value("3166-1", nlohmann::json::array())) {
    alpha3_of[country.value("alpha_2", "")] = country.value("alpha_3", "");
  }
  for (const auto& subdivision : subdivisions.value("3166-2", nlohmann::json::array())) {
    std::string code = subdivision.value("code", "");
    std::string name = subdivision.value("name", "");
    if (code.size() < 3 || name.size() < 4 || name.find('(') != std::string::npos) continue;
    // A subdivision named like a common word or a given name ("Centre",
    // "Victoria") would turn ordinary words and people into places.
    if (is_not_name(name) || is_given_name(fold_name(name))) continue;
    if (by_name_.count(fold_name(name))) continue;
    std::string country = alpha3_of[code.substr(0, 2)];
    KbEntry region = make_entry(EntityType::kPlace, name, "region", country, "");
    add_entry(region, {});
  }
}

const KbEntry* KnowledgeBase::find(std::string_view folded_phrase, std::string_view exact_text) const {
  auto it = by_name_.find(std::string(folded_phrase));
  if (it == by_name_.end()) return nullptr;
  if (case_sensitive_.count(it->first) && !all_upper(exact_text)) return nullptr;
  return &entries_[it->second];
}

const KbEntry* KnowledgeBase::country(std::string_view alpha3) const {
  auto it = by_country_code_.find(std::string(alpha3));
  return it == by_country_code_.end() ? nullptr : &entries_[it->second];
}

const RoleEntry* KnowledgeBase::find_role(std::string_view folded_phrase) const {
  auto it = roles_.find(std::string(folded_phrase));
  return it == roles_.end() ? nullptr : &it->second;
}

const std::string* KnowledgeBase::organization_word(std::string_view word) const {
  auto it = organization_words_.find(std::string(word));
  return it == organization_words_.end() ? nullptr : &it->second;
}

}  // namespace storyline::entities
