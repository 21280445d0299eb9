#include "segment/tokenizer.h"

#include <algorithm>
#include <array>
#include <cctype>

#include "core/data_files.h"
#include "core/text_util.h"

namespace storyline::segment {

namespace {

bool is_ascii_alpha(char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); }
bool is_digit(char c) { return c >= '0' && c <= '9'; }
// Letters of any script count as word characters: bytes of multi-byte UTF-8
// sequences that are not listed punctuation.
bool is_word_byte(char c) { return is_ascii_alpha(c) || is_digit(c) || static_cast<unsigned char>(c) >= 0x80; }

// Length of the space at text[i] (ASCII blanks, no-break and thin spaces), 0 if none.
size_t space_at(std::string_view text, size_t i) {
  const char c = text[i];
  if (c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == '\v') return 1;
  if (text.substr(i, 2) == "\xC2\xA0") return 2;
  if (text.substr(i, 3) == "\xE2\x80\x89" || text.substr(i, 3) == "\xE2\x80\xAF" || text.substr(i, 3) == "\xE3\x80\x80")
    return 3;
  return 0;
}

// Multi-byte punctuation EWT keeps as its own word.
constexpr std::array<std::string_view, 11> kWidePunctuation = {
    "\xE2\x80\x9C" /* “ */, "\xE2\x80\x9D" /* ” */, "\xE2\x80\x98" /* ‘ */, "\xE2\x80\x99" /* ’ */,
    "\xE2\x80\x94" /* — */, "\xE2\x80\x93" /* – */, "\xE2\x80\xA6" /* … */, "\xC2\xAB" /* « */,
    "\xC2\xBB" /* » */,     "\xE2\x80\xA2" /* • */, "\xC2\xB7" /* · */};

size_t wide_punctuation_at(std::string_view text, size_t i, size_t end) {
  for (std::string_view p : kWidePunctuation) {
    if (i + p.size() <= end && text.compare(i, p.size(), p) == 0) return p.size();
  }
  return 0;
}

bool is_apostrophe(std::string_view text, size_t i, size_t end, size_t* length) {
  if (text[i] == '\'' || text[i] == '`') return *length = 1, true;
  if (i + 3 <= end && text.compare(i, 3, "\xE2\x80\x99") == 0) return *length = 3, true;
  return false;
}

// Characters that open a word's context and stand alone before it.
bool is_opener(std::string_view text, size_t i, size_t end) {
  const char c = text[i];
  if (c == '(' || c == '[' || c == '{' || c == '"' || c == '<' || c == '*' || c == '`') return true;
  if ((c == '$' || c == '#') && i + 1 < end) return true;
  if (text.compare(i, 2, "\xC2\xA3") == 0 || text.compare(i, 3, "\xE2\x82\xAC") == 0) return true;  // £ €
  return wide_punctuation_at(text, i, end) > 0;
}

// Characters that close a word's context and stand alone after it.
bool is_closer(char c) {
  return c == ')' || c == ']' || c == '}' || c == '"' || c == '\'' || c == ',' || c == ';' || c == ':' || c == '!' ||
         c == '?' || c == '.' || c == '%' || c == '>' || c == '*' || c == '`';
}

bool is_sentence_mark(char c) { return c == '.' || c == '!' || c == '?'; }

// Contractions EWT splits although they have no apostrophe: "cannot" is
// "can not", "gonna" is "gon na", "dont" is "do nt".
struct Split {
  std::string_view word;
  size_t first_length;
};
constexpr std::array<Split, 22> kFusedWords = {{{"cannot", 3},   {"gonna", 3},  {"gotta", 3},   {"wanna", 3},
                                                {"dont", 2},     {"didnt", 3},  {"doesnt", 4},  {"cant", 2},
                                                {"wont", 2},     {"isnt", 2},   {"wasnt", 3},   {"arent", 3},
                                                {"werent", 4},   {"couldnt", 5}, {"wouldnt", 5}, {"shouldnt", 6},
                                                {"havent", 4},   {"hasnt", 3},  {"hadnt", 3},   {"aint", 2},
                                                {"im", 1},       {"ive", 1}}};

// Prefixes EWT keeps joined to the rest by their hyphen ("e-mail",
// "non-stop", "re-read"); any other hyphen between letters is its own word.
constexpr std::array<std::string_view, 28> kHyphenPrefixes = {
    "e",     "non",   "pre",   "anti",  "mid",   "re",    "post",  "co",    "over",  "pro",
    "multi", "ex",    "sub",   "semi",  "cross", "neo",   "psycho", "socio", "counter", "intra",
    "micro", "inter", "ultra", "mega",  "vice",  "bi",    "tri",   "un"};

// Abbreviations written with a slash: "b/c" (because), "w/" (with).
constexpr std::array<std::string_view, 4> kSlashWords = {"b/c", "w/", "w/o", "n/a"};

constexpr std::array<std::string_view, 18> kEmoticons = {":)", ":(", ":-)", ":-(", ":D", ":-D", ";)", ";-)", ":P",
                                                         ":p", ":/", "^_^", "<3", "=)", ":o", ":O", "XD", "xD"};

bool looks_like_url_or_email(std::string_view chunk) {
  // Brackets and quotes before it are not part of it: "[http://...", "<name@host>".
  size_t start = 0;
  while (start < chunk.size() && !is_word_byte(chunk[start])) ++start;
  std::string lower = core::ascii_lower(chunk.substr(start, 12));
  if (lower.rfind("http://", 0) == 0 || lower.rfind("https://", 0) == 0 || lower.rfind("ftp://", 0) == 0 ||
      lower.rfind("www.", 0) == 0)
    return true;
  const size_t at = chunk.find('@');
  return at != std::string_view::npos && at > start && (is_word_byte(chunk[at - 1]) || chunk[at - 1] == '.') &&
         chunk.find('.', at) != std::string_view::npos && chunk.find('.', at) + 1 < chunk.size();
}

std::string lower_ascii(std::string_view text) { return core::ascii_lower(text); }

}  // namespace

