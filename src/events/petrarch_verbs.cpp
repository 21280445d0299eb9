// The PETRARCH verb dictionary loader (format: petrarch_dictionaries.h).
#include "events/petrarch_dictionaries.h"

#include <algorithm>
#include <map>

#include "core/data_files.h"
#include "core/text_util.h"
#include "events/petrarch_text.h"

namespace storyline::events {

using namespace petrarch;

Status load_petrarch_verbs(const std::string& path, VerbLexicon& lexicon, size_t* rules,
                           std::vector<std::string>* warnings) {
  std::string text;
  if (Status status = core::read_file(path, text); !status.is_ok()) return status;
  LineReader reader(path, std::move(text));
  std::map<std::string, std::vector<std::string>> synsets;
  std::string synset;  // the set being read, empty when none
  struct Block {
    std::string code;
    std::vector<std::pair<std::string, HeadForm>> forms;
  } block;
  bool in_block = false;
  size_t added = 0;
  std::string raw;
  while (reader.next(raw)) {
    std::string line = strip_comment(raw);
    std::string_view trimmed = core::trim(line);
    if (trimmed.empty()) {
      synset.clear();
      continue;
    }
    if (trimmed[0] == '&') {
      synset = std::string(trimmed);
      synsets[synset];
      in_block = false;
      continue;
    }
    if (trimmed[0] == '+' && !synset.empty()) {
      for (const std::string& w : dictionary_words(trimmed.substr(1))) synsets[synset].push_back(w);
      continue;
    }
    if (trimmed.starts_with("---")) {
      // "--- NAME [code] ---"
      size_t open = trimmed.find('['), close = trimmed.find(']');
      if (open == std::string_view::npos || close == std::string_view::npos || close < open)
        { Status problem = reader.error("verb block header without [code]"); if (!warnings) return problem; warnings->push_back(problem.message()); continue; }
      block = Block{};
      std::string code(trimmed.substr(open + 1, close - open - 1));
      block.code = code.find("---") == std::string::npos ? code.substr(0, code.find(':')) : "";
      in_block = true;
      synset.clear();
      continue;
    }
    if (!in_block) continue;  // a section this loader does not use
    // "[057]", or "[042:043]": the source's code and the target's code
    // towards the source. Returns the main code, `reverse` the second.
    auto parse_code = [](std::string_view s, std::string* reverse = nullptr) -> std::string {
      size_t open = s.find('['), close = s.find(']');
      if (open == std::string_view::npos || close == std::string_view::npos || close < open) return "";
      std::string inside(s.substr(open + 1, close - open - 1));
      auto digits = [](std::string c) {
        while (!c.empty() && c.back() == ' ') c.pop_back();
        while (!c.empty() && c.front() == ' ') c.erase(c.begin());
        if (c.empty() || !std::all_of(c.begin(), c.end(), [](char d) { return d >= '0' && d <= '9'; })) return std::string();
        return c;
      };
      size_t colon = inside.find(':');
      if (reverse && colon != std::string::npos) *reverse = digits(inside.substr(colon + 1));
      return digits(inside.substr(0, colon));
    };
    if (trimmed[0] == '-') {
      // A pattern: "- WORDS * WORDS [code]".
      std::string reverse;
      std::string code = parse_code(trimmed, &reverse);
      if (code.empty() || block.forms.empty()) continue;  // "[---]": matched but not coded
      size_t open = trimmed.find('[');
      std::string_view body = trimmed.substr(1, open - 1);
      VerbPattern pattern;
      pattern.code = code;
      pattern.reverse_code = reverse;
      pattern.line = 0;
      bool seen_head = false;
      std::string spaced;
      for (char c : body) {
        if (c == '*') spaced += " * ";
        else spaced += c;
      }
      for (std::string_view token : core::split(spaced, ' ')) {
        std::string cleaned;
        for (char c : token)
          if (c != '(' && c != ')' && c != '{' && c != '}' && c != '+' && c != '$' && c != '%' && c != '^' && c != '|')
            cleaned += c;
        if (cleaned.empty()) continue;
        if (cleaned == "*") {
          pattern.elements.push_back({PatternElement::Kind::kGap, {}});
          pattern.elements.push_back({PatternElement::Kind::kHead, {"*"}});
          seen_head = true;
          continue;
        }
        std::vector<std::string> alternatives;
        if (cleaned[0] == '&') {
          auto it = synsets.find(cleaned);
          if (it != synsets.end()) {
            alternatives = it->second;
          } else {
            // Dictionaries in use name sets they never define: the word itself
            // stands in, and the caller hears of it.
            alternatives = dictionary_words(cleaned.substr(1));
            if (alternatives.empty()) continue;
            if (warnings) warnings->push_back(reader.error("undefined synonym set " + cleaned).message());
          }
        } else {
          auto words = dictionary_words(cleaned);
          if (words.empty()) continue;
          // "SECRET_MEETINGS": all but the last word are literals in order.
          for (size_t w = 0; w + 1 < words.size(); ++w) {
            if (!pattern.elements.empty()) pattern.elements.push_back({PatternElement::Kind::kGap, {}});
            pattern.elements.push_back({PatternElement::Kind::kWords, {words[w]}});
            ++pattern.literals;
          }
          alternatives = {words.back()};
        }
        // Nouns in patterns match their plural too (as PETRARCH does).
        size_t n = alternatives.size();
        for (size_t a = 0; a < n; ++a)
          if (!alternatives[a].ends_with("s")) alternatives.push_back(alternatives[a] + "s");
        if (!pattern.elements.empty()) pattern.elements.push_back({PatternElement::Kind::kGap, {}});
        pattern.elements.push_back({PatternElement::Kind::kWords, std::move(alternatives)});
        ++pattern.literals;
      }
      if (!seen_head) { Status problem = reader.error("pattern without '*' for the verb"); if (!warnings) return problem; warnings->push_back(problem.message()); continue; }
      lexicon.add_pattern(std::move(pattern), block.forms);
      ++added;
      continue;
    }
    // A verb line: "WORD {FORMS} [code]" or "+MULTI_WORD".
    std::string_view verb_line = trimmed[0] == '+' ? trimmed.substr(1) : trimmed;
    size_t end = verb_line.find_first_of(" \t{[");
    std::vector<std::string> words = dictionary_words(verb_line.substr(0, end));
    if (words.empty()) { Status problem = reader.error("verb line without a verb"); if (!warnings) return problem; warnings->push_back(problem.message()); continue; }
    std::vector<std::pair<std::string, HeadForm>> forms;
    size_t brace = verb_line.find('{'), close = verb_line.find('}');
    if (brace != std::string_view::npos) {
      if (close == std::string_view::npos || close < brace) { Status problem = reader.error("unclosed '{' in verb forms"); if (!warnings) return problem; warnings->push_back(problem.message()); continue; }
      forms.push_back({words[0], HeadForm::kBase});
      for (std::string_view form : core::split(verb_line.substr(brace + 1, close - brace - 1), ' ')) {
        auto form_words = dictionary_words(form);
        if (form_words.empty()) continue;
        HeadForm kind = form_words[0].ends_with("ing") ? HeadForm::kGerund
                        : form_words[0].ends_with("s") ? HeadForm::kThird : HeadForm::kPast;
        forms.push_back({form_words[0], kind});
      }
    } else {
      forms = verb_forms(words[0]);
    }
    std::string code = parse_code(verb_line);
    if (code.empty()) code = block.code;
    if (!code.empty()) {
      VerbPattern bare;
      bare.code = code;
      bare.elements.push_back({PatternElement::Kind::kHead, {words[0]}});
      for (size_t w = 1; w < words.size(); ++w) {
        bare.elements.push_back({PatternElement::Kind::kWords, {words[w]}});
        ++bare.literals;
      }
      lexicon.add_pattern(std::move(bare), forms);
      ++added;
    }
    // Block patterns apply to the block's one-word verbs.
    if (words.size() == 1) block.forms.insert(block.forms.end(), forms.begin(), forms.end());
  }
  if (rules) *rules = added;
  if (added == 0) return Status::invalid_input(path + ": no verb rules found");
  return Status::ok();
}

}  // namespace storyline::events
