// Main-text extraction. The page is reduced to text blocks (paragraphs,
// headings, list items, quotes), each with its share of link text; the
// container whose blocks carry the most prose wins, and its blocks (with
// prose-rich siblings, for bodies split by ads) are the article. Furniture is
// removed twice over: by the elements and class names that mark it (nav,
// footer, "share", "related", "cookie") before scoring, and by link density
// after. A page with several substantial <article> elements of their own
// (an aggregator) gives one article each.
#include "ingest/html_extractor.h"

#include <algorithm>
#include <unordered_map>
#include <unordered_set>

#include "core/text_util.h"
#include "ingest/html_dom.h"
#include "ingest/html_metadata.h"

namespace storyline::ingest {

namespace {

using html::attribute;
using html::children_of;
using html::class_tokens;
using html::is_element;
using html::tag_of;

struct Block {
  const GumboNode* element = nullptr;  // the block-level element holding the text
  std::string text;
  size_t link_chars = 0;
  bool heading = false;
};

// Class and id words that mark page furniture.
const std::unordered_set<std::string>& negative_words() {
  static const std::unordered_set<std::string> words = {
      "comment", "comments", "share", "sharing", "social", "related", "recommended", "recommendations",
      "promo", "newsletter", "subscribe", "subscription", "cookie", "cookies", "consent", "banner", "advert",
      "advertisement", "ad", "ads", "sponsor", "sponsored", "footer", "nav", "navigation", "menu", "breadcrumb",
      "breadcrumbs", "sidebar", "widget", "popup", "modal", "tags", "tag", "outbrain", "taboola", "popular",
      "trending", "paywall", "signup", "toolbar", "masthead", "byline", "author", "caption", "credit", "disclaimer",
      "teaser", "teasers", "more", "next", "prev", "pagination", "hidden", "print", "skip", "overlay", "login",
      "rail", "aside", "follow", "newsletters", "audio", "video", "player", "gallery", "slideshow"};
  return words;
}

const std::unordered_set<std::string>& positive_words() {
  static const std::unordered_set<std::string> words = {"article", "content", "story", "body", "entry", "post",
                                                         "main", "text", "prose", "blog", "news", "column"};
  return words;
}

bool skipped_tag(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_SCRIPT: case GUMBO_TAG_STYLE: case GUMBO_TAG_NOSCRIPT: case GUMBO_TAG_TEMPLATE:
    case GUMBO_TAG_SVG: case GUMBO_TAG_IFRAME: case GUMBO_TAG_NAV: case GUMBO_TAG_FOOTER: case GUMBO_TAG_ASIDE:
    case GUMBO_TAG_BUTTON: case GUMBO_TAG_SELECT: case GUMBO_TAG_HEADER:
    case GUMBO_TAG_FIGURE: case GUMBO_TAG_FIGCAPTION: case GUMBO_TAG_INPUT: case GUMBO_TAG_LABEL:
    case GUMBO_TAG_MENU: case GUMBO_TAG_HEAD: case GUMBO_TAG_TEXTAREA: case GUMBO_TAG_H1:
    case GUMBO_TAG_OBJECT: case GUMBO_TAG_EMBED: case GUMBO_TAG_CANVAS: case GUMBO_TAG_AUDIO: case GUMBO_TAG_VIDEO:
      return true;
    default:
      return false;
  }
}

bool block_tag(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_P: case GUMBO_TAG_DIV: case GUMBO_TAG_LI: case GUMBO_TAG_H2: case GUMBO_TAG_H3:
    case GUMBO_TAG_H4: case GUMBO_TAG_H5: case GUMBO_TAG_H6: case GUMBO_TAG_BLOCKQUOTE: case GUMBO_TAG_PRE:
    case GUMBO_TAG_SECTION: case GUMBO_TAG_ARTICLE: case GUMBO_TAG_UL: case GUMBO_TAG_OL: case GUMBO_TAG_TABLE:
    case GUMBO_TAG_TR: case GUMBO_TAG_TD: case GUMBO_TAG_DD: case GUMBO_TAG_DT: case GUMBO_TAG_MAIN:
    case GUMBO_TAG_BODY: case GUMBO_TAG_BR: case GUMBO_TAG_HR: case GUMBO_TAG_ADDRESS:
      return true;
    default:
      return false;
  }
}