Tokenizer::Tokenizer(std::shared_ptr<const std::unordered_set<std::string>> abbreviations)
    : abbreviations_(std::move(abbreviations)) {}

Result<Tokenizer> Tokenizer::create(const std::string& data_dir) {
  auto rows = core::read_table(data_dir + "/abbreviations.txt");
  if (!rows) return rows.status();
  auto abbreviations = std::make_shared<std::unordered_set<std::string>>();
  for (const auto& row : *rows)
    if (!row.empty() && !row[0].empty()) abbreviations->insert(core::ascii_lower(row[0]));
  return Tokenizer(std::move(abbreviations));
}

std::vector<Span> Tokenizer::tokenize(std::string_view text) const {
  std::vector<Span> out;
  tokenize(text, {0, static_cast<uint32_t>(text.size())}, out);
  return out;
}

void Tokenizer::tokenize(std::string_view text, Span range, std::vector<Span>& out) const {
  size_t i = range.begin;
  const size_t end = std::min<size_t>(range.end, text.size());
  while (i < end) {
    if (size_t space = space_at(text, i)) {
      i += space;
      continue;
    }
    size_t chunk_end = i;
    while (chunk_end < end && space_at(text, chunk_end) == 0) ++chunk_end;
    size_t next = chunk_end;
    while (next < end && space_at(text, next) > 0) next += space_at(text, next);
    split_chunk(text, {static_cast<uint32_t>(i), static_cast<uint32_t>(chunk_end)}, next >= end, out);
    i = chunk_end;
  }
}

// "Dr.", "U.S.", "e.g.", "J.": the period is part of the word.
bool Tokenizer::keeps_period(std::string_view word) const {
  std::string_view stem = word.substr(0, word.size() - 1);
  if (stem.empty()) return false;
  if (stem.size() == 1) return is_ascii_alpha(stem[0]);
  bool dotted = stem.size() >= 3;
  for (size_t k = 0; k < stem.size() && dotted; ++k)
    dotted = (k % 2 == 0) ? is_ascii_alpha(stem[k]) : stem[k] == '.';
  if (dotted) return true;
  return abbreviations_->count(lower_ascii(stem)) > 0;
}

// One run of non-space bytes: openers, the word(s), closers.
bool Tokenizer::listed_abbreviation(std::string_view stem) const {
  return stem.size() > 1 && stem.find('.') == std::string_view::npos && abbreviations_->count(lower_ascii(stem)) > 0;
}

