#include "ingest/html_metadata.h"

#include <nlohmann/json.hpp>

#include <vector>

#include "core/text_util.h"
#include "ingest/html_dom.h"

namespace storyline::ingest::html {

namespace {

std::string string_of(const nlohmann::json& value) {
  if (value.is_string()) return value.get<std::string>();
  if (value.is_object()) {
    auto name = value.find("name");
    if (name != value.end() && name->is_string()) return name->get<std::string>();
  }
  if (value.is_array()) {
    std::string joined;
    for (const auto& item : value) {
      std::string part = string_of(item);
      if (part.empty()) continue;
      if (!joined.empty()) joined += ", ";
      joined += part;
    }
    return joined;
  }
  return {};
}

bool is_article_type(const nlohmann::json& type) {
  auto matches = [](const std::string& name) {
    return name.find("Article") != std::string::npos || name == "BlogPosting" || name == "Report" ||
           name == "LiveBlogPosting";
  };
  if (type.is_string()) return matches(type.get<std::string>());
  if (type.is_array())
    for (const auto& t : type)
      if (t.is_string() && matches(t.get<std::string>())) return true;
  return false;
}

// Finds the article object in a JSON-LD value (top level, array or @graph).
const nlohmann::json* find_article(const nlohmann::json& value, int depth = 0) {
  if (depth > 4) return nullptr;
  if (value.is_object()) {
    auto type = value.find("@type");
    if (type != value.end() && is_article_type(*type)) return &value;
    auto graph = value.find("@graph");
    if (graph != value.end()) return find_article(*graph, depth + 1);
  } else if (value.is_array()) {
    for (const auto& item : value)
      if (const nlohmann::json* found = find_article(item, depth + 1)) return found;
  }
  return nullptr;
}

void read_json_ld(std::string_view text, PageMetadata& metadata) {
  nlohmann::json value = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (value.is_discarded()) return;
  const nlohmann::json* article = find_article(value);
  if (!article) return;
  auto take = [&](const char* key, std::string& into) {
    auto it = article->find(key);
    if (it != article->end() && into.empty()) into = string_of(*it);
  };
  take("headline", metadata.title);
  take("datePublished", metadata.published);
  take("dateCreated", metadata.published);
  take("author", metadata.byline);
  take("publisher", metadata.source);
  take("url", metadata.url);
  take("articleBody", metadata.json_ld_body);
}

// A social handle or a fragment of markup is not a publisher's name.
bool is_outlet_name(std::string_view content) {
  return content.front() != '@' && content.find_first_of("<>=\"") == std::string_view::npos;
}

}  // namespace

std::string strip_site_suffix(const std::string& title) {
  for (const char* separator : {" | ", " - ", " — ", " – ", " :: ", " · "}) {
    size_t at = title.rfind(separator);
    if (at == std::string::npos || at < 10) continue;
    std::string tail = title.substr(at + std::char_traits<char>::length(separator));
    if (core::count_words(tail) <= 5) return title.substr(0, at);
  }
  return title;
}

PageMetadata read_metadata(const GumboNode* root) {
  PageMetadata metadata;
  std::string og_title, meta_title, title_tag, h1, time_datetime, site_name, meta_date, meta_author, canonical, og_url;
  std::string html_language, meta_language;
  std::vector<const GumboNode*> stack = {root};
  while (!stack.empty()) {
    const GumboNode* node = stack.back();
    stack.pop_back();
    if (!is_element(node)) continue;
    GumboTag tag = tag_of(node);
    if (tag == GUMBO_TAG_META) {
      std::string key = core::ascii_lower(!attribute(node, "property").empty() ? attribute(node, "property")
                                          : !attribute(node, "name").empty()   ? attribute(node, "name")
                                                                               : attribute(node, "itemprop"));
      std::string content(core::trim(attribute(node, "content")));
      if (content.empty()) continue;
      if (key == "og:title" || key == "twitter:title") {
        if (og_title.empty()) og_title = content;
      } else if (key == "headline" || key == "title" || key == "dc.title" || key == "sailthru.title") {
        if (meta_title.empty()) meta_title = content;
      } else if (key == "og:site_name" || key == "application-name" || key == "publisher" ||
                 key == "dc.publisher") {
        // twitter:site is not read: it holds a handle ("@outlet",
        // "OutletWestVirginia"), and so do some og:site_name values.
        if (site_name.empty() && is_outlet_name(content)) site_name = content;
      } else if (key == "article:published_time" || key == "datepublished" || key == "pubdate" ||
                 key == "publishdate" || key == "date" || key == "dc.date" || key == "dc.date.issued" ||
                 key == "parsely-pub-date" || key == "sailthru.date" || key == "og:published_time" ||
                 key == "article.published" || key == "publish-date" || key == "release_date") {
        if (meta_date.empty()) meta_date = content;
      } else if (key == "author" || key == "article:author" || key == "dc.creator" || key == "parsely-author" ||
                 key == "sailthru.author" || key == "byl") {
        if (meta_author.empty() && content.rfind("http", 0) != 0) meta_author = content;
      } else if (key == "og:url") {
        og_url = content;
      } else if (key == "og:locale" || key == "content-language" || key == "language" || key == "dc.language") {
        if (meta_language.empty()) meta_language = content;
      }
      if (core::ascii_lower(attribute(node, "http-equiv")) == "content-language" && meta_language.empty())
        meta_language = content;
      continue;
    }
    if (tag == GUMBO_TAG_HTML && html_language.empty()) html_language = std::string(core::trim(attribute(node, "lang")));
    if (tag == GUMBO_TAG_LINK && core::ascii_lower(attribute(node, "rel")) == "canonical") {
      canonical = std::string(attribute(node, "href"));
      continue;
    }
    if (tag == GUMBO_TAG_SCRIPT) {
      if (core::ascii_lower(attribute(node, "type")) == "application/ld+json" && node->v.element.children.length > 0) {
        const GumboNode* text = static_cast<const GumboNode*>(node->v.element.children.data[0]);
        if (text->type == GUMBO_NODE_TEXT) read_json_ld(text->v.text.text, metadata);
      }
      continue;
    }
    if (tag == GUMBO_TAG_STYLE) continue;
    if (tag == GUMBO_TAG_TITLE && title_tag.empty()) title_tag = visible_text(node);
    if (tag == GUMBO_TAG_H1 && h1.empty()) h1 = visible_text(node);
    if (tag == GUMBO_TAG_TIME && time_datetime.empty()) {
      std::string_view datetime = attribute(node, "datetime");
      if (!datetime.empty()) time_datetime = std::string(datetime);
    }
    const GumboVector* children = children_of(node);
    for (unsigned i = children->length; i-- > 0;) stack.push_back(static_cast<const GumboNode*>(children->data[i]));
  }
  if (metadata.title.empty()) metadata.title = !og_title.empty() ? og_title : !meta_title.empty() ? meta_title : h1;
  if (metadata.title.empty()) metadata.title = strip_site_suffix(title_tag);
  metadata.title = std::string(core::trim(metadata.title));
  if (metadata.published.empty()) metadata.published = !meta_date.empty() ? meta_date : time_datetime;
  if (metadata.byline.empty()) metadata.byline = meta_author;
  if (metadata.source.empty()) metadata.source = site_name;
  if (metadata.url.empty()) metadata.url = !canonical.empty() ? canonical : og_url;
  metadata.language = !html_language.empty() ? html_language : meta_language;
  return metadata;
}

}  // namespace storyline::ingest::html
