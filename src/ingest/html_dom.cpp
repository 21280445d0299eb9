#include "ingest/html_dom.h"

#include <cctype>
#include <algorithm>
#include <cstring>

namespace storyline::ingest::html {

namespace {

// Elements that never nest (void) or whose end tag pages often leave out
// (the parser closes them): counting them would make depth grow without
// bound on ordinary pages.
bool is_void_tag(std::string_view name) {
  static const char* kVoid[] = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
                                "param", "source", "track", "wbr", "!doctype", "p", "li", "dt", "dd", "option",
                                "optgroup", "tr", "td", "th", "tbody", "thead", "tfoot", "colgroup", "rp", "rt",
                                "html", "head", "body", "caption"};
  for (const char* tag : kVoid)
    if (name == tag) return true;
  return false;
}

// Where the markup's nesting first exceeds `max_depth`, counting open and
// close tags roughly (void elements do not nest). The parser never sees more.
size_t depth_cut(std::string_view html, int max_depth) {
  int depth = 0;
  for (size_t i = 0; i + 1 < html.size(); ++i) {
    if (html[i] != '<') continue;
    bool closing = html[i + 1] == '/';
    size_t j = i + (closing ? 2 : 1);
    size_t start = j;
    while (j < html.size() && (std::isalnum(static_cast<unsigned char>(html[j])) || html[j] == '!')) ++j;
    if (j == start) continue;
    std::string name(html.substr(start, j - start));
    for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (name == "script" || name == "style") {
      // Skip to the end of the raw text element: its body is not markup.
      size_t end = html.find("</", j);
      if (!closing && end != std::string_view::npos) i = end - 1;
      continue;
    }
    if (is_void_tag(name)) continue;
    size_t close = html.find('>', j);
    bool self_closing = close != std::string_view::npos && close > 0 && html[close - 1] == '/';
    if (closing) {
      if (depth > 0) --depth;
    } else if (!self_closing && ++depth > max_depth) {
      return i;
    }
  }
  return std::string_view::npos;
}

bool is_block_tag(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_P: case GUMBO_TAG_DIV: case GUMBO_TAG_BR: case GUMBO_TAG_LI: case GUMBO_TAG_H1:
    case GUMBO_TAG_H2: case GUMBO_TAG_H3: case GUMBO_TAG_H4: case GUMBO_TAG_H5: case GUMBO_TAG_H6:
    case GUMBO_TAG_TR: case GUMBO_TAG_BLOCKQUOTE: case GUMBO_TAG_PRE: case GUMBO_TAG_SECTION:
    case GUMBO_TAG_ARTICLE: case GUMBO_TAG_UL: case GUMBO_TAG_OL: case GUMBO_TAG_TABLE: case GUMBO_TAG_DD:
    case GUMBO_TAG_DT: case GUMBO_TAG_FIGCAPTION: case GUMBO_TAG_HEADER: case GUMBO_TAG_FOOTER:
      return true;
    default:
      return false;
  }
}

bool starts_with_tag(std::string_view html, size_t at, std::string_view name) {
  if (at + 1 + name.size() > html.size()) return false;
  for (size_t k = 0; k < name.size(); ++k)
    if (std::tolower(static_cast<unsigned char>(html[at + 1 + k])) != name[k]) return false;
  char after = at + 1 + name.size() < html.size() ? html[at + 1 + name.size()] : '>';
  return after == '>' || after == ' ' || after == '\t' || after == '\n' || after == '\r' || after == '/';
}

// Finds the end of the raw-text element `name` that starts at `at`, returning
// the position after its closing tag (or the end of the input).
size_t end_of_element(std::string_view html, size_t at, std::string_view name) {
  std::string closing = "</" + std::string(name);
  for (size_t i = html.find("</", at); i != std::string_view::npos; i = html.find("</", i + 2)) {
    bool match = true;
    for (size_t k = 0; k < closing.size() && match; ++k)
      match = i + k < html.size() && std::tolower(static_cast<unsigned char>(html[i + k])) == closing[k];
    if (!match) continue;
    size_t end = html.find('>', i);
    return end == std::string_view::npos ? html.size() : end + 1;
  }
  return html.size();
}

