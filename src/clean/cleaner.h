// From what a reader found to clean articles: valid UTF-8 in NFC, main text
// only (HTML extraction), furniture dropped, metadata marks turned into
// fields, a page of several articles split into one article each, and a
// stable id per article.
#pragma once

#include <string>
#include <vector>

#include "clean/line_classifier.h"
#include "clean/outlets.h"
#include "storyline/document.h"
#include "storyline/status.h"

namespace storyline::clean {

struct CleanOptions {
  size_t max_article_bytes = 1u << 20;  // longer bodies are cut at a paragraph, with a warning
  int max_html_depth = 512;
};

class Cleaner {
 public:
  // Loads data/boilerplate.txt and data/outlets.tsv from `data_dir`.
  static Result<Cleaner> load(const std::string& data_dir);

  // One document in, zero or more articles out. Fails (with a message that
  // names the origin) only when no article text is left.
  Result<std::vector<Article>> clean(const RawDocument& document, const CleanOptions& options = {}) const;

  const OutletDirectory& outlets() const { return outlets_; }

 private:
  LineClassifier lines_;
  OutletDirectory outlets_;
};

// The id of an article: a hash of its outlet, headline and text.
std::string article_id(const Article& article);

}  // namespace storyline::clean
