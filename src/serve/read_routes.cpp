// GET /api/stories, /api/stories/{id}, /api/articles/{id}: each request
// borrows a read-only engine and answers from the store as last committed.
#include <functional>
#include <set>

#include "core/json_fields.h"
#include "pipeline/engine_access.h"
#include "entities/entity_queries.h"
#include "report/brief.h"
#include "report/report_builder.h"
#include "search/search_query.h"
#include "serve/server_impl.h"
#include "serve/story_listing.h"
#include "stories/story_queries.h"
#include "store/article_store.h"

namespace storyline::serve {

namespace {

constexpr size_t kMaxPageSize = 200;
constexpr size_t kStoryPageSize = 50;  // a story's articles per page by default

bool has_table(store::Database& db, const char* name) {
  auto query = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?1");
  if (!query) return false;
  query->bind(1, name);
  return query->step();
}

// The report on `rows` with every stage's sections. With `story_id`, the
// report's entry for that story becomes "story" (the stories stage builds
// it anyway: building it twice would double the cost) and its brief
// "brief", built from this same report so the two never disagree;
// "stories" goes.
// `shape_story`, when given, edits the story before its brief is built (a page of it).
Result<nlohmann::json> sections_for(Engine& engine, const std::vector<int64_t>& rows,
                                    const std::vector<std::string>& ids, const nlohmann::json* story_id = nullptr,
                                    const std::function<void(nlohmann::json&)>& shape_story = nullptr) {
  pipeline::ReportScope scope;
  scope.db = &pipeline::engine_database(engine);
  scope.article_rows = rows;
  scope.article_ids = ids;
  // An internal error in one stage's section or in the brief leaves that
  // part out, named in "problems": the page still answers with the rest.
  std::vector<std::string> problems;
  auto report = report::build_report(scope, pipeline::engine_stages(engine), &problems);
  if (!report) return report.status();
  if (story_id) {
    for (auto& story : (*report)["stories"])
      if (story["id"] == *story_id) (*report)["story"] = std::move(story);
    // Merged by an ingest between the caller's query and this report: the
    // story that absorbed it is the one its first article belongs to now.
    if (!report->contains("story") && !(*report)["stories"].empty()) (*report)["story"] = (*report)["stories"][0];
    if (!report->contains("story")) return Status::not_found("serve: no story " + story_id->dump());
    if (shape_story) shape_story((*report)["story"]);
    // The brief reads the story from "stories": put it back for the call.
    std::string id = core::text_field((*report)["story"], "id");
    (*report)["stories"] = nlohmann::json::array({std::move((*report)["story"])});
    try {
      (*report)["brief"] = report::build_brief(*report, id);
    } catch (const std::exception& error) {
      (*report)["brief"] = nullptr;
      problems.push_back(id + ": its brief could not be built (internal error: " + error.what() + ")");
    }
    (*report)["story"] = std::move((*report)["stories"][0]);
  }
  report->erase("stories");
  if (!problems.empty()) (*report)["problems"] = problems;
  return report;
}

void get_stories(Server::Impl& server, const httplib::Request& request, httplib::Response& response) {
  check_known_parameters(request, {"q", "from", "to", "outlet", "entity", "event_type", "limit", "offset"});
  StoryFilter filter;
  filter.limit = size_parameter(request, "limit", 20, 1, kMaxPageSize);
  filter.offset = size_parameter(request, "offset", 0, 0, 100000000);
  filter.from = date_parameter(request, "from");
  filter.to = date_parameter(request, "to");
  if (filter.from && filter.to && *filter.from > *filter.to)
    throw BadRequest("'from' (" + *filter.from + ") is after 'to' (" + *filter.to + ")");
  filter.outlet = single_parameter(request, "outlet");
  if (filter.outlet && filter.outlet->empty()) throw BadRequest("query parameter 'outlet' is empty");
  if (auto q = single_parameter(request, "q")) {
    filter.query = search::fts_query(*q);
    if (filter.query.empty()) throw BadRequest("query parameter 'q' has no word to search for");
  }
  if (auto entity = single_parameter(request, "entity")) {
    filter.entity = entities::parse_entity_key(*entity);
    if (*filter.entity == 0) throw BadRequest("query parameter 'entity' must be an entity id (entity-N), not '" +
                                              entity->substr(0, 40) + "'");
  }
  if (auto type = single_parameter(request, "event_type")) {
    bool digits = type->size() >= 2 && type->size() <= 4 && type->find_first_not_of("0123456789") == std::string::npos;
    int root = digits ? std::stoi(type->substr(0, 2)) : 0;
    if (root < 1 || root > 20)
      throw BadRequest("query parameter 'event_type' must be a CAMEO code or root code (01 to 20, e.g. 05 or 057), "
                       "not '" + type->substr(0, 40) + "'");
    filter.event_type = *type;
  }
  auto lease = server.readers->borrow();
  if (!lease) return send_status_error(response, lease.status());
  store::Database& db = pipeline::engine_database(**lease);
  if (filter.entity && !has_table(db, "entity_mentions"))
    throw BadRequest("filter 'entity' needs the entities stage, which this store does not have");
  if (filter.event_type && !(has_table(db, "events") && has_table(db, "event_mentions")))
    throw BadRequest("filter 'event_type' needs the events stage, which this store does not have");
  if (!filter.query.empty() && !search::has_search_index(db))
    return send_error(response, 503, "unavailable", "this store has no full-text index yet");
  auto stories = list_stories(db, filter, &server.rankings);
  if (!stories) return send_status_error(response, stories.status());
  send_json(request, response, *stories);
}

// The story object of a page: its articles, members and relations limited
// to the page's articles; "size" stays the whole story's.
void page_story(nlohmann::json& story, const std::vector<std::string>& page_ids, size_t total, size_t limit,
                size_t offset) {
  std::set<std::string> on_page(page_ids.begin(), page_ids.end());
  auto in_page = [&](const nlohmann::json& id) { return id.is_string() && on_page.count(id.get<std::string>()); };
  story["articles"] = page_ids;
  nlohmann::json members = nlohmann::json::array();
  for (auto& member : core::array_field(story, "members"))
    if (in_page(core::json_field(member, "id"))) members.push_back(member);
  story["members"] = std::move(members);
  nlohmann::json relations = nlohmann::json::array();
  for (auto& relation : core::array_field(story, "relations"))
    if (in_page(core::json_field(relation, "from")) || in_page(core::json_field(relation, "to")))
      relations.push_back(relation);
  story["relations"] = std::move(relations);
  story["page"] = {{"total", total}, {"limit", limit}, {"offset", offset}};
}

void get_story(Server::Impl& server, const httplib::Request& request, httplib::Response& response) {
  check_known_parameters(request, {"limit", "offset"});
  const size_t limit = size_parameter(request, "limit", kStoryPageSize, 1, kMaxPageSize);
  const size_t offset = size_parameter(request, "offset", 0, 0, 100000000);
  std::string key = request.matches[1];
  int64_t id = stories::parse_story_key(key);
  auto not_found = [&] { send_error(response, 404, "not_found", "no story '" + key.substr(0, 80) + "'"); };
  if (id == 0) return not_found();
  auto lease = server.readers->borrow();
  if (!lease) return send_status_error(response, lease.status());
  Engine& engine = **lease;
  store::Database& db = pipeline::engine_database(engine);
  // A merged story's id leads to the story that absorbed it.
  auto merged = db.prepare("SELECT merged_into FROM stories WHERE id = ?1");
  if (!merged) return send_status_error(response, merged.status());
  for (int hops = 0; hops < 64; ++hops) {
    merged->bind(1, id);
    bool moved = merged->step() && !merged->column_is_null(0);
    int64_t next = moved ? merged->column_int(0) : id;
    merged->reset();
    if (!moved) break;
    id = next;
  }
  auto count = db.prepare("SELECT count(*) FROM story_members WHERE story_id = ?1");
  if (!count) return send_status_error(response, count.status());
  count->bind(1, id);
  size_t total = count->step() ? static_cast<size_t>(count->column_int(0)) : 0;
  if (!count->status().is_ok()) return send_status_error(response, count->status());
  if (total == 0) return not_found();
  if (offset >= total)
    throw BadRequest("query parameter 'offset' (" + std::to_string(offset) + ") is past the story's " +
                     std::to_string(total) + " articles");
  // One page of the story's articles: the report (articles whole, every
  // stage's section, the brief) costs in proportion to the articles in it,
  // so a page is bounded however large the story grows.
  auto members = db.prepare(
      "SELECT m.article_row, a.id FROM story_members m JOIN articles a ON a.row = m.article_row"
      " WHERE m.story_id = ?1 ORDER BY m.article_row LIMIT ?2 OFFSET ?3");
  if (!members) return send_status_error(response, members.status());
  members->bind(1, id);
  members->bind(2, static_cast<int64_t>(limit));
  members->bind(3, static_cast<int64_t>(offset));
  std::vector<int64_t> rows;
  std::vector<std::string> ids;
  while (members->step()) rows.push_back(members->column_int(0)), ids.push_back(members->column_text(1));
  if (!members->status().is_ok()) return send_status_error(response, members->status());
  if (rows.empty()) return not_found();
  if (request_abandoned()) return send_error(response, 503, "unavailable", "the request was abandoned");
  nlohmann::json story_id = stories::story_key(id);
  auto sections = sections_for(engine, rows, ids, &story_id,
                               [&](nlohmann::json& story) { page_story(story, ids, total, limit, offset); });
  if (!sections) return send_status_error(response, sections.status());
  send_json(request, response, *sections);
}

void get_article(Server::Impl& server, const httplib::Request& request, httplib::Response& response) {
  check_known_parameters(request, {});
  std::string id = request.matches[1];
  auto lease = server.readers->borrow();
  if (!lease) return send_status_error(response, lease.status());
  Engine& engine = **lease;
  store::Database& db = pipeline::engine_database(engine);
  auto articles = store::ArticleStore::open(db);
  if (!articles) return send_status_error(response, articles.status());
  auto row = articles->find(id);
  if (!row) return send_status_error(response, row.status());
  if (*row == 0) return send_error(response, 404, "not_found", "no article '" + id.substr(0, 80) + "'");
  auto sections = sections_for(engine, {*row}, {id});
  if (!sections) return send_status_error(response, sections.status());
  auto story = stories::stories_of_articles(db, {*row});
  if (!story) return send_status_error(response, story.status());
  nlohmann::json body = *sections;
  body["article"] = body["articles"].empty() ? nlohmann::json(nullptr) : body["articles"][0];
  body.erase("articles");
  body["story"] = story->empty() ? nlohmann::json(nullptr) : nlohmann::json(stories::story_key(story->front()));
  send_json(request, response, body);
}

}  // namespace

void register_read_routes(Server::Impl& server) {
  Router& router = server.router;
  router.get("/api/stories", guarded([&server](const auto& q, auto& r) { get_stories(server, q, r); }));
  router.get(R"(/api/stories/([^/]+))", guarded([&server](const auto& q, auto& r) { get_story(server, q, r); }));
  router.get(R"(/api/articles/([^/]+))", guarded([&server](const auto& q, auto& r) { get_article(server, q, r); }));
  router.get("/api/health", guarded([&server](const auto& q, auto& r) {
             check_known_parameters(q, {});
             send_json(q, r, {{"status", "ok"}, {"readers", server.readers->opened()},
                              {"ingest", !server.options.token.empty()}});
           }));
  // Anything else under /api/ is an unknown endpoint, not a file.
  router.get(R"(/api(/.*)?)", [](const auto&, auto& r) { send_error(r, 404, "not_found", "no such API endpoint"); });
}

}  // namespace storyline::serve
