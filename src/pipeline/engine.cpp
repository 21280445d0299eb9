#include "storyline/engine.h"

#include <algorithm>
#include <unordered_set>

#include "clean/cleaner.h"
#include "core/data_files.h"
#include "entities/kb_gazetteer.h"
#include "ingest/input_reader.h"
#include "nlp/annotator.h"
#include "pipeline/engine_access.h"
#include "pipeline/stage_registry.h"
#include "report/report_builder.h"
#include "segment/segmenter.h"
#include "store/article_store.h"

namespace storyline {

struct Engine::Impl {
  store::Database db;
  std::unique_ptr<store::ArticleStore> articles;
  clean::Cleaner cleaner;
  std::unique_ptr<segment::Segmenter> segmenter;
  std::unique_ptr<nlp::Annotator> annotator;  // null when EngineOptions::annotate is off
  std::vector<std::unique_ptr<pipeline::Stage>> stages;

  // The batch being filled: new articles wait here until the batch commits.
  std::vector<Article> batch;
  std::unordered_set<std::string> batch_ids;  // ids in this batch (dedup within it)

  Status flush(IngestSummary& summary, const IngestCallbacks& callbacks);
  // One transaction: the articles, then each stage's add_batch. Throws what
  // a stage throws (after rolling back); a Status is a store failure.
  Status store_batch(std::vector<Article> articles, IngestSummary& summary);
  // The stage's add_batch on the articles of the languages it covers.
  Status add_covered(pipeline::Stage& stage, std::vector<Article>& articles);
  // Runs `step` on the article; an exception names the article and `what`
  // through on_error and returns false (the article is not stored).
  template <typename Step>
  bool guarded(Article& article, std::string_view what, const IngestCallbacks& callbacks, Step&& step);
  // Segments the article, cuts it at the sentence cap and annotates it
  // (languages the models know); false when the annotation failed (reported).
  bool read_text(Article& article, const IngestOptions& options, IngestSummary& summary,
                 const IngestCallbacks& callbacks);
  // Returns false when the article could not be analysed (the error is reported).
  bool take(Article article, const IngestOptions& options, IngestSummary& summary, const IngestCallbacks& callbacks);
  // Cuts the article after `keep` sentences; returns the warning naming it.
  std::string cut_sentences(Article& article, size_t keep);
  static std::string article_label(const Article& article);
  // Cleans, segments and annotates the document's articles for
  // Engine::annotate; false when one failed (the error is reported).
  bool annotate_document(const RawDocument& document, const IngestOptions& options, IngestSummary& summary,
                         const IngestCallbacks& callbacks, const std::function<void(const Article&)>& on_article);
  // Returns false when the document gave no article (the error is reported).
  bool process(const RawDocument& document, const IngestOptions& options, IngestSummary& summary,
               const IngestCallbacks& callbacks);
};

Engine::Engine(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Engine::~Engine() = default;

Result<std::unique_ptr<Engine>> Engine::open(const EngineOptions& options) {
  auto impl = std::make_unique<Impl>();
  std::string data_dir = options.data_dir.empty() ? core::data_dir() : options.data_dir;
  auto db = store::Database::open(options.db_path, options.read_only);
  if (!db) return db.status();
  impl->db = std::move(*db);
  auto knowledge_base = entities::KnowledgeBase::load(data_dir);
  if (!knowledge_base) return knowledge_base.status();
  auto stages = pipeline::make_stages(data_dir, *knowledge_base, options.dictionaries);
  if (!stages) return stages.status();
  if (options.annotate) {
    auto annotator = nlp::Annotator::load(data_dir + "/models", data_dir,
                                          std::make_shared<entities::KbGazetteer>(*knowledge_base));
    if (!annotator) return annotator.status();
    impl->annotator = std::make_unique<nlp::Annotator>(std::move(*annotator));
  }
  for (auto& stage : *stages) {
    bool wanted = options.stages.empty() ||
                  std::find(options.stages.begin(), options.stages.end(), stage->name()) != options.stages.end();
    if (wanted) impl->stages.push_back(std::move(stage));
  }
  if (!options.read_only) {
    std::vector<store::Migration> migrations = store::article_migrations();
    for (const auto& stage : impl->stages)
      for (auto& migration : stage->migrations()) migrations.push_back(std::move(migration));
    if (Status status = store::apply_migrations(impl->db, migrations); !status.is_ok()) return status;
  }
  auto articles = store::ArticleStore::open(impl->db);
  if (!articles) return articles.status();
  impl->articles = std::make_unique<store::ArticleStore>(std::move(*articles));
  auto cleaner = clean::Cleaner::load(data_dir);
  if (!cleaner) return cleaner.status();
  impl->cleaner = std::move(*cleaner);
  auto segmenter = segment::Segmenter::create(data_dir);
  if (!segmenter) return segmenter.status();
  impl->segmenter = std::make_unique<segment::Segmenter>(std::move(*segmenter));
  for (const auto& stage : impl->stages)
    if (Status status = stage->open(impl->db); !status.is_ok()) return status;
  return std::unique_ptr<Engine>(new Engine(std::move(impl)));
}

bool Engine::Impl::take(Article article, const IngestOptions& options, IngestSummary& summary,
                        const IngestCallbacks& callbacks) {
  for (const std::string& warning : article.warnings) {
    ++summary.warnings;
    if (callbacks.on_warning) callbacks.on_warning(warning);
  }
  summary.article_ids.push_back(article.id);
  // Known already (stored earlier, or earlier in this batch): nothing to do.
  auto known = articles->find(article.id);
  if (batch_ids.count(article.id) || (known.is_ok() && *known != 0)) {
    ++summary.articles_known;
    return true;
  }
  auto warn = [&](const std::string& message) {
    ++summary.warnings;
    if (callbacks.on_warning) callbacks.on_warning(message);
  };
  if (!read_text(article, options, summary, callbacks)) {
    summary.article_ids.pop_back();
    return false;
  }
  for (const auto& stage : stages) {
    // A stage whose rules are for other languages leaves the article alone.
    if (stage->coverage(article.language) == pipeline::Coverage::kNone) continue;
    if (!guarded(article, "stage " + std::string(stage->name()), callbacks, [&] { stage->analyze(article); })) {
      summary.article_ids.pop_back();
      return false;
    }
    // Only the entities stage fills mentions: cap them before the stages
    // that read them (events, quotes) see them.
    if (options.max_mentions_per_article > 0 && article.mentions.size() > options.max_mentions_per_article) {
      warn(article_label(article) + ": " + std::to_string(article.mentions.size()) +
           " entity mentions, only the first " + std::to_string(options.max_mentions_per_article) +
           " kept (--max-mentions)");
      article.mentions.resize(options.max_mentions_per_article);
    }
  }
  batch_ids.insert(article.id);
  batch.push_back(std::move(article));
  return true;
}

bool Engine::Impl::read_text(Article& article, const IngestOptions& options, IngestSummary& summary,
                             const IngestCallbacks& callbacks) {
  segmenter->segment(article);
  if (options.max_sentences_per_article > 0 && article.sentences.size() > options.max_sentences_per_article) {
    ++summary.warnings;
    if (callbacks.on_warning) callbacks.on_warning(cut_sentences(article, options.max_sentences_per_article));
  }
  // The one annotation every later stage reads, for the languages the models know.
  if (!annotator || !nlp::Annotator::covers(article.language)) return true;
  return guarded(article, "annotation", callbacks, [&] { annotator->annotate(article); });
}

template <typename Step>
bool Engine::Impl::guarded(Article& article, std::string_view what, const IngestCallbacks& callbacks, Step&& step) {
  // A bug on one article costs that article, not the batch: it is named and
  // not stored (a half-analysed article would be), and the rest goes on.
  try {
    step();
    return true;
  } catch (const std::exception& error) {
    if (callbacks.on_error)
      callbacks.on_error(article_label(article) + ": " + std::string(what) + " failed (internal error: " +
                         error.what() + "); the article is not stored");
    return false;
  }
}

std::string Engine::Impl::article_label(const Article& article) {
  std::string label = "article " + article.id;
  if (!article.origin.empty()) label += " (" + article.origin + ")";
  return label;
}

std::string Engine::Impl::cut_sentences(Article& article, size_t keep) {
  // The text ends with the last sentence kept; segmenting it again keeps
  // paragraphs, sentences and tokens consistent with the shorter text.
  size_t sentences = article.sentences.size();
  size_t bytes = article.text.size();
  article.text.resize(article.sentences[keep - 1].end);
  segmenter->segment(article);
  // A cut can make the segmenter see a boundary differently (the text
  // shrinks at every pass); past two passes, the extra sentences go.
  for (int pass = 0; pass < 2 && article.sentences.size() > keep; ++pass) {
    article.text.resize(article.sentences[keep - 1].end);
    segmenter->segment(article);
  }
  if (article.sentences.size() > keep) article.sentences.resize(keep);
  return article_label(article) + ": " + std::to_string(sentences) + " sentences, cut after " +
         std::to_string(keep) + " (" + std::to_string(bytes - article.text.size()) +
         " bytes not analysed or stored; --max-sentences)";
}

bool Engine::Impl::process(const RawDocument& document, const IngestOptions& options, IngestSummary& summary,
                           const IngestCallbacks& callbacks) {
  ++summary.documents;
  clean::CleanOptions clean_options;
  clean_options.max_article_bytes = options.max_article_bytes;
  clean_options.max_html_depth = options.max_html_depth;
  auto cleaned = cleaner.clean(document, clean_options);
  if (!cleaned) {
    if (callbacks.on_error) callbacks.on_error(cleaned.status().message());
    return false;
  }
  bool all_taken = true;
  for (Article& article : *cleaned) all_taken &= take(std::move(article), options, summary, callbacks);
  return all_taken;
}

Status Engine::Impl::add_covered(pipeline::Stage& stage, std::vector<Article>& articles) {
  auto covered = [&](const Article& article) {
    return stage.coverage(article.language) != pipeline::Coverage::kNone;
  };
  if (std::all_of(articles.begin(), articles.end(), covered)) return stage.add_batch(db, articles);
  // The stage sees only its languages' articles, in arrival order; they come
  // back to their places with what the stage added to them.
  std::vector<size_t> places;
  std::vector<Article> subset;
  for (size_t i = 0; i < articles.size(); ++i)
    if (covered(articles[i])) places.push_back(i), subset.push_back(std::move(articles[i]));
  Status status = Status::ok();
  try {
    if (!subset.empty()) status = stage.add_batch(db, subset);
  } catch (...) {
    for (size_t k = 0; k < places.size(); ++k) articles[places[k]] = std::move(subset[k]);
    throw;
  }
  for (size_t k = 0; k < places.size(); ++k) articles[places[k]] = std::move(subset[k]);
  return status;
}

Status Engine::Impl::store_batch(std::vector<Article> articles, IngestSummary& summary) {
  Status status;
  size_t known = 0;
  try {
    store::Transaction transaction(db);
    status = transaction.begin_status();
    // Another process may have stored some of these articles since we
    // looked (two ingests of overlapping inputs): only the ones this
    // transaction really inserts go on to the stages.
    std::vector<Article> inserted_articles;
    for (size_t i = 0; status.is_ok() && i < articles.size(); ++i) {
      auto inserted = this->articles->insert(articles[i]);
      if (!inserted) status = inserted.status();
      else if (*inserted) inserted_articles.push_back(std::move(articles[i]));
      else ++known;
    }
    for (size_t i = 0; status.is_ok() && i < stages.size(); ++i) status = add_covered(*stages[i], inserted_articles);
    if (status.is_ok()) status = transaction.commit();
    if (status.is_ok()) {
      summary.articles_known += known;
      summary.articles_new += inserted_articles.size();
    }
  } catch (...) {
    // The transaction rolled back as it went out of scope.
    for (const auto& stage : stages) stage->rollback(db);
    throw;
  }
  if (!status.is_ok()) {
    for (const auto& stage : stages) stage->rollback(db);
    return Status::error(status.code(), "store: the batch was not stored (the store is as before it): " +
                                            status.message());
  }
  return Status::ok();
}

Status Engine::Impl::flush(IngestSummary& summary, const IngestCallbacks& callbacks) {
  if (batch.empty()) return Status::ok();
  std::vector<Article> articles = std::move(batch);
  batch.clear();
  batch_ids.clear();
  // A stage that throws on the batch (an internal error, not the store's)
  // must not cost the other articles: the batch rolls back and each of its
  // articles is stored on its own, so only the one that fails is left out,
  // named. A copy is kept for that, since the stages change the articles.
  std::vector<Article> copy = articles;
  try {
    return store_batch(std::move(articles), summary);
  } catch (const std::exception& error) {
    if (copy.size() == 1) {
      if (callbacks.on_error)
        callbacks.on_error(article_label(copy[0]) + ": not stored (internal error while storing it: " + error.what() + ")");
      ++summary.failed_inputs;
      auto id = std::find(summary.article_ids.begin(), summary.article_ids.end(), copy[0].id);
      if (id != summary.article_ids.end()) summary.article_ids.erase(id);
      return Status::ok();
    }
  }
  for (Article& article : copy) {
    batch_ids.insert(article.id);
    batch.push_back(std::move(article));
    if (Status status = flush(summary, callbacks); !status.is_ok()) return status;
  }
  return Status::ok();
}

Result<IngestSummary> Engine::ingest(const std::vector<std::string>& paths, const IngestOptions& options,
                                     const IngestCallbacks& callbacks) {
  IngestSummary summary;
  ingest::ReadLimits limits;
  limits.max_file_bytes = options.max_input_bytes;
  limits.max_record_bytes = options.max_input_bytes;
  Status store_status;
  std::vector<std::string> files = ingest::expand_paths(paths, [&](const ingest::InputError& error) {
    ++summary.failed_inputs;
    if (callbacks.on_error) callbacks.on_error(error.to_string());
  });
  IngestProgress progress;
  progress.inputs_total = files.size();
  for (const std::string& file : files) {
    if (!store_status.is_ok()) break;
    bool failed = false;
    ingest::ReadSummary read = ingest::read_inputs(
        {file}, limits,
        [&](RawDocument&& document) {
          if (!store_status.is_ok()) return;
          if (!impl_->process(document, options, summary, callbacks)) failed = true, ++progress.errors;
          if (impl_->batch.size() >= options.batch_size) store_status = impl_->flush(summary, callbacks);
          progress.articles = summary.articles_new + summary.articles_known + impl_->batch.size();
          if (callbacks.on_progress) callbacks.on_progress(progress);
        },
        [&](const ingest::InputError& error) {
          failed = true;
          ++progress.errors;
          if (callbacks.on_error) callbacks.on_error(error.to_string());
        });
    summary.inputs += read.inputs;
    if (failed) ++summary.failed_inputs;
    progress.inputs_done++;
    progress.articles = summary.articles_new + summary.articles_known + impl_->batch.size();
    progress.bytes += read.bytes;
    if (callbacks.on_progress) callbacks.on_progress(progress);
  }
  if (store_status.is_ok()) store_status = impl_->flush(summary, callbacks);
  if (!store_status.is_ok()) return store_status;
  return summary;
}

Result<IngestSummary> Engine::ingest_documents(std::vector<RawDocument> documents, const IngestOptions& options,
                                               const IngestCallbacks& callbacks) {
  IngestSummary summary;
  for (const RawDocument& document : documents) {
    if (!impl_->process(document, options, summary, callbacks)) ++summary.failed_inputs;
    if (impl_->batch.size() >= options.batch_size)
      if (Status status = impl_->flush(summary, callbacks); !status.is_ok()) return status;
  }
  if (Status status = impl_->flush(summary, callbacks); !status.is_ok()) return status;
  return summary;
}

Result<IngestSummary> Engine::annotate(const std::vector<std::string>& paths, const IngestOptions& options,
                                       const std::function<void(const Article&)>& on_article,
                                       const IngestCallbacks& callbacks) {
  IngestSummary summary;
  ingest::ReadLimits limits;
  limits.max_file_bytes = options.max_input_bytes;
  limits.max_record_bytes = options.max_input_bytes;
  std::vector<std::string> files = ingest::expand_paths(paths, [&](const ingest::InputError& error) {
    ++summary.failed_inputs;
    if (callbacks.on_error) callbacks.on_error(error.to_string());
  });
  for (const std::string& file : files) {
    bool failed = false;
    ingest::ReadSummary read = ingest::read_inputs(
        {file}, limits,
        [&](RawDocument&& document) {
          if (!impl_->annotate_document(document, options, summary, callbacks, on_article)) failed = true;
        },
        [&](const ingest::InputError& error) {
          failed = true;
          if (callbacks.on_error) callbacks.on_error(error.to_string());
        });
    summary.inputs += read.inputs;
    if (failed) ++summary.failed_inputs;
  }
  return summary;
}

Result<IngestSummary> Engine::annotate_documents(std::vector<RawDocument> documents, const IngestOptions& options,
                                                 const std::function<void(const Article&)>& on_article,
                                                 const IngestCallbacks& callbacks) {
  IngestSummary summary;
  for (const RawDocument& document : documents)
    if (!impl_->annotate_document(document, options, summary, callbacks, on_article)) ++summary.failed_inputs;
  return summary;
}

bool Engine::Impl::annotate_document(const RawDocument& document, const IngestOptions& options,
                                     IngestSummary& summary, const IngestCallbacks& callbacks,
                                     const std::function<void(const Article&)>& on_article) {
  ++summary.documents;
  clean::CleanOptions clean_options;
  clean_options.max_article_bytes = options.max_article_bytes;
  clean_options.max_html_depth = options.max_html_depth;
  auto cleaned = cleaner.clean(document, clean_options);
  if (!cleaned) {
    if (callbacks.on_error) callbacks.on_error(cleaned.status().message());
    return false;
  }
  bool all_read = true;
  for (Article& article : *cleaned) {
    for (const std::string& warning : article.warnings) {
      ++summary.warnings;
      if (callbacks.on_warning) callbacks.on_warning(warning);
    }
    if (!read_text(article, options, summary, callbacks)) {
      all_read = false;
      continue;
    }
    summary.article_ids.push_back(article.id);
    on_article(article);
  }
  return all_read;
}

Result<std::string> Engine::report(const std::vector<std::string>& article_ids, ReportFormat format,
                                   std::vector<std::string>* problems) {
  pipeline::ReportScope scope;
  scope.db = &impl_->db;
  if (article_ids.empty()) {
    auto rows = impl_->articles->rows();
    if (!rows) return rows.status();
    scope.article_rows = std::move(*rows);
  } else {
    for (const std::string& id : article_ids) {
      auto found = impl_->articles->find(id);
      if (!found) return found.status();
      int64_t row = *found;
      if (row == 0) continue;
      if (std::find(scope.article_rows.begin(), scope.article_rows.end(), row) != scope.article_rows.end()) continue;
      scope.article_rows.push_back(row);
      scope.article_ids.push_back(id);
    }
  }
  auto json = report::build_report(scope, impl_->stages, problems);
  if (!json) return json.status();
  if (format == ReportFormat::kJson) return json->dump(2);
  return report::render_text(*json,
                             format == ReportFormat::kMarkdown ? report::BriefFormat::kMarkdown
                             : format == ReportFormat::kHtml   ? report::BriefFormat::kHtml
                                                               : report::BriefFormat::kText,
                             problems);
}

}  // namespace storyline

namespace storyline::pipeline {

store::Database& engine_database(Engine& engine) { return engine.impl().db; }
const std::vector<std::unique_ptr<Stage>>& engine_stages(Engine& engine) { return engine.impl().stages; }
Stage* engine_stage(Engine& engine, std::string_view name) {
  for (const auto& stage : engine.impl().stages)
    if (stage->name() == name) return stage.get();
  return nullptr;
}

Status engine_add_stage(Engine& engine, std::unique_ptr<Stage> stage) {
  if (Status status = stage->open(engine.impl().db); !status.is_ok()) return status;
  engine.impl().stages.push_back(std::move(stage));
  return Status::ok();
}

}  // namespace storyline::pipeline