// The attributes the extractor and the metadata reader look at; the rest
// (data-*, srcset, onclick, tracking ids…) is two thirds of what remains of
// a news page after scripts and styles, and the parser's time is linear in
// bytes.
bool is_used_attribute(std::string_view name) {
  static const char* kUsed[] = {"class", "id",   "href",  "content",    "property",   "name",
                                "itemprop", "datetime", "lang", "http-equiv", "charset", "rel",
                                "type",  "role", "style", "hidden",     "aria-hidden"};
  for (const char* used : kUsed)
    if (name.size() == std::strlen(used) && std::equal(name.begin(), name.end(), used, [](char a, char b) {
          return std::tolower(static_cast<unsigned char>(a)) == b;
        }))
      return true;
  return false;
}

bool is_attribute_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

// Copies the start tag at `at` ("<div class=x data-y='z'>") to `out` with the
// used attributes only, and returns the position after it; npos (nothing
// copied) when the tag is not closed before the end of the input, which the
// parser then reads as it stands.
size_t copy_start_tag(std::string_view html, size_t at, std::string& out) {
  size_t i = at + 1;
  while (i < html.size() && !is_attribute_space(html[i]) && html[i] != '>' && html[i] != '/') ++i;
  std::string tag(html.substr(at, i - at));
  std::string kept;
  bool self_closing = false;
  while (i < html.size()) {
    while (i < html.size() && (is_attribute_space(html[i]) || html[i] == '/')) self_closing = html[i++] == '/';
    if (i >= html.size()) return std::string_view::npos;
    if (html[i] == '>') {
      out += tag;
      out += kept;
      if (self_closing) out += '/';
      out += '>';
      return i + 1;
    }
    self_closing = false;
    size_t name_begin = i;
    while (i < html.size() && !is_attribute_space(html[i]) && html[i] != '>' && html[i] != '=' &&
           !(html[i] == '/' && i > name_begin))
      ++i;
    std::string_view name = html.substr(name_begin, i - name_begin);
    size_t value_end = i;
    size_t look = i;
    while (look < html.size() && is_attribute_space(html[look])) ++look;
    if (look < html.size() && html[look] == '=') {
      ++look;
      while (look < html.size() && is_attribute_space(html[look])) ++look;
      if (look >= html.size()) return std::string_view::npos;
      if (html[look] == '"' || html[look] == '\'') {
        size_t close = html.find(html[look], look + 1);
        if (close == std::string_view::npos) return std::string_view::npos;
        value_end = close + 1;
      } else {
        value_end = look;
        while (value_end < html.size() && !is_attribute_space(html[value_end]) && html[value_end] != '>') ++value_end;
      }
      i = value_end;
    }
    if (is_used_attribute(name)) {
      kept += ' ';
      kept.append(html.substr(name_begin, value_end - name_begin));
    }
  }
  return std::string_view::npos;
}

// Copies `html` without comments, scripts (except JSON-LD, which carries the
// metadata), styles, inline SVG and the attributes nothing reads: on news
// pages these are most of the bytes, none of them is text, and the parser's
// time is linear in bytes.
std::string strip_non_text(std::string_view html) {
  std::string out;
  out.reserve(html.size());
  size_t copied = 0;
  for (size_t i = html.find('<'); i != std::string_view::npos; i = html.find('<', i + 1)) {
    size_t skip_to = std::string_view::npos;
    if (html.compare(i, 4, "<!--") == 0) {
      size_t end = html.find("-->", i + 4);
      skip_to = end == std::string_view::npos ? html.size() : end + 3;
    } else if (starts_with_tag(html, i, "script")) {
      size_t tag_end = html.find('>', i);
      std::string open_tag(html.substr(i, tag_end == std::string_view::npos ? 0 : tag_end - i));
      for (char& c : open_tag) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      if (open_tag.find("ld+json") == std::string::npos) skip_to = end_of_element(html, i, "script");
    } else if (starts_with_tag(html, i, "style")) {
      skip_to = end_of_element(html, i, "style");
    } else if (starts_with_tag(html, i, "svg")) {
      skip_to = end_of_element(html, i, "svg");
    } else if (i + 1 < html.size() && std::isalpha(static_cast<unsigned char>(html[i + 1]))) {
      out.append(html.substr(copied, i - copied));
      size_t after = copy_start_tag(html, i, out);
      if (after == std::string_view::npos) {  // an unclosed tag: the rest as it stands
        copied = i;
        break;
      }
      copied = after;
      i = after - 1;
      continue;
    }
    if (skip_to == std::string_view::npos) continue;
    out.append(html.substr(copied, i - copied));
    copied = skip_to;
    i = skip_to - 1;
    if (skip_to >= html.size()) break;
  }
  if (copied < html.size()) out.append(html.substr(copied));
  return out;
}

}  // namespace

