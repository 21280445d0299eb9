// Keys for matching names across spellings: accents and scripts folded to
// lower-case ASCII through ICU ("Errázuriz" → "errazuriz", "Песков" →
// "peskov"), a phonetic key that survives transliteration variants
// ("Araghchi" and "Aragushi" share one), and a string similarity.
#pragma once

#include <string>
#include <string_view>

namespace storyline::entities {

// Lower-case ASCII form of a name; non-Latin scripts are transliterated.
// ASCII input takes a fast path with no ICU call.
std::string fold_name(std::string_view name);

// A Soundex-style key of a folded word (first letter + up to two consonant
// classes): spelling variants of one surname usually share it, so it is the
// bucket in which cross-document candidates are looked up.
std::string phonetic_key(std::string_view folded_word);

// Jaro-Winkler similarity of two folded strings, in [0, 1].
double name_similarity(std::string_view a, std::string_view b);

// True when `word` starts with an upper-case letter (any script).
bool starts_upper(std::string_view word);
// True when every letter of `word` is upper case and it has at least one.
bool all_upper(std::string_view word);

}  // namespace storyline::entities
