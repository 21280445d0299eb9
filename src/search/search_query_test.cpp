#include "search/search_query.h"

#include <gtest/gtest.h>

#include "search/search_stage.h"
#include "store/article_store.h"

namespace storyline::search {
namespace {

TEST(SearchQuery, QuotesEveryWordSoNothingIsSyntax) {
  EXPECT_EQ(fts_query("hydrogen Oslo"), "\"hydrogen\" \"Oslo\"");
  EXPECT_EQ(fts_query("  \"a\" OR b:c -d NEAR("), "\"a\" \"OR\" \"b\" \"c\" \"d\" \"NEAR\"");
  EXPECT_EQ(fts_query("hydro* accord"), "\"hydro\"* \"accord\"");
  EXPECT_EQ(fts_query("Zürich straße"), "\"Zürich\" \"straße\"");
  EXPECT_EQ(fts_query(" ,;:\"' "), "");
}

TEST(SearchQuery, FindsStoredArticlesAndThoseStoredBeforeTheIndex) {
  auto db = store::Database::open(":memory:");
  ASSERT_TRUE(db.is_ok());
  ASSERT_TRUE(store::apply_migrations(*db, store::article_migrations()).is_ok());
  auto articles = store::ArticleStore::open(*db);
  ASSERT_TRUE(articles.is_ok());
  Article before;
  before.id = "a1", before.origin = "test", before.title = "Harbour cranes idle", before.text = "Dockers stopped work.";
  ASSERT_TRUE(articles->insert(before).is_ok());

  SearchStage stage;
  ASSERT_TRUE(store::apply_migrations(*db, stage.migrations()).is_ok());  // indexes the article above
  std::vector<Article> batch(1);
  batch[0].id = "a2", batch[0].origin = "test", batch[0].title = "Glacier retreat",
  batch[0].text = "The glacier lost ice; dockers watched.";
  ASSERT_TRUE(articles->insert(batch[0]).is_ok());
  ASSERT_TRUE(stage.add_batch(*db, batch).is_ok());

  ASSERT_TRUE(has_search_index(*db));
  auto dockers = matching_articles(*db, fts_query("DOCKERS"), 10);
  ASSERT_TRUE(dockers.is_ok());
  EXPECT_EQ(dockers->size(), 2u);
  auto glacier = matching_articles(*db, fts_query("glac*"), 10);
  ASSERT_TRUE(glacier.is_ok());
  ASSERT_EQ(glacier->size(), 1u);
  EXPECT_EQ((*glacier)[0], batch[0].store_row);
  auto none = matching_articles(*db, fts_query("volcano"), 10);
  ASSERT_TRUE(none.is_ok());
  EXPECT_TRUE(none->empty());
}

}  // namespace
}  // namespace storyline::search
