#include "store/article_store.h"

#include <nlohmann/json.hpp>

namespace storyline::store {

std::vector<Migration> article_migrations() {
  return {
      {"articles", 1,
       "CREATE TABLE articles ("
       " row INTEGER PRIMARY KEY,"            // arrival order
       " id TEXT NOT NULL UNIQUE,"            // content hash: idempotent ingest
       " external_id TEXT,"
       " source TEXT, source_domain TEXT,"
       " title TEXT NOT NULL DEFAULT '', byline TEXT,"
       " published TEXT, published_inferred INTEGER NOT NULL DEFAULT 0,"
       " url TEXT, origin TEXT NOT NULL,"
       " text TEXT NOT NULL,"
       " paragraphs BLOB NOT NULL, sentences BLOB NOT NULL,"
       " warnings TEXT,"
       " ingested_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')));"
       "CREATE INDEX articles_published ON articles(published);"
       "CREATE INDEX articles_source ON articles(source);"},
      // The language of each article (NULL for articles stored before:
      // readers identify it from the text then) and the U+FFFD characters
      // its encoding left.
      {"articles", 2,
       "ALTER TABLE articles ADD COLUMN language TEXT;"
       "ALTER TABLE articles ADD COLUMN language_reliable INTEGER NOT NULL DEFAULT 0;"
       "ALTER TABLE articles ADD COLUMN language_from TEXT;"
       "ALTER TABLE articles ADD COLUMN replacement_characters INTEGER NOT NULL DEFAULT 0;"
       "CREATE INDEX articles_language ON articles(language);"},
  };
}

namespace {
void put_varint(std::string& out, uint32_t value) {
  while (value >= 0x80) {
    out.push_back(static_cast<char>((value & 0x7f) | 0x80));
    value >>= 7;
  }
  out.push_back(static_cast<char>(value));
}

bool get_varint(std::string_view bytes, size_t& position, uint32_t& value) {
  value = 0;
  for (int shift = 0; shift <= 28; shift += 7) {
    if (position >= bytes.size()) return false;
    uint8_t byte = static_cast<uint8_t>(bytes[position++]);
    value |= static_cast<uint32_t>(byte & 0x7f) << shift;
    if (!(byte & 0x80)) return true;
  }
  return false;
}
}  // namespace

std::string encode_spans(const std::vector<Span>& spans) {
  std::string out;
  out.reserve(spans.size() * 3 + 4);
  put_varint(out, static_cast<uint32_t>(spans.size()));
  uint32_t previous_end = 0;
  for (const Span& span : spans) {
    // Spans are sorted and non-overlapping, so both deltas are small and
    // non-negative.
    put_varint(out, span.begin - previous_end);
    put_varint(out, span.end - span.begin);
    previous_end = span.end;
  }
  return out;
}

Result<std::vector<Span>> decode_spans(std::string_view bytes, size_t text_size) {
  size_t position = 0;
  uint32_t count = 0;
  if (!get_varint(bytes, position, count) || count > bytes.size())
    return Status::corrupt("store: span list is damaged");
  std::vector<Span> spans;
  spans.reserve(count);
  uint32_t previous_end = 0;
  for (uint32_t i = 0; i < count; ++i) {
    uint32_t gap = 0, length = 0;
    if (!get_varint(bytes, position, gap) || !get_varint(bytes, position, length))
      return Status::corrupt("store: span list is truncated");
    Span span{previous_end + gap, previous_end + gap + length};
    if (span.end > text_size) return Status::corrupt("store: span beyond the end of the text");
    spans.push_back(span);
    previous_end = span.end;
  }
  return spans;
}

Result<ArticleStore> ArticleStore::open(Database& db) {
  ArticleStore store(db);
  auto find = db.prepare("SELECT row FROM articles WHERE id = ?1");
  if (!find) return find.status();
  store.find_row_ = std::move(*find);
  auto insert = db.prepare(
      "INSERT INTO articles(id, external_id, source, source_domain, title, byline, published,"
      " published_inferred, url, origin, text, paragraphs, sentences, warnings, language, language_reliable,"
      " language_from, replacement_characters)"
      " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18)");
  if (!insert) return insert.status();
  store.insert_ = std::move(*insert);
  const std::string columns =
      "SELECT row, id, external_id, source, source_domain, title, byline, published, published_inferred,"
      " url, origin, text, paragraphs, sentences, warnings, language, language_reliable, language_from,"
      " replacement_characters FROM articles ";
  auto by_row = db.prepare(columns + "WHERE row = ?1");
  if (!by_row) return by_row.status();
  store.load_by_row_ = std::move(*by_row);
  auto by_id = db.prepare(columns + "WHERE id = ?1");
  if (!by_id) return by_id.status();
  store.load_by_id_ = std::move(*by_id);
  return store;
}

Result<int64_t> ArticleStore::find(const std::string& id) {
  find_row_.bind(1, id);
  int64_t row = find_row_.step() ? find_row_.column_int(0) : 0;
  Status status = find_row_.status();
  find_row_.reset();
  if (!status.is_ok()) return status;
  return row;
}

Result<bool> ArticleStore::insert(Article& article) {
  auto existing = find(article.id);
  if (!existing) return existing.status();
  if (*existing != 0) {
    article.store_row = *existing;
    return false;
  }

  std::string warnings;
  if (!article.warnings.empty()) warnings = nlohmann::json(article.warnings).dump();
  insert_.bind(1, article.id)
      .bind_optional(2, article.external_id)
      .bind_optional(3, article.source)
      .bind_optional(4, article.source_domain)
      .bind(5, article.title)
      .bind_optional(6, article.byline)
      .bind_optional(7, article.published)
      .bind(8, article.published_inferred ? 1 : 0)
      .bind_optional(9, article.url)
      .bind(10, article.origin)
      .bind(11, article.text)
      .bind_blob(12, encode_spans(article.paragraphs))
      .bind_blob(13, encode_spans(article.sentences))
      .bind_optional(14, warnings)
      .bind(15, article.language)
      .bind(16, article.language_reliable ? 1 : 0)
      .bind_optional(17, article.language_from)
      .bind(18, static_cast<int64_t>(article.replacement_characters));
  if (Status status = insert_.run(); !status.is_ok()) return status;
  article.store_row = db_->last_insert_rowid();
  return true;
}

Result<std::optional<Article>> ArticleStore::load(Statement& query) {
  if (!query.step()) {
    Status status = query.status();
    query.reset();
    if (!status.is_ok()) return status;
    return std::optional<Article>();
  }
  Article article;
  article.store_row = query.column_int(0);
  article.id = query.column_text(1);
  article.external_id = query.column_text(2);
  article.source = query.column_text(3);
  article.source_domain = query.column_text(4);
  article.title = query.column_text(5);
  article.byline = query.column_text(6);
  article.published = query.column_text(7);
  article.published_inferred = query.column_int(8) != 0;
  article.url = query.column_text(9);
  article.origin = query.column_text(10);
  article.text = query.column_text(11);
  auto paragraphs = decode_spans(query.column_blob(12), article.text.size());
  auto sentences = decode_spans(query.column_blob(13), article.text.size());
  std::string warnings = query.column_text(14);
  // NULL (stored before languages were identified): "" for the reader to fill.
  article.language = query.column_text(15);
  article.language_reliable = query.column_int(16) != 0;
  article.language_from = query.column_text(17);
  article.replacement_characters = static_cast<uint32_t>(query.column_int(18));
  query.reset();
  if (!paragraphs) return paragraphs.status();
  if (!sentences) return sentences.status();
  article.paragraphs = std::move(*paragraphs);
  article.sentences = std::move(*sentences);
  if (!warnings.empty()) {
    auto parsed = nlohmann::json::parse(warnings, nullptr, false);
    if (parsed.is_array())
      for (const auto& warning : parsed)
        if (warning.is_string()) article.warnings.push_back(warning.get<std::string>());
  }
  return std::optional<Article>(std::move(article));
}

Result<std::optional<Article>> ArticleStore::load_by_row(int64_t row) {
  load_by_row_.bind(1, row);
  return load(load_by_row_);
}

Result<std::optional<Article>> ArticleStore::load_by_id(const std::string& id) {
  load_by_id_.bind(1, id);
  return load(load_by_id_);
}

Result<std::vector<int64_t>> ArticleStore::rows(int64_t after_row) {
  auto query = db_->prepare("SELECT row FROM articles WHERE row > ?1 ORDER BY row");
  if (!query) return query.status();
  query->bind(1, after_row);
  std::vector<int64_t> result;
  while (query->step()) result.push_back(query->column_int(0));
  if (!query->status().is_ok()) return query->status();
  return result;
}

Result<int64_t> ArticleStore::count() {
  auto query = db_->prepare("SELECT count(*) FROM articles");
  if (!query) return query.status();
  if (!query->step()) return query->status().is_ok() ? Status::internal("count returned no row") : query->status();
  return query->column_int(0);
}

}  // namespace storyline::store
