// POST /api/articles: one JSON article or an array of them, with the fields
// of a JSON Lines input (id, url, source, title, published, text or html).
// All or nothing: every article is checked (shape, then cleaning) before the
// first is stored, and they are stored in one transaction.
#include "serve/server_impl.h"

namespace storyline::serve {

namespace {

const std::set<std::string> kFields = {"id", "url", "source", "title", "published", "text", "html"};

// Compares without stopping at the first difference, so response times do
// not tell how much of a guessed token was right.
bool same_token(const std::string& given, const std::string& expected) {
  unsigned char difference = given.size() != expected.size();
  for (size_t i = 0; i < given.size(); ++i) difference |= given[i] ^ expected[i % expected.size()];
  return difference == 0;
}

std::string bearer_token(const httplib::Request& request) {
  std::string header = request.get_header_value("Authorization");
  if (header.rfind("Bearer ", 0) == 0) return header.substr(7);
  return request.get_header_value("X-Storyline-Token");
}

RawDocument to_document(const nlohmann::json& object, size_t index) {
  std::string where = "article " + std::to_string(index);
  if (!object.is_object()) throw BadRequest(where + ": expected a JSON object");
  for (const auto& [key, value] : object.items()) {
    if (!kFields.count(key))
      throw BadRequest(where + ": unknown field '" + key.substr(0, 40) +
                       "' (fields: id, url, source, title, published, text, html)");
    if (!value.is_string() && !value.is_null()) throw BadRequest(where + ": field '" + key + "' must be a string");
  }
  auto field = [&](const char* name) { return object.contains(name) && object[name].is_string() ? object[name].get<std::string>() : std::string(); };
  RawDocument document;
  document.origin = "api:POST /api/articles#" + std::to_string(index);
  document.external_id = field("id");
  document.url = field("url");
  document.source = field("source");
  document.title = field("title");
  document.published = field("published");
  std::string text = field("text"), html = field("html");
  if (!text.empty() && !html.empty()) throw BadRequest(where + ": give 'text' or 'html', not both");
  if (text.empty() && html.empty()) throw BadRequest(where + ": needs a non-empty 'text' or 'html'");
  document.format = text.empty() ? RawDocument::Format::kHtml : RawDocument::Format::kText;
  document.body = text.empty() ? html : text;
  return document;
}

// "application/json", in any case, with or without parameters (charset).
bool is_json(const std::string& content_type) {
  std::string type = content_type.substr(0, content_type.find(';'));
  while (!type.empty() && (type.back() == ' ' || type.back() == '\t')) type.pop_back();
  for (char& c : type) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return type == "application/json";
}

void post_articles(Server::Impl& server, const httplib::Request& request, httplib::Response& response) {
  if (auto refusal = ingest_refusal(server, request))
    return send_error(response, refusal->status, refusal->code, refusal->message);
  check_known_parameters(request, {});
  nlohmann::json body;
  try {
    body = nlohmann::json::parse(request.body);
  } catch (const nlohmann::json::exception& error) {
    throw BadRequest(std::string("the body is not valid JSON: ") + std::string(error.what()).substr(0, 160));
  }
  if (body.is_object()) body = nlohmann::json::array({body});
  if (!body.is_array() || body.empty()) throw BadRequest("expected an article object or a non-empty array of them");
  if (body.size() > server.options.max_articles_per_post)
    return send_error(response, 413, "payload_too_large",
                      "at most " + std::to_string(server.options.max_articles_per_post) + " articles per request");
  std::vector<RawDocument> documents;
  for (size_t i = 0; i < body.size(); ++i) documents.push_back(to_document(body[i], i));
  // Cleaning is what can still refuse an article (no text left once the
  // page furniture is gone): find out before storing anything.
  for (size_t i = 0; i < documents.size(); ++i)
    if (auto cleaned = server.validator->clean(documents[i]); !cleaned)
      throw BadRequest("article " + std::to_string(i) + ": " + cleaned.status().message());

  IngestOptions options;
  options.batch_size = documents.size() + 1;  // one transaction for the whole request
  std::vector<std::string> errors;
  IngestCallbacks callbacks;
  callbacks.on_error = [&errors](const std::string& message) { errors.push_back(message); };
  Result<IngestSummary> summary = Status::ok();
  {
    std::lock_guard<std::mutex> lock(server.writer_mutex);
    summary = server.writer->ingest_documents(std::move(documents), options, callbacks);
  }
  if (!summary) return send_status_error(response, summary.status());
  nlohmann::json answer = {{"received", body.size()},
                           {"stored", summary->articles_new},
                           {"known", summary->articles_known},
                           {"ids", summary->article_ids},
                           {"errors", errors}};
  response.status = summary->articles_new > 0 ? 201 : 200;
  response.set_content(answer.dump(), "application/json");
}

}  // namespace

std::optional<Refusal> ingest_refusal(const Server::Impl& server, const httplib::Request& request) {
  if (server.options.token.empty())
    return Refusal{403, "forbidden", "ingest over HTTP is off: start the server with --token"};
  // The token before anything else: a client without it learns nothing
  // about the body it sent, which is never read.
  if (!same_token(bearer_token(request), server.options.token))
    return Refusal{401, "unauthorized",
                   "missing or wrong token: POST /api/articles needs 'Authorization: Bearer TOKEN' and a JSON "
                   "body sent as 'Content-Type: application/json'"};
  if (!is_json(request.get_header_value("Content-Type")))
    return Refusal{415, "unsupported_media_type",
                   "the body must be JSON sent as 'Content-Type: application/json' (an article object or an "
                   "array of them), not '" + request.get_header_value("Content-Type").substr(0, 80) + "'"};
  return std::nullopt;
}

void register_ingest_route(Server::Impl& server) {
  server.router.post(
      "/api/articles", guarded([&server](const auto& q, auto& r) { post_articles(server, q, r); }),
      [&server](const httplib::Request& request) { return ingest_refusal(server, request); });
}

}  // namespace storyline::serve