ParsedHtml::ParsedHtml(std::string_view html, int max_depth) {
  buffer_ = strip_non_text(html);
  size_t cut = depth_cut(buffer_, max_depth);
  if (cut != std::string_view::npos) {
    buffer_.resize(cut);
    truncated_ = true;
    cut_at_ = cut;
  }
  GumboOptions options = kGumboDefaultOptions;
  options.max_errors = 50;  // errors are not used; recording them costs memory
  output_ = gumbo_parse_with_options(&options, buffer_.data(), buffer_.size());
}

ParsedHtml::~ParsedHtml() {
  if (output_) gumbo_destroy_output(&kGumboDefaultOptions, output_);
}

bool is_element(const GumboNode* node) { return node && node->type == GUMBO_NODE_ELEMENT; }

GumboTag tag_of(const GumboNode* node) { return is_element(node) ? node->v.element.tag : GUMBO_TAG_UNKNOWN; }

std::string_view attribute(const GumboNode* node, const char* name) {
  if (!is_element(node)) return {};
  const GumboAttribute* found = gumbo_get_attribute(&node->v.element.attributes, name);
  return found ? std::string_view(found->value) : std::string_view();
}

const GumboVector* children_of(const GumboNode* node) {
  if (!node) return nullptr;
  if (node->type == GUMBO_NODE_ELEMENT || node->type == GUMBO_NODE_TEMPLATE) return &node->v.element.children;
  if (node->type == GUMBO_NODE_DOCUMENT) return &node->v.document.children;
  return nullptr;
}

std::vector<std::string> class_tokens(const GumboNode* node) {
  std::vector<std::string> tokens;
  for (const char* name : {"class", "id"}) {
    std::string_view value = attribute(node, name);
    std::string token;
    char previous = 0;
    for (char c : value) {
      bool separator = c == ' ' || c == '-' || c == '_' || c == '\t' || c == ':' || c == '.';
      // camelCase boundary: "articleBody" → "article", "body"
      bool camel = std::isupper(static_cast<unsigned char>(c)) && std::islower(static_cast<unsigned char>(previous));
      if ((separator || camel) && !token.empty()) {
        tokens.push_back(token);
        token.clear();
      }
      if (!separator) token.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
      previous = c;
    }
    if (!token.empty()) tokens.push_back(token);
  }
  return tokens;
}

std::string visible_text(const GumboNode* root) {
  std::string out;
  // Iterative walk: pages nest deeply and recursion depth must stay bounded.
  struct Frame {
    const GumboNode* node;
    bool closing;
  };
  std::vector<Frame> stack = {{root, false}};
  bool pending_space = false;
  auto newline = [&] {
    while (!out.empty() && out.back() == ' ') out.pop_back();
    if (!out.empty() && out.back() != '\n') out.push_back('\n');
    pending_space = false;
  };
  while (!stack.empty()) {
    Frame frame = stack.back();
    stack.pop_back();
    const GumboNode* node = frame.node;
    if (frame.closing) {
      newline();
      continue;
    }
    if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_CDATA) {
      const char* text = node->v.text.text;
      for (const char* c = text; *c; ++c) {
        if (std::isspace(static_cast<unsigned char>(*c))) {
          pending_space = true;
          continue;
        }
        if (pending_space && !out.empty() && out.back() != '\n') out.push_back(' ');
        pending_space = false;
        out.push_back(*c);
      }
      continue;
    }
    if (!is_element(node)) continue;
    GumboTag tag = tag_of(node);
    if (tag == GUMBO_TAG_SCRIPT || tag == GUMBO_TAG_STYLE || tag == GUMBO_TAG_NOSCRIPT || tag == GUMBO_TAG_TEMPLATE ||
        tag == GUMBO_TAG_SVG || tag == GUMBO_TAG_IFRAME || tag == GUMBO_TAG_BUTTON || tag == GUMBO_TAG_SELECT)
      continue;
    bool block = is_block_tag(tag);
    if (block) {
      newline();
      stack.push_back({node, true});
    }
    const GumboVector* children = children_of(node);
    for (unsigned i = children->length; i-- > 0;)
      stack.push_back({static_cast<const GumboNode*>(children->data[i]), false});
  }
  while (!out.empty() && (out.back() == ' ' || out.back() == '\n')) out.pop_back();
  return out;
}

}  // namespace storyline::ingest::html
