#include "store/article_store.h"

#include <gtest/gtest.h>

namespace storyline::store {
namespace {

Database open_memory_store() {
  auto db = Database::open(":memory:");
  EXPECT_TRUE(db.is_ok()) << db.status().message();
  EXPECT_TRUE(apply_migrations(*db, article_migrations()).is_ok());
  return std::move(*db);
}

Article sample_article(const std::string& id) {
  Article article;
  article.id = id;
  article.source = "The Harbour Ledger";
  article.title = "Ferry line reopens";
  article.published = "2026-03-02";
  article.origin = "examples/ledger.txt";
  article.text = "First sentence. Second one.\n\nNext paragraph.";
  article.paragraphs = {{0, 27}, {29, 44}};
  article.sentences = {{0, 15}, {16, 27}, {29, 44}};
  article.warnings = {"examples/ledger.txt: byte 3: invalid UTF-8 replaced"};
  return article;
}

TEST(SpanCodec, RoundTripsSortedSpans) {
  std::vector<Span> spans = {{0, 5}, {6, 300}, {300, 301}, {70000, 70010}};
  auto decoded = decode_spans(encode_spans(spans), 80000);
  ASSERT_TRUE(decoded.is_ok());
  EXPECT_EQ(*decoded, spans);
}

TEST(SpanCodec, RejectsSpansBeyondText) {
  auto decoded = decode_spans(encode_spans({{0, 50}}), 10);
  EXPECT_FALSE(decoded.is_ok());
  EXPECT_EQ(decoded.status().code(), StatusCode::kCorrupt);
}

TEST(SpanCodec, RejectsTruncatedBytes) {
  std::string bytes = encode_spans({{0, 5}, {200, 900}});
  auto decoded = decode_spans(bytes.substr(0, bytes.size() - 1), 1000);
  EXPECT_FALSE(decoded.is_ok());
}

TEST(ArticleStore, InsertIsIdempotentById) {
  Database db = open_memory_store();
  auto store = ArticleStore::open(db);
  ASSERT_TRUE(store.is_ok());
  Article first = sample_article("a1");
  auto inserted = store->insert(first);
  ASSERT_TRUE(inserted.is_ok());
  EXPECT_TRUE(*inserted);
  Article again = sample_article("a1");
  auto second = store->insert(again);
  ASSERT_TRUE(second.is_ok());
  EXPECT_FALSE(*second);
  EXPECT_EQ(again.store_row, first.store_row);
  EXPECT_EQ(*store->count(), 1);
}

TEST(ArticleStore, LoadsWhatWasStored) {
  Database db = open_memory_store();
  auto store = ArticleStore::open(db);
  ASSERT_TRUE(store.is_ok());
  Article article = sample_article("a2");
  ASSERT_TRUE(store->insert(article).is_ok());
  auto loaded = store->load_by_id("a2");
  ASSERT_TRUE(loaded.is_ok());
  ASSERT_TRUE(loaded->has_value());
  const Article& back = **loaded;
  EXPECT_EQ(back.text, article.text);
  EXPECT_EQ(back.sentences, article.sentences);
  EXPECT_EQ(back.paragraphs, article.paragraphs);
  EXPECT_EQ(back.warnings, article.warnings);
  EXPECT_EQ(back.published, "2026-03-02");
  EXPECT_TRUE(back.url.empty());
  auto missing = store->load_by_id("nope");
  ASSERT_TRUE(missing.is_ok());
  EXPECT_FALSE(missing->has_value());
}

TEST(Migrations, RecordVersionsAndRefuseNewerStores) {
  Database db = open_memory_store();
  // A fresh store is at the newest version the code knows.
  EXPECT_EQ(*schema_version(db, "articles"), article_migrations().back().version);
  EXPECT_GE(article_migrations().back().version, 2);
  ASSERT_TRUE(db.execute("UPDATE schema_versions SET version = 99 WHERE component = 'articles'").is_ok());
  Status status = apply_migrations(db, article_migrations());
  EXPECT_FALSE(status.is_ok());
  EXPECT_NE(status.message().find("newer"), std::string::npos);
}

}  // namespace
}  // namespace storyline::store
