// The PETRARCH actor and agent dictionaries and the tagger that uses them.
#include "events/petrarch_dictionaries.h"

#include <algorithm>
#include <map>

#include "core/data_files.h"
#include "core/text_util.h"
#include "events/petrarch_text.h"

namespace storyline::events {

using namespace petrarch;

Status ActorDictionary::add_file(const std::string& path, std::vector<std::string>* warnings) {
  std::string text;
  if (Status status = core::read_file(path, text); !status.is_ok()) return status;
  LineReader reader(path, std::move(text));
  std::vector<std::string> names;  // the current actor's name and synonyms
  std::vector<DatedCode> codes;
  auto flush = [&] {
    if (!names.empty() && !codes.empty())
      for (const std::string& name : names) {
        auto& entry = actors_[name];
        entry.insert(entry.end(), codes.begin(), codes.end());
        size_t words = 1 + std::count(name.begin(), name.end(), ' ');
        longest_ = std::max(longest_, words);
      }
    names.clear();
    codes.clear();
  };
  auto parse_codes = [&](std::string_view s) -> Status {
    while (true) {
      size_t open = s.find('[');
      if (open == std::string_view::npos) return Status::ok();
      size_t close = s.find(']', open);
      if (close == std::string_view::npos) return reader.error("unclosed '['");
      std::string_view inside = core::trim(s.substr(open + 1, close - open - 1));
      size_t space = inside.find_first_of(" \t");
      DatedCode code;
      code.code = upper(inside.substr(0, space));
      if (code.code.empty()) return reader.error("empty actor code");
      // The date part may hold spaces: "< 950601", "19950601 - 19990815".
      std::string range_text;
      if (space != std::string_view::npos)
        for (char c : inside.substr(space))
          if (c != ' ' && c != '\t') range_text += c;
      if (!range_text.empty()) {
        std::string_view range = range_text;
        if (range[0] == '>' || range[0] == '<') {
          int32_t date = dictionary_date(range.substr(1));
          if (date < 0) return reader.error("bad date '" + std::string(range) + "' (yymmdd or yyyymmdd)");
          (range[0] == '>' ? code.from : code.to) = date;
        } else {
          size_t dash = range.find('-');
          int32_t from = dash == std::string_view::npos ? -1 : dictionary_date(range.substr(0, dash));
          int32_t to = dash == std::string_view::npos ? -1 : dictionary_date(range.substr(dash + 1));
          if (from < 0 || to < 0) return reader.error("bad date range '" + std::string(range) + "' (yymmdd-yymmdd)");
          code.from = from, code.to = to;
        }
      }
      codes.push_back(std::move(code));
      s = s.substr(close + 1);
    }
  };
  bool in_comment = false;
  std::string raw;
  while (reader.next(raw)) {
    std::string_view line = raw;
    if (in_comment) {
      size_t end = line.find("-->");
      if (end == std::string_view::npos) continue;
      line = line.substr(end + 3);
      in_comment = false;
    }
    size_t open_comment = line.find("<!--");
    if (open_comment != std::string_view::npos) {
      size_t end = line.find("-->", open_comment);
      if (end == std::string_view::npos) in_comment = true;
      line = line.substr(0, open_comment);
    }
    std::string stripped = strip_comment(std::string(line));
    std::string_view trimmed = core::trim(stripped);
    if (trimmed.empty()) continue;
    if (trimmed[0] == '[') {  // a code line of the current actor
      if (names.empty()) { Status problem = reader.error("actor code without an actor name"); if (!warnings) return problem; warnings->push_back(problem.message()); continue; }
      if (Status problem = parse_codes(trimmed); !problem.is_ok()) { if (!warnings) return problem; warnings->push_back(problem.message()); continue; }
      continue;
    }
    if (trimmed[0] == '+') {  // a synonym of the current actor
      if (names.empty()) { Status problem = reader.error("synonym without an actor name"); if (!warnings) return problem; warnings->push_back(problem.message()); continue; }
      std::string key = phrase_key(core::trim(trimmed.substr(1, trimmed.find('[') - 1)));
      if (!key.empty()) names.push_back(key);
      if (trimmed.find('[') != std::string_view::npos)
        if (Status problem = parse_codes(trimmed); !problem.is_ok()) { if (!warnings) return problem; warnings->push_back(problem.message()); continue; }
      continue;
    }
    flush();
    size_t bracket = trimmed.find('[');
    std::string key = phrase_key(core::trim(trimmed.substr(0, bracket)));
    if (key.empty()) { Status problem = reader.error("actor line without a name"); if (!warnings) return problem; warnings->push_back(problem.message()); continue; }
    names.push_back(key);
    if (bracket != std::string_view::npos)
      if (Status problem = parse_codes(trimmed.substr(bracket)); !problem.is_ok()) { if (!warnings) return problem; warnings->push_back(problem.message()); continue; }
  }
  flush();
  // The reader stands on the last line: the error names the file and the
  // line where the search for an actor ended.
  if (actors_.empty())
    return reader.error("no actors found up to the end of the file (an actor is a line 'NAME [CODE]', or a name "
                        "followed by '[CODE]' lines)");
  return Status::ok();
}

std::string ActorDictionary::code_of(const std::string& phrase, int32_t date) const {
  auto it = actors_.find(phrase);
  if (it == actors_.end()) return "";
  // A dated code valid on the date wins over an undated one.
  std::string undated;
  for (const DatedCode& code : it->second) {
    bool open = code.from == 0 && code.to == 99999999;
    if (open && undated.empty()) undated = code.code;
    if (!open && date >= code.from && date <= code.to) return code.code;
  }
  return undated.empty() ? it->second.front().code : undated;
}

Status AgentDictionary::add_file(const std::string& path, std::vector<std::string>* warnings) {
  std::string text;
  if (Status status = core::read_file(path, text); !status.is_ok()) return status;
  LineReader reader(path, std::move(text));
  std::map<std::string, std::vector<std::string>> macros;  // "!PERSON!" → words
  std::string raw;
  bool in_comment = false;
  while (reader.next(raw)) {
    std::string_view line = raw;
    if (in_comment || line.find("<!--") != std::string_view::npos) {
      in_comment = line.find("-->") == std::string_view::npos;
      continue;
    }
    std::string stripped = strip_comment(raw);
    std::string_view trimmed = core::trim(stripped);
    if (trimmed.empty()) continue;
    if (trimmed[0] == '!' && trimmed.find('=') != std::string_view::npos) {
      size_t eq = trimmed.find('=');
      std::string name(core::trim(trimmed.substr(0, eq)));
      for (std::string_view word : core::split(trimmed.substr(eq + 1), ','))
        if (!core::trim(word).empty()) macros[name].push_back(upper(core::trim(word)));
      continue;
    }
    size_t open = trimmed.find('['), close = trimmed.find(']');
    if (open == std::string_view::npos || close == std::string_view::npos || close < open)
      { Status problem = reader.error("agent line without [~CODE]"); if (!warnings) return problem; warnings->push_back(problem.message()); continue; }
    std::string code(core::trim(trimmed.substr(open + 1, close - open - 1)));
    code.erase(std::remove(code.begin(), code.end(), '~'), code.end());
    if (code.empty()) { Status problem = reader.error("empty agent code"); if (!warnings) return problem; warnings->push_back(problem.message()); continue; }
    std::string_view head = trimmed.substr(0, open);
    std::vector<std::string> names;
    size_t brace = head.find('{');
    std::string name(core::trim(head.substr(0, brace)));
    names.push_back(name);
    if (brace != std::string_view::npos) {
      size_t end = head.find('}', brace);
      if (end == std::string_view::npos) { Status problem = reader.error("unclosed '{'"); if (!warnings) return problem; warnings->push_back(problem.message()); continue; }
      for (std::string_view plural : core::split(head.substr(brace + 1, end - brace - 1), ' '))
        if (!plural.empty()) names.push_back(std::string(plural));
    } else if (!name.empty() && name.back() != '_' && name.find('!') == std::string::npos) {
      names.push_back(name + "S");  // regular plural
    }
    // Macros: "CONGRESS!PERSON!" → CONGRESS MAN, CONGRESS MEN, ...
    std::vector<std::string> expanded;
    for (const std::string& n : names) {
      size_t a = n.find('!'), b = a == std::string::npos ? a : n.find('!', a + 1);
      if (b == std::string::npos) {
        expanded.push_back(n);
        continue;
      }
      auto it = macros.find(n.substr(a, b - a + 1));
      if (it == macros.end()) { Status problem = reader.error("unknown macro " + n.substr(a, b - a + 1)); if (!warnings) return problem; warnings->push_back(problem.message()); continue; }
      for (const std::string& word : it->second) expanded.push_back(n.substr(0, a) + "_" + word + "_" + n.substr(b + 1));
    }
    for (const std::string& n : expanded) {
      std::string key = phrase_key(n);
      if (key.empty()) continue;
      agents_[key] = code;
      longest_ = std::max(longest_, static_cast<size_t>(1 + std::count(key.begin(), key.end(), ' ')));
    }
  }
  if (agents_.empty()) return Status::invalid_input(path + ": no agents found");
  return Status::ok();
}

std::string AgentDictionary::code_of(const std::string& phrase) const {
  auto it = agents_.find(phrase);
  return it == agents_.end() ? "" : it->second;
}

std::vector<EntityMention> tag_dictionary_actors(const Article& article, const ActorDictionary& actors,
                                                 const AgentDictionary& agents, int32_t date) {
  std::vector<EntityMention> mentions;
  const auto& tokens = article.tokens;
  std::vector<std::string> words;
  words.reserve(tokens.size());
  for (const Span& t : tokens) {
    std::string w = upper(slice(article.text, t));
    if (w.ends_with("'S")) w.resize(w.size() - 2);
    words.push_back(std::move(w));
  }
  const size_t longest = std::max(actors.longest(), agents.longest());
  bool last_was_agent = false;
  for (size_t i = 0; i < words.size();) {
    std::string key, actor_code, agent_code;
    size_t actor_len = 0, agent_len = 0;
    for (size_t k = 0; k < longest && i + k < words.size(); ++k) {
      if (k) key += ' ';
      key += words[i + k];
      if (std::string c = actors.code_of(key, date); !c.empty()) actor_code = c, actor_len = k + 1;
      if (std::string c = agents.code_of(key); !c.empty()) agent_code = c, agent_len = k + 1;
    }
    if (actor_len == 0 && agent_len == 0) {
      ++i;
      continue;
    }
    const bool is_actor = actor_len >= agent_len;
    const size_t len = is_actor ? actor_len : agent_len;
    EntityMention m;
    m.type = EntityType::kOrganization;
    m.span = {tokens[i].begin, tokens[i + len - 1].end};
    m.name = std::string(slice(article.text, m.span));
    m.actor_code = is_actor ? actor_code : agent_code;
    // An agent right after a country actor ("Arnor's president") is that
    // country's agent: one mention with the combined code.
    // Up to two words between ("Dagolath's first Deputy Prime Minister").
    auto tokens_between = [&](uint32_t end, uint32_t begin) {
      size_t n = 0;
      for (const Span& t : tokens) n += t.begin >= end && t.end <= begin;
      return n;
    };
    // "the government of Gondor", "Soldiers from Gondor": the agent before
    // a country takes it.
    if (is_actor && actor_code.size() == 3 && !mentions.empty() && mentions.back().actor_code.size() >= 3 &&
        tokens_between(mentions.back().span.end, m.span.begin) == 1) {
      std::string link = upper(std::string_view(article.text).substr(mentions.back().span.end, m.span.begin - mentions.back().span.end));
      link = std::string(core::trim(link));
      if ((link == "OF" || link == "FROM" || link == "IN") && last_was_agent) {
        mentions.back().actor_code = actor_code + mentions.back().actor_code;
        mentions.back().span.end = m.span.end;
        mentions.back().name = std::string(slice(article.text, mentions.back().span));
        last_was_agent = false;
        i += len;
        continue;
      }
    }
    if (!is_actor && !mentions.empty() && mentions.back().actor_code.size() == 3 &&
        tokens_between(mentions.back().span.end, m.span.begin) <= 2) {
      EntityMention& country = mentions.back();
      country.actor_code += agent_code;
      country.span.end = m.span.end;
      country.name = std::string(slice(article.text, country.span));
      last_was_agent = false;
    } else {
      mentions.push_back(std::move(m));
      last_was_agent = !is_actor;
    }
    i += len;
  }
  return mentions;
}

}  // namespace storyline::events
