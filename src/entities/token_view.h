// Tokens as the entity finder sees them: the text, the name without a
// possessive 's, and whether the token is a capitalised word.
#pragma once

#include <string_view>
#include <vector>

#include "storyline/document.h"

namespace storyline::entities {

struct TokenView {
  std::string_view text;     // the token as written
  std::string_view name;     // without a possessive 's
  Span span;
  bool word = false;         // starts with a letter
  bool capitalised = false;
  bool possessive = false;
};

// True when `text` starts with a letter (any script).
bool is_letter_start(std::string_view text);
// One view per token of the article (Article::tokens).
std::vector<TokenView> token_views(const Article& article);

}  // namespace storyline::entities