bool is_heading(GumboTag tag) {
  return tag == GUMBO_TAG_H2 || tag == GUMBO_TAG_H3 || tag == GUMBO_TAG_H4 || tag == GUMBO_TAG_H5 ||
         tag == GUMBO_TAG_H6;
}

bool hidden(const GumboNode* node) {
  if (!attribute(node, "hidden").empty() || attribute(node, "aria-hidden") == "true") return true;
  std::string style = core::ascii_lower(attribute(node, "style"));
  return style.find("display:none") != std::string::npos || style.find("display: none") != std::string::npos;
}

// How much furniture a node's class/id words suggest: -1 furniture, +1
// content, 0 neither.
int class_hint(const GumboNode* node) {
  int hint = 0;
  for (const std::string& word : class_tokens(node)) {
    if (negative_words().count(word)) hint = -1;
    else if (hint == 0 && positive_words().count(word)) hint = 1;
  }
  std::string role = core::ascii_lower(attribute(node, "role"));
  if (role == "navigation" || role == "complementary" || role == "contentinfo" || role == "banner" ||
      role == "dialog" || role == "alert")
    hint = -1;
  if (role == "main" || role == "article") hint = 1;
  return hint;
}

// Flattens the subtree under `root` into text blocks, leaving out furniture.
// `protected_nodes`: ancestors of most of the page's prose, never dropped for
// their class names (a wrapper called "page sidebar-layout" can hold it all);
// nullptr: class names drop nothing.
class BlockCollector {
 public:
  explicit BlockCollector(const std::unordered_set<const GumboNode*>* protected_nodes)
      : protected_(protected_nodes) {}

  std::vector<Block> collect(const GumboNode* root) {
    struct Frame {
      const GumboNode* node;
      bool closing;
      const GumboNode* block;  // the block element this node's text belongs to
      bool in_link;
    };
    std::vector<Frame> stack = {{root, false, root, false}};
    while (!stack.empty()) {
      Frame frame = stack.back();
      stack.pop_back();
      const GumboNode* node = frame.node;
      if (frame.closing) {
        end_block();
        continue;
      }
      if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_CDATA) {
        append(frame.block, node->v.text.text, frame.in_link);
        continue;
      }
      if (!is_element(node)) continue;
      GumboTag tag = tag_of(node);
      if (skipped_tag(tag) || hidden(node)) continue;
      // Forms are search boxes and sign-ups, except on pages (ASP.NET) that
      // wrap the whole page in one.
      if (tag == GUMBO_TAG_FORM && protected_ && !protected_->count(node)) continue;
      if (protected_ && class_hint(node) < 0 && !protected_->count(node) && tag != GUMBO_TAG_BODY) continue;
      const GumboNode* block = frame.block;
      bool is_block = block_tag(tag);
      if (is_block) {
        end_block();
        block = node;
        stack.push_back({node, true, block, frame.in_link});
      }
      bool in_link = frame.in_link || tag == GUMBO_TAG_A;
      const GumboVector* children = children_of(node);
      for (unsigned i = children->length; i-- > 0;)
        stack.push_back({static_cast<const GumboNode*>(children->data[i]), false, block, in_link});
    }
    end_block();
    return std::move(blocks_);
  }

 private:
  void append(const GumboNode* block, const char* text, bool in_link) {
    if (current_.element != block) {
      end_block();
      current_.element = block;
    }
    for (const char* c = text; *c; ++c) {
      if (std::isspace(static_cast<unsigned char>(*c))) {
        pending_space_ = !current_.text.empty();
        continue;
      }
      if (pending_space_) current_.text.push_back(' ');
      pending_space_ = false;
      current_.text.push_back(*c);
      if (in_link) ++current_.link_chars;
    }
  }

  void end_block() {
    if (!current_.text.empty()) {
      current_.heading = is_heading(tag_of(current_.element));
      blocks_.push_back(std::move(current_));
    }
    current_ = Block();
    pending_space_ = false;
  }

  const std::unordered_set<const GumboNode*>* protected_;
  std::vector<Block> blocks_;
  Block current_;
  bool pending_space_ = false;
};

