// Reads the CountryInfo format (TABARI/PETRARCH): almost-XML blocks, one per
// country, with names written in capitals and underscores ("VLADIMIR_PUTIN_")
// and leaders' terms in brackets ("[20000507 - 20080507]", "[>20120507]").
#include <fstream>

#include "core/text_util.h"
#include "entities/knowledge_base.h"
#include "entities/name_folding.h"

namespace storyline::entities {
namespace {

// "ABBAS_ARAGHCHI_" → "Abbas Araghchi".
std::string readable_name(std::string_view raw) {
  std::string name;
  bool word_start = true;
  for (char c : raw) {
    if (c == '_') {
      if (!name.empty() && name.back() != ' ') name.push_back(' ');
      word_start = true;
      continue;
    }
    if (c >= 'A' && c <= 'Z' && !word_start) c = static_cast<char>(c - 'A' + 'a');
    name.push_back(c);
    word_start = (c == '-' || c == '\'');
  }
  while (!name.empty() && name.back() == ' ') name.pop_back();
  return name;
}

// "Prime ministers" → "prime minister".
std::string role_from_tag(std::string_view tag) {
  std::string role = core::ascii_lower(tag);
  if (role.size() > 1 && role.back() == 's') role.pop_back();
  return role;
}

void parse_term(std::string_view line, std::string& from, std::string& to) {
  auto open = line.find('[');
  auto close = line.find(']', open);
  if (open == std::string_view::npos || close == std::string_view::npos) return;
  auto term = line.substr(open + 1, close - open - 1);
  if (!term.empty() && (term[0] == '>' || term[0] == '<')) {
    if (term[0] == '>') from = std::string(core::trim(term.substr(1)));
    return;
  }
  auto dash = term.find(" - ");
  if (dash == std::string_view::npos) return;
  from = std::string(core::trim(term.substr(0, dash)));
  to = std::string(core::trim(term.substr(dash + 3)));
}

}  // namespace

Status KnowledgeBase::add_country_info(const std::string& path) {
  std::ifstream file(path);
  if (!file) return Status::not_found(path + ": cannot open the CountryInfo file");
  std::string line, code, section, leader_tag;
  bool in_comment = false, in_leaders = false;
  size_t line_number = 0, countries = 0;
  while (std::getline(file, line)) {
    ++line_number;
    std::string_view text = core::trim(line);
    if (in_comment) {
      in_comment = text.find("-->") == std::string_view::npos;
      continue;
    }
    if (text.substr(0, 4) == "<!--") {
      in_comment = text.find("-->") == std::string_view::npos;
      continue;
    }
    if (auto hash = text.find('#'); hash != std::string_view::npos && text[0] != '<') text = core::trim(text.substr(0, hash));
    if (text.empty()) continue;
    if (text.substr(0, 13) == "<CountryCode>") {
      auto end = text.find("</");
      if (end == std::string_view::npos || end < 13) {
        return Status::invalid_input(path + ":" + std::to_string(line_number) + ": unterminated <CountryCode>");
      }
      code = std::string(text.substr(13, end - 13));
      ++countries;
      continue;
    }
    if (text == "<Leaders>") in_leaders = true;
    if (text == "</Leaders>") in_leaders = false;
    if (text[0] == '<') {
      if (text.size() > 2 && text[1] == '/') {
        if (in_leaders) leader_tag.clear();
        else section.clear();
      } else if (text.back() == '>' && text.find("</") == std::string_view::npos) {
        std::string tag(text.substr(1, text.size() - 2));
        if (in_leaders && tag != "Leaders") leader_tag = tag;
        else section = tag;
      }
      continue;
    }
    if (code.empty()) continue;
    auto name_end = text.find_first_of(" \t[");
    std::string name = readable_name(text.substr(0, name_end));
    if (name.size() < 2) continue;
    if (in_leaders && !leader_tag.empty()) {
      KbEntry leader = make_entry(EntityType::kPerson, name, "leader", code, code + "GOV");
      leader.role = role_from_tag(leader_tag);
      parse_term(text, leader.valid_from, leader.valid_to);
      add_entry(leader, {});
    } else if (section == "Nationality") {
      add_entry(make_entry(EntityType::kNorp, name, "nationality", code, code), {});
    } else if (section == "Capital" || section == "MajorCities") {
      add_entry(make_entry(EntityType::kPlace, name, "city", code, ""), {});
    } else if (section == "Regions" || section == "GeogFeatures") {
      add_entry(make_entry(EntityType::kPlace, name, "region", code, ""), {});
    }
  }
  if (countries == 0) return Status::invalid_input(path + ": no <CountryCode> found: not a CountryInfo file");
  return Status::ok();
}

}  // namespace storyline::entities
