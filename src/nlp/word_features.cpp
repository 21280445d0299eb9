#include "nlp/word_features.h"

#include <algorithm>

#include "nlp/feature_hash.h"

namespace storyline::nlp {

std::string normalized_word(std::string_view form) {
  std::string out(form);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    else if (c >= '0' && c <= '9') c = '0';
  }
  // Typographic apostrophes are the ASCII one: "n’t" is "n't".
  for (size_t i = out.find("\xE2\x80\x99"); i != std::string::npos; i = out.find("\xE2\x80\x99", i)) {
    out.replace(i, 3, "'");
  }
  return out;
}

std::string word_shape(std::string_view form) {
  std::string shape;
  char previous = 0;
  for (size_t i = 0; i < form.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(form[i]);
    char cls;
    if (c >= 'A' && c <= 'Z') cls = 'X';
    else if (c >= 'a' && c <= 'z') cls = 'x';
    else if (c >= '0' && c <= '9') cls = 'd';
    else if (c >= 0x80) {
      if ((c & 0xC0) == 0x80) continue;  // continuation byte: counted with its lead
      cls = 'u';  // a letter or sign of another script
    } else {
      cls = static_cast<char>(c);
    }
    if (cls != previous || !(cls == 'X' || cls == 'x' || cls == 'd' || cls == 'u')) shape.push_back(cls);
    previous = cls;
    if (shape.size() >= 8) break;
  }
  return shape;
}

WordInfo describe_word(std::string_view form) {
  WordInfo info;
  info.form = hash_text(form);
  const std::string lower = normalized_word(form);
  info.lower = hash_text(lower);
  for (size_t n = 1; n <= 3; ++n) info.prefix[n - 1] = hash_text(std::string_view(lower).substr(0, n)) + n;
  for (size_t n = 1; n <= 4; ++n) {
    const size_t take = std::min(n, lower.size());
    info.suffix[n - 1] = hash_text(std::string_view(lower).substr(lower.size() - take)) + 16 * n;
  }
  info.shape = hash_text(word_shape(form));
  bool letters = false, upper_only = true;
  for (char ch : form) {
    const unsigned char c = static_cast<unsigned char>(ch);
    if (c >= '0' && c <= '9') info.has_digit = true;
    if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c >= 0x80) letters = true;
    if (c >= 'a' && c <= 'z') upper_only = false;
  }
  info.capitalised = !form.empty() && form[0] >= 'A' && form[0] <= 'Z';
  info.all_caps = letters && upper_only && info.capitalised;
  info.is_punct = !letters && !info.has_digit;
  return info;
}

void describe_words(const std::vector<std::string_view>& forms, std::vector<WordInfo>& out) {
  out.resize(forms.size());
  for (size_t i = 0; i < forms.size(); ++i) out[i] = describe_word(forms[i]);
}

}  // namespace storyline::nlp