// Words, with scripts written without spaces (Chinese, Japanese, Thai)
// counted as one word per two characters, so that their paragraphs weigh
// like others.
size_t words_in(std::string_view text) {
  size_t words = core::count_words(text);
  size_t wide = 0;
  for (size_t i = 0; i + 2 < text.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    // Three-byte UTF-8 sequences from U+2E80 up: CJK, kana, Hangul, Thai is
    // U+0E00 (also three bytes, from 0xE0 0xB8).
    if (c >= 0xE2 && c <= 0xED && !(c == 0xE2 && static_cast<unsigned char>(text[i + 1]) < 0xBA)) ++wide, i += 2;
    else if (c == 0xE0 && (static_cast<unsigned char>(text[i + 1]) == 0xB8 || static_cast<unsigned char>(text[i + 1]) == 0xB9)) ++wide, i += 2;
  }
  return std::max(words, wide / 2);
}

double link_density(const Block& block) {
  return block.text.empty() ? 0 : static_cast<double>(block.link_chars) / block.text.size();
}

// Prose blocks: long enough, mostly not links.
bool is_prose(const Block& block) { return words_in(block.text) >= 8 && link_density(block) < 0.35; }

// Each container's score: its prose blocks' points (length, commas), shared
// with the parent and grandparent.
std::unordered_map<const GumboNode*, double> container_scores(const std::vector<Block>& blocks) {
  std::unordered_map<const GumboNode*, double> score;
  for (const Block& block : blocks) {
    if (!is_prose(block) || !block.element) continue;
    size_t commas = std::count(block.text.begin(), block.text.end(), ',');
    double points = 1.0 + std::min<double>(commas, 6) * 0.5 + std::min<double>(block.text.size() / 100.0, 4.0);
    const GumboNode* container = block.element->parent;
    double share = 1.0;
    for (int level = 0; level < 3 && container; ++level, container = container->parent) {
      score[container] += points * share;
      share = level == 0 ? 0.5 : 0.33;
    }
  }
  return score;
}

// The container with the best score, its class words weighed in.
const GumboNode* best_container(const std::unordered_map<const GumboNode*, double>& score, double& best_score) {
  const GumboNode* best = nullptr;
  best_score = 0;
  for (auto& [node, points] : score) {
    int hint = class_hint(node);
    double adjusted = points * (hint > 0 ? 1.25 : hint < 0 ? 0.6 : 1.0);
    if (adjusted > best_score) best = node, best_score = adjusted;
  }
  return best;
}

// The nodes that contain most of the prose of the page, and the container
// that scores best before any class name is trusted, with its ancestors:
// their class names must not remove them. (A body beside a big block of
// teasers holds less than 60 % of the page's prose, and its wrapper may be
// called "main-col has-sidebar".)
std::unordered_set<const GumboNode*> prose_ancestors(const GumboNode* root) {
  // Where the prose is, before any class name is trusted.
  std::vector<Block> all = BlockCollector(nullptr).collect(root);
  std::unordered_map<const GumboNode*, size_t> prose_chars;
  size_t total = 0;
  for (const Block& block : all) {
    if (!is_prose(block)) continue;
    total += block.text.size();
    for (const GumboNode* n = block.element; n; n = n->parent) prose_chars[n] += block.text.size();
  }
  std::unordered_set<const GumboNode*> result;
  for (const auto& [node, chars] : prose_chars)
    if (total > 0 && chars * 10 >= total * 6) result.insert(node);  // holds ≥ 60 % of the prose
  double best_score = 0;
  for (const GumboNode* n = best_container(container_scores(all), best_score); n; n = n->parent) result.insert(n);
  return result;
}