void Tokenizer::split_chunk(std::string_view text, Span chunk, bool last_in_range, std::vector<Span>& out) const {
  std::string_view whole = slice(text, chunk);
  if (std::find(kEmoticons.begin(), kEmoticons.end(), whole) != kEmoticons.end()) {
    out.push_back(chunk);
    return;
  }
  const bool url = looks_like_url_or_email(whole);
  if (std::find(kSlashWords.begin(), kSlashWords.end(), core::ascii_lower(whole)) != kSlashWords.end()) {
    out.push_back(chunk);
    return;
  }
  size_t begin = chunk.begin, end = chunk.end;

  // Openers, each its own word; a run of one character ("((", "--") is one word.
  while (begin < end) {
    size_t length = 0;
    if (text[begin] == '\'' || (begin + 3 <= end && text.compare(begin, 3, "\xE2\x80\x98") == 0)) {
      // A quote, unless it starts a clitic or a decade ("'s", "'90s").
      length = text[begin] == '\'' ? 1 : 3;
      const size_t rest = begin + length;
      if (rest >= end || is_digit(text[rest])) break;
      std::string next = lower_ascii(text.substr(rest, std::min<size_t>(2, end - rest)));
      const bool clitic_alone = (end - rest <= 2) && (next == "s" || next == "re" || next == "ve" || next == "ll" ||
                                                      next == "d" || next == "m" || next == "t");
      if (clitic_alone) break;
    } else if (text[begin] == '-' || (text[begin] == '.' && !url)) {
      length = 1;
      while (begin + length < end && text[begin + length] == text[begin]) ++length;
      if (begin + length >= end) {  // the chunk is all hyphens or dots: one word
        out.push_back({static_cast<uint32_t>(begin), static_cast<uint32_t>(end)});
        return;
      }
      if (text[begin] == '-' && length == 1 && begin + 1 < end && is_digit(text[begin + 1])) break;  // "-5"
    } else if (begin + 3 < end && text.compare(begin, 3, "\xE2\x80\x99") == 0 && is_digit(text[begin + 3])) {
      break;  // "’72": a decade
    } else if (is_opener(text, begin, end)) {
      length = wide_punctuation_at(text, begin, end);
      if (length == 0) length = static_cast<unsigned char>(text[begin]) == 0xC2 ? 2 : static_cast<unsigned char>(text[begin]) == 0xE2 ? 3 : 1;
      if (length == 1) {
        // "***", "$$$", "<<": a run of one character is one word.
        while (begin + length < end && text[begin + length] == text[begin]) ++length;
      }
      if (url && is_word_byte(text[begin])) break;
      if (begin + length >= end) {
        // Nothing after it: the whole chunk is this run.
        out.push_back({static_cast<uint32_t>(begin), static_cast<uint32_t>(end)});
        return;
      }
    } else {
      break;
    }
    out.push_back({static_cast<uint32_t>(begin), static_cast<uint32_t>(begin + length)});
    begin += length;
  }

  // Closers, collected from the right.
  std::vector<Span> closers;
  while (end > begin) {
    const size_t wide = end >= begin + 3 ? wide_punctuation_at(text, end - 3, end) : 0;
    if (wide == 3) {
      closers.push_back({static_cast<uint32_t>(end - 3), static_cast<uint32_t>(end)});
      end -= 3;
      continue;
    }
    if (end >= begin + 2 && text.compare(end - 2, 2, "\xC2\xBB") == 0) {  // »
      closers.push_back({static_cast<uint32_t>(end - 2), static_cast<uint32_t>(end)});
      end -= 2;
      continue;
    }
    const char c = text[end - 1];
    if (!is_closer(c)) break;
    // An address may end in "/" or "%", never in a bracket or a sentence mark.
    if (url && (c == '%' || c == '*' || c == '`')) break;
    size_t length = 1;
    if (is_sentence_mark(c)) {
      // "...", "!!!", "?!" and ".?" are one word each.
      while (end - length > begin && is_sentence_mark(text[end - length - 1])) ++length;
    } else if (c == '-' || c == '*' || c == '`' || c == '\'' || c == '>') {
      while (end - length > begin && text[end - length - 1] == c) ++length;
    }
    if (length == end - begin) {
      // Nothing but punctuation: one word per run.
      if (closers.empty() && begin == chunk.begin) {
        out.push_back({static_cast<uint32_t>(begin), static_cast<uint32_t>(end)});
        return;
      }
    }
    if (c == '.' && length == 1 && end - begin >= 2 && !url &&
        keeps_period(text.substr(begin, end - begin)) && is_word_byte(text[end - 2]) &&
        !(last_in_range && closers.empty() && listed_abbreviation(text.substr(begin, end - begin - 1)))) {
      break;  // "Dr.", "U.S.": the period stays with the word, except "etc." ending a sentence
    }
    if (c == '\'' && length == 1 && end - begin >= 2) {
      // "Iranians'" stands apart as a possessive; "rock 'n'" is rare enough to ignore.
    }
    closers.push_back({static_cast<uint32_t>(end - length), static_cast<uint32_t>(end)});
    end -= length;
  }
  if (begin < end) {
    if (url) out.push_back({static_cast<uint32_t>(begin), static_cast<uint32_t>(end)});
    else split_word(text, {static_cast<uint32_t>(begin), static_cast<uint32_t>(end)}, out);
  }
  for (auto it = closers.rbegin(); it != closers.rend(); ++it) out.push_back(*it);
}

