#include "nlp/lemmatizer.h"

#include <algorithm>
#include <map>

#include "core/text_util.h"

namespace storyline::nlp {

namespace {

bool ends_with(std::string_view text, std::string_view suffix) {
  return text.size() >= suffix.size() && text.compare(text.size() - suffix.size(), suffix.size(), suffix) == 0;
}

bool is_vowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }

std::string noun_lemma(std::string lower) {
  if (lower.size() > 4 && ends_with(lower, "ies")) return lower.substr(0, lower.size() - 3) + "y";
  if (lower.size() > 4 && (ends_with(lower, "sses") || ends_with(lower, "shes") || ends_with(lower, "ches") ||
                           ends_with(lower, "xes")))
    return lower.substr(0, lower.size() - 2);
  if (lower.size() > 3 && ends_with(lower, "s") && !ends_with(lower, "ss") && !ends_with(lower, "us") &&
      !ends_with(lower, "is"))
    return lower.substr(0, lower.size() - 1);
  return lower;
}

std::string verb_lemma(std::string lower) {
  if (lower.size() > 4 && ends_with(lower, "ies")) return lower.substr(0, lower.size() - 3) + "y";
  if (lower.size() > 4 && ends_with(lower, "ied")) return lower.substr(0, lower.size() - 3) + "y";
  if (lower.size() > 5 && ends_with(lower, "ing")) {
    std::string stem = lower.substr(0, lower.size() - 3);
    // "running" → "run", "signing" → "sign"
    if (stem.size() >= 3 && stem[stem.size() - 1] == stem[stem.size() - 2] && !is_vowel(stem.back()) &&
        stem.back() != 'l' && stem.back() != 's')
      stem.pop_back();
    return stem;
  }
  if (lower.size() > 4 && ends_with(lower, "ed")) {
    std::string stem = lower.substr(0, lower.size() - 2);
    if (stem.size() >= 3 && stem[stem.size() - 1] == stem[stem.size() - 2] && !is_vowel(stem.back()) &&
        stem.back() != 'l' && stem.back() != 's')
      stem.pop_back();
    return stem;
  }
  if (lower.size() > 4 && (ends_with(lower, "sses") || ends_with(lower, "shes") || ends_with(lower, "ches") ||
                           ends_with(lower, "xes") || ends_with(lower, "oes")))
    return lower.substr(0, lower.size() - 2);
  if (lower.size() > 3 && ends_with(lower, "s") && !ends_with(lower, "ss")) return lower.substr(0, lower.size() - 1);
  return lower;
}

}  // namespace

std::string Lemmatizer::key(std::string_view lower_form, Upos upos) {
  std::string k(lower_form);
  k.push_back('\t');
  k.push_back(static_cast<char>('A' + static_cast<int>(upos)));
  return k;
}

std::string Lemmatizer::rule_lemma(std::string_view form, Upos upos) {
  switch (upos) {
    case Upos::kPropn:
    case Upos::kNum:
    case Upos::kPunct:
    case Upos::kSym:
    case Upos::kX:
      return std::string(form);
    case Upos::kNoun:
      return noun_lemma(core::ascii_lower(form));
    case Upos::kVerb:
      return verb_lemma(core::ascii_lower(form));
    default:
      return core::ascii_lower(form);
  }
}

std::string Lemmatizer::lemma(std::string_view form, Upos upos) const {
  if (!table_.empty()) {
    auto it = table_.find(key(core::ascii_lower(form), upos));
    if (it != table_.end()) return it->second;
  }
  return rule_lemma(form, upos);
}

Lemmatizer Lemmatizer::train(const std::vector<Example>& examples) {
  std::map<std::string, std::map<std::string, int>> counts;  // ordered: the table is the same on every run
  for (const Example& e : examples) {
    if (e.lemma.empty() || e.lemma == "_") continue;
    ++counts[key(core::ascii_lower(e.form), e.upos)][std::string(e.lemma)];
  }
  Lemmatizer lemmatizer;
  for (const auto& [k, lemmas] : counts) {
    auto best = std::max_element(lemmas.begin(), lemmas.end(),
                                 [](const auto& a, const auto& b) { return a.second < b.second; });
    const size_t tab = k.find('\t');
    const Upos upos = static_cast<Upos>(k[tab + 1] - 'A');
    // The table only needs what the rules get wrong on the lower-case form;
    // proper nouns keep their case by rule, so a lower-case lemma of one is kept.
    if (best->first == rule_lemma(k.substr(0, tab), upos)) continue;
    if (upos == Upos::kPropn || upos == Upos::kNum || upos == Upos::kPunct || upos == Upos::kSym) continue;
    lemmatizer.table_.emplace(k, best->first);
  }
  return lemmatizer;
}

void Lemmatizer::write(ByteWriter& out) const {
  std::map<std::string, std::string> sorted(table_.begin(), table_.end());
  out.varint(sorted.size());
  for (const auto& [k, v] : sorted) {
    out.string(k);
    out.string(v);
  }
}

bool Lemmatizer::read(ByteReader& in) {
  uint64_t size = 0;
  if (!in.varint(size) || size > in.remaining() / 2) return false;
  table_.clear();
  table_.reserve(size);
  for (uint64_t i = 0; i < size; ++i) {
    std::string k, v;
    if (!in.string(k) || !in.string(v)) return false;
    table_.emplace(std::move(k), std::move(v));
  }
  return true;
}

}  // namespace storyline::nlp
