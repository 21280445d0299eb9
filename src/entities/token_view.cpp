#include "entities/token_view.h"

#include "entities/name_folding.h"

namespace storyline::entities {

bool is_letter_start(std::string_view text) {
  if (text.empty()) return false;
  unsigned char c = static_cast<unsigned char>(text[0]);
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c >= 0x80;
}

std::vector<TokenView> token_views(const Article& article) {
  std::vector<TokenView> views;
  views.reserve(article.tokens.size());
  for (const Span& span : article.tokens) {
    TokenView view;
    view.text = slice(article.text, span);
    view.name = view.text;
    view.span = span;
    view.word = is_letter_start(view.text);
    view.capitalised = view.word && starts_upper(view.text);
    for (std::string_view suffix : {std::string_view("'s"), std::string_view("\xE2\x80\x99s")}) {
      if (view.text.size() > suffix.size() && view.text.substr(view.text.size() - suffix.size()) == suffix) {
        view.possessive = true;
        view.name = view.text.substr(0, view.text.size() - suffix.size());
        view.span.end -= static_cast<uint32_t>(suffix.size());
      }
    }
    views.push_back(view);
  }
  return views;
}

}  // namespace storyline::entities
