#include "nlp/conllu.h"

#include <charconv>

#include "core/data_files.h"
#include "core/text_util.h"

namespace storyline::nlp {

namespace {

std::vector<std::string_view> fields_of(std::string_view line) { return core::split(line, '\t'); }

bool parse_int(std::string_view text, int& value) {
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  return error == std::errc() && end == text.data() + text.size();
}

std::string_view comment_value(std::string_view line, std::string_view key) {
  // "# key = value"
  if (line.size() < 2 || line[0] != '#') return {};
  std::string_view rest = core::trim(line.substr(1));
  if (rest.substr(0, key.size()) != key) return {};
  rest = core::trim(rest.substr(key.size()));
  if (rest.empty() || rest[0] != '=') return {};
  return core::trim(rest.substr(1));
}

// Calls on_line(line, number) for each line without its end of line.
template <typename Callback>
void for_each_line(std::string_view content, Callback on_line) {
  size_t begin = 0;
  size_t number = 1;
  while (begin <= content.size()) {
    size_t end = content.find('\n', begin);
    if (end == std::string_view::npos) end = content.size();
    std::string_view line = content.substr(begin, end - begin);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (!(end == content.size() && line.empty())) on_line(line, number);
    begin = end + 1;
    ++number;
  }
}

}  // namespace

bool no_space_after(std::string_view misc) {
  for (std::string_view item : core::split(misc, '|')) {
    if (item == "SpaceAfter=No") return true;
  }
  return false;
}

Result<std::vector<ConlluSentence>> parse_conllu(std::string_view content, const std::string& name) {
  std::vector<ConlluSentence> sentences;
  ConlluSentence current;
  Status error;
  auto finish = [&](size_t number) {
    if (current.words.empty()) {
      current = ConlluSentence{};
      return;
    }
    for (size_t w = 0; w < current.words.size(); ++w) {
      const int head = current.words[w].head;
      if (head < 0 || head > static_cast<int>(current.words.size())) {
        error = Status::invalid_input(name + ": sentence ending at line " + std::to_string(number) + ": head " +
                                      std::to_string(head) + " is outside the sentence");
        return;
      }
    }
    sentences.push_back(std::move(current));
    current = ConlluSentence{};
  };
  for_each_line(content, [&](std::string_view line, size_t number) {
    if (!error.is_ok()) return;
    if (line.empty()) {
      finish(number);
      return;
    }
    if (line[0] == '#') {
      if (auto v = comment_value(line, "newdoc id"); !v.empty()) current.newdoc_id = std::string(v);
      else if (line.rfind("# newpar", 0) == 0) current.new_paragraph = true;
      else if (auto s = comment_value(line, "sent_id"); !s.empty()) current.sent_id = std::string(s);
      else if (auto t = comment_value(line, "text"); !t.empty()) current.text = std::string(t);
      return;
    }
    auto fields = fields_of(line);
    if (fields.size() != 10) {
      error = Status::invalid_input(name + ":" + std::to_string(number) + ": " + std::to_string(fields.size()) +
                                    " fields, CoNLL-U has 10");
      return;
    }
    std::string_view id = fields[0];
    if (id.find('.') != std::string_view::npos) return;  // an empty node of enhanced UD
    if (size_t dash = id.find('-'); dash != std::string_view::npos) {
      int first = 0, last = 0;
      if (!parse_int(id.substr(0, dash), first) || !parse_int(id.substr(dash + 1), last) || first < 1 ||
          last < first) {
        error = Status::invalid_input(name + ":" + std::to_string(number) + ": bad range id '" + std::string(id) + "'");
        return;
      }
      current.multiwords.push_back({static_cast<size_t>(first - 1), static_cast<size_t>(last - 1),
                                    std::string(fields[1]), std::string(fields[9])});
      return;
    }
    int index = 0, head = 0;
    if (!parse_int(id, index) || index != static_cast<int>(current.words.size()) + 1) {
      error = Status::invalid_input(name + ":" + std::to_string(number) + ": word id '" + std::string(id) +
                                    "' out of sequence");
      return;
    }
    if (fields[6] == "_") head = 0;
    else if (!parse_int(fields[6], head)) {
      error = Status::invalid_input(name + ":" + std::to_string(number) + ": bad head '" + std::string(fields[6]) + "'");
      return;
    }
    ConlluWord word;
    word.form = std::string(fields[1]);
    word.lemma = std::string(fields[2]);
    word.upos = std::string(fields[3]);
    word.xpos = std::string(fields[4]);
    word.feats = std::string(fields[5]);
    word.head = head;
    word.deprel = std::string(fields[7]);
    word.misc = std::string(fields[9]);
    current.words.push_back(std::move(word));
  });
  if (!error.is_ok()) return error;
  finish(0);
  if (!error.is_ok()) return error;
  return sentences;
}

Result<std::vector<ConlluSentence>> read_conllu(const std::string& path) {
  std::string content;
  if (Status status = core::read_file(path, content); !status.is_ok()) return status;
  return parse_conllu(content, path);
}

Result<std::vector<IobSentence>> parse_iob2(std::string_view content, const std::string& name) {
  std::vector<IobSentence> sentences;
  IobSentence current;
  Status error;
  for_each_line(content, [&](std::string_view line, size_t number) {
    if (!error.is_ok()) return;
    if (line.empty()) {
      if (!current.words.empty()) sentences.push_back(std::move(current));
      current = IobSentence{};
      return;
    }
    if (line[0] == '#') {
      if (auto s = comment_value(line, "sent_id"); !s.empty()) current.sent_id = std::string(s);
      else if (auto t = comment_value(line, "text"); !t.empty()) current.text = std::string(t);
      return;
    }
    auto fields = fields_of(line);
    if (fields.size() < 3) {
      error = Status::invalid_input(name + ":" + std::to_string(number) + ": IOB2 needs id, word and tag");
      return;
    }
    std::string_view tag = fields[2];
    if (!(tag == "O" || ((tag.rfind("B-", 0) == 0 || tag.rfind("I-", 0) == 0) && tag.size() > 2))) {
      error = Status::invalid_input(name + ":" + std::to_string(number) + ": tag '" + std::string(tag) +
                                    "' is not O, B-X or I-X");
      return;
    }
    current.words.emplace_back(fields[1]);
    current.tags.emplace_back(tag);
  });
  if (!error.is_ok()) return error;
  if (!current.words.empty()) sentences.push_back(std::move(current));
  return sentences;
}

Result<std::vector<IobSentence>> read_iob2(const std::string& path) {
  std::string content;
  if (Status status = core::read_file(path, content); !status.is_ok()) return status;
  return parse_iob2(content, path);
}

std::vector<Span> locate_words(std::string_view text, const std::vector<std::string>& words) {
  std::vector<Span> spans;
  spans.reserve(words.size());
  size_t cursor = 0;
  for (const std::string& word : words) {
    const size_t at = text.find(word, cursor);
    if (at == std::string_view::npos || word.empty()) {
      spans.push_back({static_cast<uint32_t>(cursor), static_cast<uint32_t>(cursor)});
      continue;
    }
    spans.push_back({static_cast<uint32_t>(at), static_cast<uint32_t>(at + word.size())});
    cursor = at + word.size();
  }
  return spans;
}

std::string conllu_field(std::string_view value) {
  if (value.empty()) return "_";
  std::string out(value);
  for (char& c : out) {
    if (c == '\t' || c == '\n' || c == '\r') c = ' ';
  }
  if (out.find_first_not_of(' ') == std::string::npos) return "_";
  return out;
}

}  // namespace storyline::nlp
