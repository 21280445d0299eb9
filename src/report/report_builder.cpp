#include "report/report_builder.h"

#include <map>

#include "clean/language_id.h"
#include "core/text_util.h"
#include "dates/anchor.h"
#include "store/article_store.h"

namespace storyline::report {

namespace {
nlohmann::json null_if_empty(const std::string& value) {
  return value.empty() ? nlohmann::json(nullptr) : nlohmann::json(value);
}

nlohmann::json spans_json(const std::vector<Span>& spans, const core::CodePointIndex& index) {
  nlohmann::json out = nlohmann::json::array();
  for (const Span& span : spans) out.push_back({index.at(span.begin), index.at(span.end)});
  return out;
}
}  // namespace

nlohmann::json article_json(const Article& article) {
  core::CodePointIndex index(article.text);
  nlohmann::json json = {
      {"id", article.id},
      {"source", null_if_empty(article.source)},
      {"source_domain", null_if_empty(article.source_domain)},
      {"title", article.title},
      {"byline", null_if_empty(article.byline)},
      {"published", null_if_empty(article.published)},
      {"published_inferred", article.published_inferred},
      // Where the date comes from: the article, or a crawler's fetch time.
      {"published_from", article.published.empty()          ? nlohmann::json(nullptr)
                         : article.published_inferred ? nlohmann::json("crawl")
                                                      : nlohmann::json("article")},
      {"url", null_if_empty(article.url)},
      {"origin", article.origin},
      {"text", article.text},
      {"paragraphs", spans_json(article.paragraphs, index)},
      {"sentences", spans_json(article.sentences, index)},
      {"warnings", article.warnings},
      {"language", article.language},
      {"language_reliable", article.language_reliable},
      {"language_from", null_if_empty(article.language_from)},
      {"replacement_characters", article.replacement_characters},
  };
  if (!article.external_id.empty()) json["external_id"] = article.external_id;
  return json;
}

Result<nlohmann::json> build_report(const pipeline::ReportScope& scope,
                                    const std::vector<std::unique_ptr<pipeline::Stage>>& stages,
                                    std::vector<std::string>* problems) {
  nlohmann::json report = {
      {"articles", nlohmann::json::array()}, {"stories", nlohmann::json::array()},
      {"entities", nlohmann::json::array()}, {"events", nlohmann::json::array()},
      {"quotes", nlohmann::json::array()},   {"claims", nlohmann::json::array()},
  };
  auto articles = store::ArticleStore::open(*scope.db);
  if (!articles) return articles.status();
  for (int64_t row : scope.article_rows) {
    auto article = articles->load_by_row(row);
    if (!article) return article.status();
    if (!article->has_value()) continue;
    Article& stored = **article;
    // Stored before languages were identified: identify it now.
    if (stored.language.empty()) {
      clean::LanguageGuess guess = clean::identify_language(stored.title, stored.text, "");
      stored.language = guess.code;
      stored.language_reliable = guess.reliable;
      stored.language_from = guess.from;
    }
    nlohmann::json json = article_json(stored);
    // Which stages analysed it, by its language.
    json["stages"] = nlohmann::json::object();
    for (const auto& stage : stages)
      json["stages"][std::string(stage->name())] = pipeline::coverage_name(stage->coverage(stored.language));
    // An article that states no date is shown with the one its story or its
    // text implies (dates/anchor.h), marked as inferred and from what; the
    // stored article keeps what it stated.
    if ((*article)->published.empty()) {
      auto anchor = dates::anchor_for(*scope.db, **article);
      if (!anchor) return anchor.status();
      if (!anchor->day.empty()) {
        json["published"] = anchor->day;
        json["published_inferred"] = true;
        json["published_from"] = anchor->source;
      }
    }
    report["articles"].push_back(std::move(json));
  }
  for (const auto& stage : stages) {
    // What the stage had appended when it threw goes with it (the report is
    // large: the sizes of its arrays are the snapshot, not a copy).
    std::map<std::string, size_t> sizes;
    for (auto& [key, value] : report.items()) sizes[key] = value.is_array() ? value.size() : 0;
    try {
      if (Status status = stage->report(scope, report); !status.is_ok()) return status;
    } catch (const std::exception& error) {
      if (!problems) throw;  // no one to tell: the caller handles it
      for (auto it = report.begin(); it != report.end();) {
        auto known = sizes.find(it.key());
        if (known == sizes.end()) {
          it = report.erase(it);
          continue;
        }
        if (it->is_array() && it->size() > known->second) it->get_ref<nlohmann::json::array_t&>().resize(known->second);
        ++it;
      }
      problems->push_back("stage " + std::string(stage->name()) + ": its part of the report could not be built (internal error: " +
                            error.what() + ")");
    }
  }
  return report;
}

}  // namespace storyline::report
