#include "stories/stories_stage.h"

#include <algorithm>
#include <map>
#include <set>

#include "core/text_util.h"
#include "stories/sentence_alignment.h"
#include "stories/story_queries.h"

namespace storyline::stories {

namespace {
constexpr double kRewriteCandidate = 0.25;  // content cosine worth aligning sentence by sentence
constexpr size_t kRewriteChecks = 5;        // most similar articles aligned per new article
// Whether `a` was published before `b`: compared on dates, and on times
// when both have one. `known` is false when the dates cannot tell (missing,
// or the same day without times).
bool published_before(const std::string& a, const std::string& b, bool& known) {
  known = false;
  if (a.size() < 10 || b.size() < 10) return false;
  std::string day_a = a.substr(0, 10), day_b = b.substr(0, 10);
  if (day_a != day_b) {
    known = true;
    return day_a < day_b;
  }
  if (a.size() > 10 && b.size() > 10 && a != b) {
    known = true;
    return a < b;
  }
  return false;
}

}  // namespace

int64_t day_number(const std::string& iso) {
  if (iso.size() < 10 || iso[4] != '-' || iso[7] != '-') return -1;
  int y = std::atoi(iso.substr(0, 4).c_str()), m = std::atoi(iso.substr(5, 2).c_str()),
      d = std::atoi(iso.substr(8, 2).c_str());
  if (y < 1900 || m < 1 || m > 12 || d < 1 || d > 31) return -1;
  y -= m <= 2;
  const int era = y / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<int64_t>(doe) - 719468;
}

Result<std::unique_ptr<StoriesStage>> StoriesStage::create(const std::string& data_dir, StoryIndexOptions options) {
  auto extractor = FeatureExtractor::load(data_dir);
  if (!extractor) return extractor.status();
  return std::unique_ptr<StoriesStage>(new StoriesStage(std::move(*extractor), options));
}

std::vector<store::Migration> StoriesStage::migrations() const {
  return {{"stories", 1,
           "CREATE TABLE story_features (article_row INTEGER PRIMARY KEY REFERENCES articles(row),"
           " day INTEGER, features BLOB NOT NULL);"
           "CREATE TABLE stories (id INTEGER PRIMARY KEY, merged_into INTEGER, created_row INTEGER NOT NULL);"
           "CREATE TABLE story_members (article_row INTEGER PRIMARY KEY REFERENCES articles(row),"
           " story_id INTEGER NOT NULL, score REAL NOT NULL);"
           "CREATE INDEX story_members_story ON story_members(story_id);"
           "CREATE TABLE article_relations (id INTEGER PRIMARY KEY, type TEXT NOT NULL,"
           " from_row INTEGER NOT NULL REFERENCES articles(row), to_row INTEGER NOT NULL REFERENCES articles(row),"
           " score REAL NOT NULL, evidence TEXT, UNIQUE(type, from_row, to_row));"
           "CREATE INDEX article_relations_from ON article_relations(from_row);"
           "CREATE INDEX article_relations_to ON article_relations(to_row);"}};
}

Status StoriesStage::open(store::Database& db) {
  auto articles = store::ArticleStore::open(db);
  if (!articles) return articles.status();
  articles_ = std::make_unique<store::ArticleStore>(std::move(*articles));
  // The indexes are loaded by the first batch (add_batch catches up from the
  // store whenever it is behind), not here: an engine that only reads (the
  // server's readers, `storyline stories`) never needs them, and loading them
  // takes seconds on a store of 100,000 articles.
  last_row_seen_ = -1;
  return Status::ok();
}

// The indexes hold what the store holds: rebuilt in arrival order from the
// stored features, with each article's story as stored.
Status StoriesStage::rebuild(store::Database& db) {
  index_ = StoryIndex(options_);
  auto merges = db.prepare("SELECT id, merged_into FROM stories WHERE merged_into IS NOT NULL");
  if (!merges) return merges.status();
  auto query = db.prepare(
      "SELECT f.article_row, f.day, f.features, m.story_id FROM story_features f"
      " JOIN story_members m ON m.article_row = f.article_row ORDER BY f.article_row");
  if (!query) return query.status();
  last_row_seen_ = 0;
  while (query->step()) {
    auto features = decode_features(query->column_blob(2));
    if (!features) return features.status();
    index_.restore(query->column_int(0), query->column_int(1), *features, query->column_int(3));
    last_row_seen_ = query->column_int(0);
  }
  if (!query->status().is_ok()) return query->status();
  auto next = db.prepare("SELECT coalesce(max(id), 0) + 1 FROM stories");
  if (!next) return next.status();
  if (next->step()) index_.set_next_story(next->column_int(0));
  return next->status();
}

Status StoriesStage::rollback(store::Database& db) { return rebuild(db); }

Status StoriesStage::add_relation(store::Database& db, const std::string& type, int64_t from, int64_t to,
                                  double score, const std::string& evidence) {
  auto insert = db.prepare(
      "INSERT OR IGNORE INTO article_relations(type, from_row, to_row, score, evidence) VALUES (?1, ?2, ?3, ?4, ?5)");
  if (!insert) return insert.status();
  return insert->bind(1, type).bind(2, from).bind(3, to).bind(4, score).bind_optional(5, evidence).run();
}

Status StoriesStage::check_rewrites(store::Database& db, const Article& article, const Placement& placement,
                                    const std::vector<Article>& batch) {
  std::set<int64_t> copies;
  for (const auto& d : placement.duplicates) copies.insert(d.row);
  struct Hit {
    Article other;
    Alignment alignment;
  };
  std::vector<Hit> hits;
  size_t checked = 0;
  for (const SimilarArticle& candidate : placement.similar) {
    if (checked >= kRewriteChecks || candidate.score < kRewriteCandidate) break;
    if (copies.count(candidate.row) || candidate.row == article.store_row) continue;
    ++checked;
    std::optional<Article> other;
    for (const Article& in_batch : batch)
      if (in_batch.store_row == candidate.row) other = in_batch;  // has its tokens already
    if (!other) {
      auto loaded = articles_->load_by_row(candidate.row);
      if (!loaded) return loaded.status();
      other = std::move(*loaded);
    }
    if (!other) continue;
    Alignment alignment = align_sentences(article, *other, extractor_);
    if (is_rewrite(alignment)) hits.push_back({std::move(*other), std::move(alignment)});
  }
  for (size_t h = 0; h < hits.size(); ++h) {
    const Article& other_article = hits[h].other;
    const Alignment& alignment = hits[h].alignment;
    // The original is the one published first. When the dates cannot tell,
    // the shorter article is taken as the rewrite (re-tellings condense their
    // source), and the relation says the direction is only a guess.
    bool known = false;
    bool other_first = published_before(other_article.published, article.published, known);
    bool new_is_rewrite = known ? other_first : article.sentences.size() <= other_article.sentences.size();
    std::string direction = known ? "dated" : "guessed from length";
    const Article& rewrite = new_is_rewrite ? article : other_article;
    const Article& original = new_is_rewrite ? other_article : article;
    core::CodePointIndex rewrite_index(rewrite.text), original_index(original.text);
    nlohmann::json aligned = nlohmann::json::array();
    for (const AlignedSentences& pair : alignment.pairs) {
      const Span& in_rewrite = new_is_rewrite ? pair.first : pair.second;
      const Span& in_original = new_is_rewrite ? pair.second : pair.first;
      aligned.push_back({{"from", {rewrite_index.at(in_rewrite.begin), rewrite_index.at(in_rewrite.end)}},
                         {"to", {original_index.at(in_original.begin), original_index.at(in_original.end)}},
                         {"similarity", std::round(pair.similarity * 1000) / 1000}});
    }
    nlohmann::json evidence = {{"direction", direction},
                               {"coverage", std::round(alignment.coverage * 1000) / 1000},
                               {"in_order", std::round(alignment.in_order * 1000) / 1000},
                               {"aligned", aligned}};
    if (Status status = add_relation(db, "rewrite", rewrite.store_row, original.store_row, alignment.coverage,
                                     evidence.dump());
        !status.is_ok())
      return status;
  }
  return Status::ok();
}

Status StoriesStage::add_batch(store::Database& db, std::vector<Article>& articles) {
  // Another process may have stored articles since this one last looked (two
  // ingests into one store): the batch transaction holds the write lock, so
  // catching up here, from the store, keeps both processes consistent.
  auto newest = db.prepare("SELECT coalesce(max(article_row), 0) FROM story_features");
  if (!newest) return newest.status();
  if (!newest->step()) return newest->status();
  if (newest->column_int(0) != last_row_seen_)
    if (Status status = rebuild(db); !status.is_ok()) return status;
  auto save_features = db.prepare("INSERT INTO story_features(article_row, day, features) VALUES (?1, ?2, ?3)");
  auto new_story = db.prepare("INSERT INTO stories(id, created_row) VALUES (?1, ?2)");
  auto member = db.prepare("INSERT INTO story_members(article_row, story_id, score) VALUES (?1, ?2, ?3)");
  auto move_members = db.prepare("UPDATE story_members SET story_id = ?1 WHERE story_id = ?2");
  auto mark_merged = db.prepare("UPDATE stories SET merged_into = ?1 WHERE id = ?2");
  for (auto* statement : {&save_features, &new_story, &member, &move_members, &mark_merged})
    if (!*statement) return statement->status();

  for (const Article& article : articles) {
    ArticleFeatures features = extractor_.extract(article);
    int64_t day = day_number(article.published);
    Placement placement = index_.add(article.store_row, day, features);
    if (Status s = save_features->bind(1, article.store_row).bind(2, day).bind_blob(3, encode_features(features)).run();
        !s.is_ok())
      return s;
    if (placement.new_story)
      if (Status s = new_story->bind(1, placement.story).bind(2, article.store_row).run(); !s.is_ok()) return s;
    if (Status s = member->bind(1, article.store_row).bind(2, placement.story).bind(3, placement.score).run(); !s.is_ok())
      return s;
    for (int64_t merged : placement.merged_stories) {
      if (Status s = move_members->bind(1, placement.story).bind(2, merged).run(); !s.is_ok()) return s;
      if (Status s = mark_merged->bind(1, placement.story).bind(2, merged).run(); !s.is_ok()) return s;
    }
    for (const SimilarArticle& copy : placement.duplicates) {
      // From the copy to the original when the dates tell which is which.
      auto other = articles_->load_by_row(copy.row);  // sees this batch's rows too
      if (!other) return other.status();
      std::string other_published = *other ? (*other)->published : std::string();
      bool known = false;
      bool new_first = published_before(article.published, other_published, known);
      int64_t from = known && new_first ? copy.row : article.store_row;
      int64_t to = from == copy.row ? article.store_row : copy.row;
      nlohmann::json evidence = {{"jaccard", std::round(copy.score * 1000) / 1000},
                                 {"method", "minhash-5-shingles"},
                                 {"direction", known ? "dated" : "unknown"}};
      if (Status s = add_relation(db, "duplicate", from, to, copy.score, evidence.dump()); !s.is_ok()) return s;
    }
    for (const SimilarArticle& inner : placement.contained)
      if (Status s = add_relation(db, "contains", article.store_row, inner.row, inner.score, "{}"); !s.is_ok()) return s;
    for (const SimilarArticle& outer : placement.containers)
      if (Status s = add_relation(db, "contains", outer.row, article.store_row, outer.score, "{}"); !s.is_ok()) return s;
    if (Status s = check_rewrites(db, article, placement, articles); !s.is_ok()) return s;
    last_row_seen_ = article.store_row;
  }
  return Status::ok();
}

}  // namespace storyline::stories

namespace storyline::stories {

Status StoriesStage::report(const pipeline::ReportScope& scope, nlohmann::json& report) {
  auto stories = stories_of_articles(*scope.db, scope.article_rows);
  if (!stories) return stories.status();
  for (int64_t story : *stories) {
    auto json = story_json(*scope.db, story);
    if (!json) return json.status();
    if (!json->empty()) report["stories"].push_back(std::move(*json));
  }
  return Status::ok();
}

}  // namespace storyline::stories