// A word without its surrounding punctuation: inner separators ("and/or",
// "well-known", "word--word"), then clitics at its end.
void Tokenizer::split_word(std::string_view text, Span word, std::vector<Span>& out) const {
  std::vector<Span> pieces;
  size_t piece_begin = word.begin;
  size_t i = word.begin;
  auto cut = [&](size_t separator_begin, size_t separator_end) {
    if (piece_begin < separator_begin) pieces.push_back({static_cast<uint32_t>(piece_begin), static_cast<uint32_t>(separator_begin)});
    pieces.push_back({static_cast<uint32_t>(separator_begin), static_cast<uint32_t>(separator_end)});
    piece_begin = separator_end;
  };
  while (i < word.end) {
    const char c = text[i];
    const bool inside = i > piece_begin && i + 1 < word.end;
    if (const size_t wide = wide_punctuation_at(text, i, word.end); wide > 0) {
      size_t apostrophe = 0;
      if (is_apostrophe(text, i, word.end, &apostrophe)) {
        i += wide;  // "n’t", "’s": clitics, handled below
        continue;
      }
      cut(i, i + wide);
      i += wide;
      continue;
    }
    if ((c == '-' || c == '.') && i + 1 < word.end && text[i + 1] == c) {
      // "word--word", "word...word"
      size_t run = i;
      while (run < word.end && text[run] == c) ++run;
      if (c == '-' || run - i >= 2) {
        cut(i, run);
        i = run;
        continue;
      }
    }
    if (c == '-' && inside) {
      const bool digits = is_digit(text[i - 1]) && is_digit(text[i + 1]);
      std::string left = lower_ascii(text.substr(piece_begin, i - piece_begin));
      const bool prefix = std::find(kHyphenPrefixes.begin(), kHyphenPrefixes.end(), left) != kHyphenPrefixes.end();
      if (!digits && !prefix) {
        cut(i, i + 1);
        ++i;
        continue;
      }
    }
    if (c == '/' && inside && !(is_digit(text[i - 1]) && is_digit(text[i + 1]))) {
      cut(i, i + 1);
      ++i;
      continue;
    }
    if ((c == '(' || c == ')' || c == '"') && word.end - word.begin > 1) {
      cut(i, i + 1);
      ++i;
      continue;
    }
    if ((c == ',' || c == ';' || c == '!' || c == '?') && inside &&
        !(c == ',' && is_digit(text[i - 1]) && is_digit(text[i + 1]))) {
      cut(i, i + 1);
      ++i;
      continue;
    }
    ++i;
  }
  if (piece_begin < word.end) pieces.push_back({static_cast<uint32_t>(piece_begin), word.end});

  for (const Span& piece : pieces) {
    std::string_view form = slice(text, piece);
    std::string lower = lower_ascii(form);
    // Plain-ASCII apostrophes and the typographic one (three bytes).
    auto ends_with_clitic = [&](std::string_view clitic) -> size_t {
      // `clitic` is written with ' ; the text may have ’ instead.
      for (std::string_view apostrophe : {std::string_view("'"), std::string_view("\xE2\x80\x99")}) {
        std::string spelled;
        for (char ch : clitic) spelled += ch == '\'' ? std::string(apostrophe) : std::string(1, ch);
        if (lower.size() > spelled.size() && lower.compare(lower.size() - spelled.size(), spelled.size(), spelled) == 0)
          return spelled.size();
      }
      return 0;
    };
    size_t clitic = ends_with_clitic("n't");
    if (clitic == 0) {
      for (std::string_view c : {"'s", "'re", "'ve", "'ll", "'d", "'m"}) {
        if ((clitic = ends_with_clitic(c)) > 0) break;
      }
    }
    if (clitic > 0) {
      out.push_back({piece.begin, static_cast<uint32_t>(piece.end - clitic)});
      out.push_back({static_cast<uint32_t>(piece.end - clitic), piece.end});
      continue;
    }
    bool fused = false;
    for (const Split& split : kFusedWords) {
      if (lower == split.word) {
        out.push_back({piece.begin, static_cast<uint32_t>(piece.begin + split.first_length)});
        out.push_back({static_cast<uint32_t>(piece.begin + split.first_length), piece.end});
        fused = true;
        break;
      }
    }
    if (!fused) out.push_back(piece);
  }
}

}  // namespace storyline::segment