// Picks the blocks of the article from the blocks of a region.
std::vector<const Block*> select_article(const std::vector<Block>& blocks) {
  std::unordered_map<const GumboNode*, double> score = container_scores(blocks);
  double best_score = 0;
  const GumboNode* best = best_container(score, best_score);
  std::vector<const Block*> selected;
  if (!best) return selected;
  // Bodies split by ads or widgets continue in sibling containers: take the
  // siblings that also carry prose.
  std::unordered_set<const GumboNode*> regions = {best};
  if (best->parent)
    if (const GumboVector* siblings = children_of(best->parent))
      for (unsigned i = 0; i < siblings->length; ++i) {
        const GumboNode* sibling = static_cast<const GumboNode*>(siblings->data[i]);
        auto it = score.find(sibling);
        if (sibling != best && it != score.end() && it->second >= best_score * 0.2 && class_hint(sibling) >= 0)
          regions.insert(sibling);
      }
  auto inside = [&](const GumboNode* node) {
    for (const GumboNode* n = node; n; n = n->parent)
      if (regions.count(n)) return true;
    return false;
  };
  for (const Block& block : blocks) {
    if (!block.element || !inside(block.element)) continue;
    size_t words = words_in(block.text);
    double links = link_density(block);
    if (links > 0.5) continue;
    if (block.heading) {
      if (words <= 25) selected.push_back(&block);
      continue;
    }
    if (words < 3 && links > 0) continue;
    selected.push_back(&block);
  }
  return selected;
}

std::string join_blocks(const std::vector<const Block*>& blocks, size_t max_bytes, bool& truncated) {
  std::string text;
  for (const Block* block : blocks) {
    if (text.size() + block->text.size() + 1 > max_bytes) {
      truncated = true;
      break;
    }
    if (!text.empty()) text.push_back('\n');
    text += block->text;
  }
  return text;
}

// Substantial <article> elements not nested in one another: candidates for
// a page of several articles.
std::vector<const GumboNode*> article_elements(const GumboNode* root) {
  std::vector<const GumboNode*> found;
  std::vector<const GumboNode*> stack = {root};
  while (!stack.empty()) {
    const GumboNode* node = stack.back();
    stack.pop_back();
    if (!is_element(node)) continue;
    if (tag_of(node) == GUMBO_TAG_ARTICLE) {
      if (words_in(html::visible_text(node)) >= 120) {
        found.push_back(node);
        continue;  // nested articles belong to this one
      }
    }
    const GumboVector* children = children_of(node);
    for (unsigned i = children->length; i-- > 0;) stack.push_back(static_cast<const GumboNode*>(children->data[i]));
  }
  return found;
}

// Headline, date and outlet written inside one <article> of an aggregator page.
ExtractedArticle read_part_metadata(const GumboNode* article) {
  ExtractedArticle part;
  std::vector<const GumboNode*> stack = {article};
  while (!stack.empty()) {
    const GumboNode* node = stack.back();
    stack.pop_back();
    if (!is_element(node)) continue;
    GumboTag tag = tag_of(node);
    if ((tag == GUMBO_TAG_H1 || tag == GUMBO_TAG_H2 || tag == GUMBO_TAG_H3) && part.title.empty())
      part.title = html::visible_text(node);
    if (tag == GUMBO_TAG_TIME && part.published.empty()) {
      std::string_view datetime = attribute(node, "datetime");
      part.published = datetime.empty() ? html::visible_text(node) : std::string(datetime);
    }
    for (const std::string& word : class_tokens(node))
      if ((word == "source" || word == "outlet" || word == "publisher" || word == "provider" || word == "site") &&
          part.source.empty()) {
        std::string text = html::visible_text(node);
        if (!text.empty() && words_in(text) <= 6) part.source = text;
      }
    if (tag == GUMBO_TAG_A && part.url.empty() && core::ascii_lower(attribute(node, "rel")) == "canonical")
      part.url = std::string(attribute(node, "href"));
    const GumboVector* children = children_of(node);
    for (unsigned i = children->length; i-- > 0;) stack.push_back(static_cast<const GumboNode*>(children->data[i]));
  }
  return part;
}

}  // namespace

