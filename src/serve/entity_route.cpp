// GET /api/entities/{id}: an entity, where it is mentioned (with the
// sentence), the stories it is in, and the events it takes part in over time
// (whatever the report's stages say about the articles that mention it).
#include <algorithm>
#include <set>

#include "core/text_util.h"
#include "entities/entity_queries.h"
#include "pipeline/engine_access.h"
#include "report/report_builder.h"
#include "serve/server_impl.h"
#include "stories/story_queries.h"
#include "store/article_store.h"

namespace storyline::serve {

namespace {

constexpr size_t kMaxArticles = 200;  // the most recent articles that mention it

// Whether an actor (an event's source or target, a quote's speaker) is the
// entity: by its resolved id, or, when the stage left it unresolved, by one
// of the entity's names.
bool names_entity(const nlohmann::json& actor, const std::string& key, const std::set<std::string>& names) {
  if (!actor.is_object()) return false;
  const auto entity = actor.value("entity", nlohmann::json());
  if (entity.is_string()) return entity.get<std::string>() == key;
  if (entity.is_number_integer()) return entities::entity_key(entity.get<int64_t>()) == key;
  const auto name = actor.value("name", nlohmann::json());
  return name.is_string() && names.count(name.get<std::string>());
}

void get_entity(Server::Impl& server, const httplib::Request& request, httplib::Response& response) {
  check_known_parameters(request, {});
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
  nlohmann::json mentions = std::move((*entity)["mentions"]);
  entity->erase("mentions");
  std::string entity_id = (*entity)["id"];
  std::set<std::string> names;
  if ((*entity)["name"].is_string()) names.insert((*entity)["name"].get<std::string>());
  for (const auto& alias : (*entity)["aliases"])
    if (alias.is_string()) names.insert(alias.get<std::string>());

  // The articles that mention it, newest first, at most kMaxArticles.
  auto articles = store::ArticleStore::open(db);
  if (!articles) return send_status_error(response, articles.status());
  std::set<std::string> by_id;
  for (const auto& mention : mentions) by_id.insert(mention["article"].get<std::string>());
  std::vector<Article> loaded;
  for (const std::string& article_id : by_id) {
    auto article = articles->load_by_id(article_id);
    if (!article) return send_status_error(response, article.status());
    if (*article) loaded.push_back(std::move(**article));
  }
  std::sort(loaded.begin(), loaded.end(), [](const Article& a, const Article& b) {
    return a.published != b.published ? a.published > b.published : a.store_row > b.store_row;
  });
  if (loaded.size() > kMaxArticles) loaded.resize(kMaxArticles);

  nlohmann::json mention_list = nlohmann::json::array();
  std::vector<int64_t> rows;
  std::vector<std::string> ids;
  for (const Article& article : loaded) {
    rows.push_back(article.store_row);
    ids.push_back(article.id);
    core::CodePointIndex index(article.text);
    for (const auto& mention : mentions) {
      if (mention["article"] != article.id) continue;
      uint32_t at = mention["span"][0].get<uint32_t>();
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
  auto report = report::build_report(scope, pipeline::engine_stages(engine));
  if (!report) return send_status_error(response, report.status());
  nlohmann::json events = nlohmann::json::array();
  for (auto& event : (*report)["events"])
    if (names_entity(event.value("source", nlohmann::json()), entity_id, names) ||
        names_entity(event.value("target", nlohmann::json()), entity_id, names))
      events.push_back(std::move(event));
  nlohmann::json quotes = nlohmann::json::array();
  for (auto& quote : (*report)["quotes"])
    if (names_entity(quote.value("speaker", nlohmann::json()), entity_id, names)) quotes.push_back(std::move(quote));

  nlohmann::json stories = nlohmann::json::array();
  for (auto& story : (*report)["stories"])
    stories.push_back({{"id", story["id"]}, {"label", story["label"]}, {"size", story["size"]},
                       {"first", story["first"]}, {"last", story["last"]}});
  nlohmann::json roles = nlohmann::json::array();
  if ((*entity)["role"].is_string()) roles.push_back({{"role", (*entity)["role"]}});

  nlohmann::json body = {{"entity", std::move(*entity)},
                         {"mentions", std::move(mention_list)},
                         {"mention_count", mentions.size()},
                         {"article_count", by_id.size()},
                         {"roles", std::move(roles)},
                         {"events", std::move(events)},
                         {"quotes", std::move(quotes)},
                         {"stories", std::move(stories)}};
  send_json(request, response, body);
}

}  // namespace

void register_entity_route(Server::Impl& server) {
  server.router.get(R"(/api/entities/([^/]+))", guarded([&server](const auto& q, auto& r) { get_entity(server, q, r); }));
}

}  // namespace storyline::serve
