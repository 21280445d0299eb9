// GET /api/entities/{id}: an entity, where it is mentioned (with the
// sentence), the stories it is in, and the events it takes part in over time
// (whatever the report's stages say about the articles that mention it).
#include <algorithm>
#include <set>

#include "core/json_fields.h"
#include "core/text_util.h"
#include "entities/entity_queries.h"
#include "pipeline/engine_access.h"
#include "report/report_builder.h"
#include "serve/server_impl.h"
#include "stories/story_queries.h"
#include "store/article_store.h"

namespace storyline::serve {

namespace {

constexpr size_t kArticlesPerPage = 50;  // the articles that mention it, newest first, per page
constexpr size_t kMaxArticlesPerPage = 200;

// Whether an actor (an event's source or target, a quote's speaker) is the
// entity: by its resolved id, or, when the stage left it unresolved, by one
// of the entity's names.
bool names_entity(const nlohmann::json& actor, const std::string& key, const std::set<std::string>& names) {
  if (!actor.is_object()) return false;
  const nlohmann::json& entity = core::json_field(actor, "entity");
  if (entity.is_string()) return entity.get_ref<const std::string&>() == key;
  if (entity.is_number_integer()) return entities::entity_key(entity.get<int64_t>()) == key;
  const nlohmann::json& name = core::json_field(actor, "name");
  return name.is_string() && names.count(name.get_ref<const std::string&>());
}

void get_entity(Server::Impl& server, const httplib::Request& request, httplib::Response& response) {
  check_known_parameters(request, {"limit", "offset"});
  const size_t limit = size_parameter(request, "limit", kArticlesPerPage, 1, kMaxArticlesPerPage);
  const size_t offset = size_parameter(request, "offset", 0, 0, 100000000);
  std::string key = request.matches[1];
  int64_t id = entities::parse_entity_key(key);
  auto not_found = [&] { send_error(response, 404, "not_found", "no entity '" + key.substr(0, 80) + "'"); };
  if (id == 0) return not_found();
  auto lease = server.readers->borrow();
  if (!lease) return send_status_error(response, lease.status());
  Engine& engine = **lease;
  store::Database& db = pipeline::engine_database(engine);
  auto entity = entities::entity_json(db, id);
  if (!entity) return send_status_error(response, entity.status());
  if (entity->empty()) return not_found();
  nlohmann::json mentions = core::array_field(*entity, "mentions");
  entity->erase("mentions");
  std::string entity_id = core::text_field(*entity, "id");
  std::set<std::string> names;
  if (std::string name = core::text_field(*entity, "name"); !name.empty()) names.insert(name);
  for (const auto& alias : core::array_field(*entity, "aliases"))
    if (alias.is_string()) names.insert(alias.get<std::string>());

  // The articles that mention it, newest first, one page of them: only the
  // page's articles are loaded whole and reported on, however many there are.
  auto articles = store::ArticleStore::open(db);
  if (!articles) return send_status_error(response, articles.status());
  std::set<std::string> by_id;
  for (const auto& mention : mentions) by_id.insert(core::text_field(mention, "article"));
  struct Dated {
    std::string id, published;
    int64_t row;
  };
  std::vector<Dated> dated;
  auto when = db.prepare("SELECT row, published FROM articles WHERE id = ?1");
  if (!when) return send_status_error(response, when.status());
  for (const std::string& article_id : by_id) {
    when->bind(1, article_id);
    if (when->step()) dated.push_back({article_id, when->column_text(1), when->column_int(0)});
    Status status = when->status();
    when->reset();
    if (!status.is_ok()) return send_status_error(response, status);
  }
  std::sort(dated.begin(), dated.end(), [](const Dated& a, const Dated& b) {
    return a.published != b.published ? a.published > b.published : a.row > b.row;
  });
  std::vector<Article> loaded;
  for (size_t i = offset; i < dated.size() && i < offset + limit; ++i) {
    auto article = articles->load_by_id(dated[i].id);
    if (!article) return send_status_error(response, article.status());
    if (*article) loaded.push_back(std::move(**article));
  }

  nlohmann::json mention_list = nlohmann::json::array();
  std::vector<int64_t> rows;
  std::vector<std::string> ids;
  for (const Article& article : loaded) {
    rows.push_back(article.store_row);
    ids.push_back(article.id);
    core::CodePointIndex index(article.text);
    for (const auto& mention : mentions) {
      size_t at = 0, end = 0;
      if (core::text_field(mention, "article") != article.id ||
          !core::json_span(core::json_field(mention, "span"), at, end))
        continue;
      std::string sentence;
      nlohmann::json sentence_span = nullptr;
      for (const Span& s : article.sentences)
        if (index.at(s.begin) <= at && at < index.at(s.end)) {
          sentence = article.text.substr(s.begin, s.end - s.begin);
          sentence_span = {index.at(s.begin), index.at(s.end)};
          break;
        }
      mention_list.push_back({{"article", article.id},
                              {"title", article.title},
                              {"source", article.source.empty() ? nlohmann::json(nullptr) : nlohmann::json(article.source)},
                              {"published", article.published.empty() ? nlohmann::json(nullptr) : nlohmann::json(article.published)},
                              {"span", mention["span"]},
                              {"sentence", sentence},
                              {"sentence_span", sentence_span}});
    }
  }

  // Events it takes part in: the events section of the report on those
  // articles (empty until an events stage exists), kept when it is an actor.
  pipeline::ReportScope scope;
  scope.db = &db;
  scope.article_rows = rows;
  scope.article_ids = ids;
  std::vector<std::string> problems;
  auto report = report::build_report(scope, pipeline::engine_stages(engine), &problems);
  if (!report) return send_status_error(response, report.status());
  nlohmann::json events = nlohmann::json::array();
  for (const auto& event : core::array_field(*report, "events"))
    if (names_entity(core::json_field(event, "source"), entity_id, names) ||
        names_entity(core::json_field(event, "target"), entity_id, names))
      events.push_back(event);
  nlohmann::json quotes = nlohmann::json::array();
  for (const auto& quote : core::array_field(*report, "quotes"))
    if (names_entity(core::json_field(quote, "speaker"), entity_id, names)) quotes.push_back(quote);

  nlohmann::json stories = nlohmann::json::array();
  for (const auto& story : core::array_field(*report, "stories"))
    stories.push_back({{"id", core::json_field(story, "id")}, {"label", core::json_field(story, "label")},
                       {"size", core::json_field(story, "size")}, {"first", core::json_field(story, "first")},
                       {"last", core::json_field(story, "last")}});
  nlohmann::json roles = nlohmann::json::array();
  if (core::json_field(*entity, "role").is_string()) roles.push_back({{"role", (*entity)["role"]}});

  nlohmann::json body = {{"entity", std::move(*entity)},
                         {"mentions", std::move(mention_list)},
                         {"mention_count", mentions.size()},
                         {"article_count", by_id.size()},
                         {"page", {{"total", dated.size()}, {"limit", limit}, {"offset", offset}}},
                         {"roles", std::move(roles)},
                         {"events", std::move(events)},
                         {"quotes", std::move(quotes)},
                         {"stories", std::move(stories)}};
  if (!problems.empty()) body["problems"] = problems;
  send_json(request, response, body);
}

}  // namespace

void register_entity_route(Server::Impl& server) {
  server.router.get(R"(/api/entities/([^/]+))", guarded([&server](const auto& q, auto& r) { get_entity(server, q, r); }));
}

}  // namespace storyline::serve
