#include "search/search_stage.h"

namespace storyline::search {

std::vector<store::Migration> SearchStage::migrations() const {
  // External content (content='articles'): the index stores terms only and
  // reads the text back from articles for snippets. unicode61 with
  // remove_diacritics folds case and accents in every script ICU-free.
  // The 'rebuild' indexes what a store made before this stage existed.
  return {{"search", 1,
           "CREATE VIRTUAL TABLE article_search USING fts5(title, text, content='articles', content_rowid='row',"
           " tokenize='unicode61 remove_diacritics 2');"
           "INSERT INTO article_search(article_search) VALUES('rebuild');"}};
}

Status SearchStage::add_batch(store::Database& db, std::vector<Article>& articles) {
  auto insert = db.prepare("INSERT INTO article_search(rowid, title, text) VALUES (?1, ?2, ?3)");
  if (!insert) return insert.status();
  for (const Article& article : articles)
    if (Status status = insert->bind(1, article.store_row).bind(2, article.title).bind(3, article.text).run();
        !status.is_ok())
      return status;
  return Status::ok();
}

}  // namespace storyline::search