Result<ExtractedPage> extract_html(std::string_view source, std::string_view url, const HtmlExtractOptions& options) {
  ExtractedPage page;
  html::ParsedHtml parsed(source, options.max_depth);
  const std::string depth_cut =
      parsed.truncated() ? "HTML nested deeper than " + std::to_string(options.max_depth) +
                               " elements; the page was cut where it gets that deep (byte " +
                               std::to_string(parsed.cut_at()) + " of the page without comments and scripts)"
                         : std::string();
  if (parsed.truncated()) page.warnings.push_back(depth_cut);
  const GumboNode* root = parsed.root();
  if (!root) return Status::invalid_input("the HTML parser returned nothing");
  html::PageMetadata metadata = html::read_metadata(root);
  std::unordered_set<const GumboNode*> keep = prose_ancestors(root);

  // An aggregator page: several substantial articles of their own.
  std::vector<const GumboNode*> parts = article_elements(root);
  if (parts.size() >= 2) {
    for (const GumboNode* part_node : parts) {
      std::unordered_set<const GumboNode*> keep_part = {part_node};
      std::vector<Block> blocks = BlockCollector(&keep_part).collect(part_node);
      std::vector<const Block*> selected;
      for (const Block& block : blocks)
        if (!block.heading && link_density(block) <= 0.5) selected.push_back(&block);
      ExtractedArticle article = read_part_metadata(part_node);
      bool truncated = false;
      article.text = join_blocks(selected, options.max_text_bytes, truncated);
      // The headline is metadata, not body text.
      if (!article.title.empty() && article.text.rfind(article.title, 0) == 0)
        article.text.erase(0, std::min(article.text.size(), article.title.size() + 1));
      if (article.source.empty()) article.source = metadata.source;
      article.language = metadata.language;
      if (truncated) page.warnings.push_back("article text cut at " + std::to_string(options.max_text_bytes) + " bytes");
      if (!article.text.empty()) page.articles.push_back(std::move(article));
    }
    if (page.articles.size() >= 2) return page;
    page.articles.clear();
  }

  std::vector<Block> blocks = BlockCollector(&keep).collect(root);
  std::vector<const Block*> selected = select_article(blocks);
  // Class names dropped the body (a forum thread's posts are called
  // "comment" or "reply"): a page with readable text is never refused, so
  // choose again without trusting them. Tags (nav, aside, footer) still go.
  std::vector<Block> untrusted;
  size_t selected_words = 0;
  for (const Block* block : selected) selected_words += words_in(block->text);
  if (selected_words < 30) {
    untrusted = BlockCollector(nullptr).collect(root);
    std::vector<const Block*> again = select_article(untrusted);
    size_t again_words = 0;
    for (const Block* block : again) again_words += words_in(block->text);
    if (again_words > selected_words) selected = std::move(again);
  }
  ExtractedArticle article;
  article.title = metadata.title;
  article.byline = metadata.byline;
  article.published = metadata.published;
  article.source = metadata.source;
  article.url = metadata.url.empty() ? std::string(url) : metadata.url;
  article.language = metadata.language;
  bool truncated = false;
  article.text = join_blocks(selected, options.max_text_bytes, truncated);
  // Pages that hide the body from the markup still give it in JSON-LD.
  if (words_in(article.text) < 40 && words_in(metadata.json_ld_body) > words_in(article.text))
    article.text = metadata.json_ld_body.substr(0, options.max_text_bytes);
  if (truncated) page.warnings.push_back("article text cut at " + std::to_string(options.max_text_bytes) + " bytes");
  if (core::trim(article.text).empty())
    return Status::invalid_input(parsed.truncated() ? "no article text found above the cut: " + depth_cut
                                                    : "no article text found in the HTML");
  page.articles.push_back(std::move(article));
  return page;
}

}  // namespace storyline::ingest
