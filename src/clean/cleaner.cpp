#include "clean/cleaner.h"

#include <algorithm>

#include "clean/language_id.h"
#include "clean/page_splitter.h"
#include "clean/publication_date.h"
#include "clean/text_normalizer.h"
#include "core/text_util.h"
#include "ingest/html_extractor.h"

namespace storyline::clean {

namespace {

// One article's worth of text with what its container said about it.
struct Candidate {
  std::string title, byline, published, source, url, language;
  std::string text;
};

// Plain text wrapped at a fixed width ("hard-wrapped" e-mail or wire copy)
// has paragraphs separated by blank lines and short lines within them; join
// those lines so that one paragraph is one line.
std::string unwrap_paragraphs(const std::string& text) {
  std::vector<std::string_view> lines = core::split(text, '\n');
  size_t blank = 0, long_lines = 0, nonblank = 0, continued = 0;
  for (size_t i = 0; i < lines.size(); ++i) {
    if (core::trim(lines[i]).empty()) {
      ++blank;
      continue;
    }
    ++nonblank;
    if (lines[i].size() > 100) ++long_lines;
    if (i + 1 < lines.size() && !core::trim(lines[i + 1]).empty()) ++continued;
  }
  bool wrapped = blank >= 2 && nonblank >= 6 && long_lines * 10 < nonblank && continued * 2 > nonblank;
  if (!wrapped) return text;
  std::string out;
  out.reserve(text.size());
  bool in_paragraph = false;
  for (std::string_view line : lines) {
    std::string_view trimmed = core::trim(line);
    if (trimmed.empty()) {
      if (in_paragraph) out.push_back('\n');
      in_paragraph = false;
      continue;
    }
    if (in_paragraph) out.push_back(' ');
    out.append(trimmed);
    in_paragraph = true;
  }
  return out;
}

std::string host_of_url(const std::string& url) { return url.empty() ? std::string() : OutletDirectory::host_of(url); }

}  // namespace

std::string article_id(const Article& article) {
  std::string key = core::ascii_lower(article.source);
  key += '\x1f';
  key += article.title;
  key += '\x1f';
  key += article.text;
  return core::hex64(core::hash64(key));
}

Result<Cleaner> Cleaner::load(const std::string& data_dir) {
  Cleaner cleaner;
  auto outlets = OutletDirectory::load(data_dir + "/outlets.tsv");
  if (!outlets) return outlets.status();
  cleaner.outlets_ = std::move(*outlets);
  auto lines = LineClassifier::load(data_dir + "/boilerplate.txt", cleaner.outlets_);
  if (!lines) return lines.status();
  cleaner.lines_ = std::move(*lines);
  return cleaner;
}

Result<std::vector<Article>> Cleaner::clean(const RawDocument& document, const CleanOptions& options) const {
  std::vector<std::string> warnings;
  size_t repairs = 0;
  std::vector<size_t> bad_offsets;
  std::string body = repair_utf8(document.body, repairs, &bad_offsets);
  if (repairs > 0) {
    std::string where;
    for (size_t offset : bad_offsets) where += (where.empty() ? "" : ", ") + std::to_string(offset);
    warnings.push_back(document.origin + ": " + std::to_string(repairs) +
                       " invalid UTF-8 byte(s) replaced with U+FFFD (at byte " + where +
                       (repairs > bad_offsets.size() ? ", ..." : "") + ")");
  }

  std::vector<Candidate> candidates;
  if (document.format == RawDocument::Format::kHtml) {
    ingest::HtmlExtractOptions html_options;
    html_options.max_depth = options.max_html_depth;
    html_options.max_text_bytes = options.max_article_bytes * 4;
    auto page = ingest::extract_html(body, document.url, html_options);
    if (!page) return Status::invalid_input(document.origin + ": " + page.status().message());
    for (const std::string& warning : page->warnings) warnings.push_back(document.origin + ": " + warning);
    for (auto& extracted : page->articles) {
      Candidate candidate;
      candidate.title = extracted.title;
      candidate.byline = extracted.byline;
      candidate.published = extracted.published;
      candidate.source = extracted.source;
      candidate.url = extracted.url;
      candidate.language = extracted.language;
      candidate.text = std::move(extracted.text);
      candidates.push_back(std::move(candidate));
    }
  } else {
    Candidate candidate;
    candidate.text = std::move(body);
    candidates.push_back(std::move(candidate));
  }

  std::vector<Article> articles;
  for (Candidate& candidate : candidates) {
    std::string text = normalize_whitespace(to_nfc(unwrap_paragraphs(candidate.text)));
    std::vector<ClassifiedLine> lines;
    for (std::string_view line : core::split(text, '\n')) {
      ClassifiedLine classified;
      classified.text = std::string(core::trim(line));
      classified.cls = lines_.classify(classified.text);
      lines.push_back(std::move(classified));
    }
    std::string known_title = !document.title.empty() ? document.title : candidate.title;
    known_title = normalize_whitespace(to_nfc(known_title));
    bool headline_first = known_title.empty() && document.format == RawDocument::Format::kText;
    std::vector<PagePart> parts = split_page(lines, headline_first);

    for (size_t p = 0; p < parts.size(); ++p) {
      const PagePart& part = parts[p];
      Article article;
      article.origin = document.origin;
      if (parts.size() > 1 || candidates.size() > 1)
        article.origin += "#article " + std::to_string(articles.size() + 1);
      article.external_id = document.external_id;
      article.url = !candidate.url.empty() ? candidate.url : document.url;
      article.warnings = warnings;

      // The part's own marks win on a page of several articles; otherwise
      // metadata from the feed or the page comes first.
      bool own_marks = parts.size() > 1;
      article.title = own_marks && !part.headline.empty() ? part.headline
                      : !known_title.empty()               ? known_title
                                                           : part.headline;
      std::string outlet_written = own_marks && !part.outlet.empty() ? part.outlet
                                   : !document.source.empty()        ? document.source
                                   : !candidate.source.empty()       ? candidate.source
                                                                     : part.outlet;
      std::string host = host_of_url(article.url);
      if (outlet_written.empty() && !host.empty()) {
        outlet_written = outlets_.name_for_host(host);
        if (outlet_written.empty()) outlet_written = host;
      }
      article.source = outlets_.canonical_name(outlet_written);
      article.source_domain = !host.empty() && !own_marks ? host : outlets_.domain_for(outlet_written);
      article.byline = !candidate.byline.empty() && !own_marks ? candidate.byline : part.byline;

      std::optional<std::string> published;
      if (own_marks && part.date) published = part.date->iso();
      if (!published && !document.published.empty()) published = parse_publication_date(document.published);
      if (!published && !candidate.published.empty()) published = parse_publication_date(candidate.published);
      if (!published && part.date) published = part.date->iso();
      if (!published && !document.fetched.empty()) {
        // A crawler's fetch time bounds the publication date from above; it
        // is a guess, so it is marked as inferred.
        published = parse_publication_date(document.fetched);
        if (published) {
          published = published->substr(0, 10);
          article.published_inferred = true;
        }
      }
      if (published) article.published = *published;

      // Body: one paragraph per line, cut at a paragraph past the cap.
      for (size_t index : part.body) {
        std::string_view line = lines[index].text;
        bool over = article.text.size() + line.size() + 1 > options.max_article_bytes;
        if (over && article.text.empty()) {
          // One enormous paragraph: keep its head, cut at a character boundary.
          size_t cut = options.max_article_bytes;
          while (cut > 0 && (static_cast<unsigned char>(line[cut]) & 0xC0) == 0x80) --cut;
          line = line.substr(0, cut);
        }
        if (over) {
          article.warnings.push_back(document.origin + ": article text cut at " +
                                     std::to_string(std::max(article.text.size(), line.size())) + " bytes (limit " +
                                     std::to_string(options.max_article_bytes) + ", --max-article-kb)");
          if (!article.text.empty()) break;
          article.text.append(line);
          break;
        }
        if (!article.text.empty()) article.text.push_back('\n');
        article.text += line;
      }
      if (article.text.empty()) continue;
      // What the input's encoding could not give (or invalid UTF-8 repaired).
      for (size_t at = article.text.find("\xEF\xBF\xBD"); at != std::string::npos;
           at = article.text.find("\xEF\xBF\xBD", at + 3))
        ++article.replacement_characters;
      LanguageGuess language = identify_language(
          article.title, article.text, !document.language.empty() ? document.language : candidate.language);
      article.language = language.code;
      article.language_reliable = language.reliable;
      article.language_from = language.from;
      article.id = article_id(article);
      articles.push_back(std::move(article));
    }
  }
  if (articles.empty()) return Status::invalid_input(document.origin + ": no article text found");
  return articles;
}

}  // namespace storyline::clean
