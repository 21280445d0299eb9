#include "quotes/quotes_stage.h"

#include <optional>

#include "core/text_util.h"

namespace storyline::quotes {

namespace {

nlohmann::json speaker_json(const std::string& name, int64_t entity) {
  return {{"entity", entity ? nlohmann::json("entity-" + std::to_string(entity)) : nlohmann::json(nullptr)},
          {"name", name.empty() ? nlohmann::json(nullptr) : nlohmann::json(name)}};
}

nlohmann::json cue_json(const std::string& cue) { return cue.empty() ? nlohmann::json(nullptr) : nlohmann::json(cue); }

}  // namespace

Result<std::unique_ptr<QuotesStage>> QuotesStage::create(const std::string& data_dir) {
  auto finder = QuoteFinder::create(data_dir);
  if (!finder) return finder.status();
  return std::unique_ptr<QuotesStage>(new QuotesStage(std::move(*finder)));
}

std::vector<store::Migration> QuotesStage::migrations() const {
  return {{"quotes", 1,
           "CREATE TABLE quotes (id INTEGER PRIMARY KEY,"
           " article_row INTEGER NOT NULL REFERENCES articles(row), position INTEGER NOT NULL,"
           " speaker TEXT, speaker_entity INTEGER, cue TEXT, direct INTEGER NOT NULL,"
           " text TEXT NOT NULL, begin INTEGER NOT NULL, end INTEGER NOT NULL, via TEXT NOT NULL,"
           " UNIQUE(article_row, position));"
           "CREATE INDEX quotes_speaker_entity ON quotes(speaker_entity);"}};
}

nlohmann::json quote_json(const FoundQuote& quote, const Article& article) {
  core::CodePointIndex index(article.text);
  return {{"speaker", speaker_json(quote.speaker, quote.entity_id)},
          {"text", std::string(slice(article.text, quote.text))},
          {"direct", quote.direct},
          {"cue", cue_json(quote.cue_word)},
          {"via", quote.via},
          {"article", article.id},
          {"span", {index.at(quote.text.begin), index.at(quote.text.end)}}};
}

Status QuotesStage::add_batch(store::Database& db, std::vector<Article>& articles) {
  auto insert = db.prepare(
      "INSERT OR REPLACE INTO quotes(article_row, position, speaker, speaker_entity, cue, direct, text, begin, end, via)"
      " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)");
  if (!insert) return insert.status();
  for (const Article& article : articles) {
    std::vector<FoundQuote> found = finder_.find(article);
    if (found.empty()) continue;
    core::CodePointIndex index(article.text);
    for (size_t i = 0; i < found.size(); ++i) {
      const FoundQuote& q = found[i];
      insert->bind(1, article.store_row).bind(2, static_cast<int64_t>(i)).bind_optional(3, q.speaker);
      if (q.entity_id) insert->bind(4, q.entity_id);
      else insert->bind_null(4);
      insert->bind_optional(5, q.cue_word)
          .bind(6, q.direct ? 1 : 0)
          .bind(7, slice(article.text, q.text))
          .bind(8, static_cast<int64_t>(index.at(q.text.begin)))
          .bind(9, static_cast<int64_t>(index.at(q.text.end)))
          .bind(10, nlohmann::json(q.via).dump());
      if (Status status = insert->run(); !status.is_ok()) return status;
    }
  }
  return Status::ok();
}

Status QuotesStage::report(const pipeline::ReportScope& scope, nlohmann::json& report) {
  auto query = scope.db->prepare(
      "SELECT speaker, speaker_entity, cue, direct, text, begin, end, via FROM quotes"
      " WHERE article_row = ?1 ORDER BY position");
  if (!query) return query.status();
  // A speaker resolved to an entity is shown by the entity's canonical name
  // ("Ms. Lund" → "Kari Lund"); the statement exists only when the entities
  // stage ran (speaker_entity is set only then).
  std::optional<store::Statement> entity_name;
  auto speaker_name = [&](const std::string& written, int64_t entity) -> std::string {
    if (entity == 0) return written;
    if (!entity_name) {
      auto prepared = scope.db->prepare("SELECT name FROM entities WHERE id = ?1");
      if (!prepared) return written;
      entity_name.emplace(std::move(*prepared));
    }
    entity_name->reset();
    entity_name->bind(1, entity);
    return entity_name->step() ? entity_name->column_text(0) : written;
  };
  for (size_t a = 0; a < scope.article_rows.size(); ++a) {
    query->reset();
    query->bind(1, scope.article_rows[a]);
    while (query->step()) {
      nlohmann::json via = nlohmann::json::parse(query->column_text(7), nullptr, false);
      if (via.is_discarded()) return Status::corrupt("quotes: via of a quote of article row " +
                                                     std::to_string(scope.article_rows[a]) + " is not JSON");
      int64_t entity = query->column_int(1);
      report["quotes"].push_back({{"speaker", speaker_json(speaker_name(query->column_text(0), entity), entity)},
                                  {"text", query->column_text(4)},
                                  {"direct", query->column_int(3) != 0},
                                  {"cue", cue_json(query->column_text(2))},
                                  {"via", via},
                                  {"article", a < scope.article_ids.size() ? scope.article_ids[a] : ""},
                                  {"span", {query->column_int(5), query->column_int(6)}}});
    }
    if (!query->status().is_ok()) return query->status();
  }
  return Status::ok();
}

}  // namespace storyline::quotes
