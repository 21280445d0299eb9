// Main-text extraction from a news page: the article's body, headline,
// byline, publication date and outlet, without navigation, share bars,
// related-story lists, comment prompts, cookie notices or footers.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "storyline/status.h"

namespace storyline::ingest {

struct HtmlExtractOptions {
  int max_depth = 512;                    // deeper nesting is cut off with a warning
  size_t max_text_bytes = 4 * 1024 * 1024;  // body text beyond this is truncated with a warning
};

struct ExtractedArticle {
  std::string title;
  std::string byline;
  std::string published;  // as found in the page (meta, JSON-LD, <time>), any common format
  std::string source;     // outlet name (og:site_name, JSON-LD publisher), if stated
  std::string url;        // canonical URL, if stated
  std::string language;   // as the page declares it ("de", "en-GB"), if it does
  std::string text;       // body: one paragraph per line, "\n" between paragraphs
};

struct ExtractedPage {
  // Usually one. A page that holds several articles (an aggregator page with
  // several <article> elements from different outlets) gives one each.
  std::vector<ExtractedArticle> articles;
  std::vector<std::string> warnings;
};

// `html` must be UTF-8 (the reader converts other charsets first). Never
// fails on broken markup: the HTML5 parser recovers as browsers do. Fails only
// when no text at all can be found.
Result<ExtractedPage> extract_html(std::string_view html, std::string_view url,
                                   const HtmlExtractOptions& options = {});

}  // namespace storyline::ingest
