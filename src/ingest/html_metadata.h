// Page metadata: headline, byline, publication date, outlet and canonical
// URL from <meta> tags (Open Graph, article:*, Dublin Core, parse.ly), JSON-LD
// (schema.org NewsArticle and kin), <time datetime> and <title>.
#pragma once

#include <gumbo.h>

#include <string>

namespace storyline::ingest::html {

struct PageMetadata {
  std::string title;      // best headline
  std::string byline;
  std::string published;  // as written; the cleaner normalises it
  std::string source;
  std::string url;
  std::string json_ld_body;  // articleBody from JSON-LD, when the page gives one
  std::string language;      // <html lang>, og:locale or content-language ("de", "en-GB"), when stated
};

PageMetadata read_metadata(const GumboNode* root);

// A <title> usually ends with the site's name ("Headline | Site"): drop the
// suffix when a separator is present and what follows is short.
std::string strip_site_suffix(const std::string& title);

}  // namespace storyline::ingest::html
