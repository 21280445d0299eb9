// Small helpers over gumbo's tree: attributes, tag names, class tokens,
// bounded parsing, and the visible text of an element.
#pragma once

#include <gumbo.h>

#include <string>
#include <string_view>
#include <vector>

namespace storyline::ingest::html {

// Owns a parsed document.
class ParsedHtml {
 public:
  // Parses `html`; if its nesting is deeper than `max_depth`, the markup is
  // cut where it gets too deep (gumbo frees its tree recursively) and
  // `truncated` is set.
  ParsedHtml(std::string_view html, int max_depth);
  ~ParsedHtml();
  ParsedHtml(const ParsedHtml&) = delete;
  ParsedHtml& operator=(const ParsedHtml&) = delete;
  GumboNode* root() const { return output_ ? output_->root : nullptr; }
  bool truncated() const { return truncated_; }
  // Where the markup was cut (a byte offset into the page without its
  // comments and scripts); meaningful when truncated().
  size_t cut_at() const { return cut_at_; }

 private:
  std::string buffer_;
  GumboOutput* output_ = nullptr;
  bool truncated_ = false;
  size_t cut_at_ = 0;
};

std::string_view attribute(const GumboNode* node, const char* name);
bool is_element(const GumboNode* node);
GumboTag tag_of(const GumboNode* node);
// Lower-cased tokens of the class and id attributes, split at '-', '_',
// spaces and camelCase ("article-body" → "article", "body").
std::vector<std::string> class_tokens(const GumboNode* node);
const GumboVector* children_of(const GumboNode* node);

// Visible text under `node`, with block elements as line breaks and
// whitespace folded; scripts, styles and templates left out.
std::string visible_text(const GumboNode* node);

}  // namespace storyline::ingest::html
