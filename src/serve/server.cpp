#include "serve/server.h"

#include <algorithm>
#include <chrono>
#include <thread>

#include "core/data_files.h"
#include "serve/server_impl.h"

namespace storyline::serve {

Handler guarded(Handler handler) {
  return [handler = std::move(handler)](const httplib::Request& request, httplib::Response& response) {
    try {
      handler(request, response);
    } catch (const BadRequest& error) {
      send_error(response, 400, "bad_request", error.what());
    } catch (const std::exception& error) {
      send_error(response, 500, "internal", std::string("internal error: ") + error.what());
    }
  };
}

void send_status_error(httplib::Response& response, const Status& status) {
  bool unavailable = status.code() == StatusCode::kIoError;
  send_error(response, unavailable ? 503 : 500, unavailable ? "unavailable" : "internal", status.message());
}

void fill_error_body(httplib::Response& response) {
  if (response.body.empty())
    send_error(response, response.status, error_code_for(response.status),
               response.status == 413 ? "the request body is larger than this server accepts"
                                      : "the request was refused (HTTP " + std::to_string(response.status) + ")");
}

std::string too_large_message(size_t limit) {
  return "the request body is larger than this server accepts (--max-body " + std::to_string(limit) + " bytes)";
}

namespace {

// httplib refuses request lines past this; requests made without a socket
// (Server::handle) get the same limit, which also bounds the regex matching.
constexpr size_t kMaxPathBytes = CPPHTTPLIB_REQUEST_URI_MAX_LENGTH;

void route(Server::Impl& server, httplib::Request& request, httplib::Response& response) {
  if (request.path.size() > kMaxPathBytes) {
    response.status = 414;
    return;
  }
  if (!server.router.dispatch(request, response)) response.status = 404;
}

// Runs once the headers are read, before any byte of the body: a request
// its route refuses (or one declaring a body past the limit) gets no body
// allowance at all, and its connection closes after the answer.
void admit(Server::Impl& server, httplib::Request& request, ConnectionStream& connection) {
  bool has_body = request.has_header("Transfer-Encoding") ||
                  (request.has_header("Content-Length") && request.get_header_value("Content-Length") != "0");
  if (request.method != "POST") {
    if (has_body) connection.close_after_response();  // a body nobody reads: what follows is not a request
    return;
  }
  if (auto refusal = server.router.admit(request)) return connection.refuse(*refusal);
  size_t limit = server.options.max_body_bytes;
  if (request.has_header("Content-Length")) {
    const std::string declared = request.get_header_value("Content-Length");
    bool digits = !declared.empty() && declared.size() <= 19 &&
                  declared.find_first_not_of("0123456789") == std::string::npos;
    if (!digits || std::stoull(declared) > limit)
      return connection.refuse({413, "payload_too_large", too_large_message(limit)});
  }
  // The body as sent may be longer than the body itself (chunk headers,
  // compression can go either way): the wire gets a margin, the decoded
  // body is held to the limit exactly in read_body_then_route.
  connection.allow_body(limit + limit / 4 + 64 * 1024);
}

void read_body_then_route(Server::Impl& server, httplib::Request& request, httplib::Response& response,
                          const httplib::ContentReader& reader) {
  const size_t limit = server.options.max_body_bytes;
  std::string body;
  bool too_large = false;
  bool complete = reader([&](const char* data, size_t size) {
    if (body.size() + size > limit) {
      too_large = true;
      return false;
    }
    body.append(data, size);
    return true;
  });
  ConnectionStream* connection = current_connection();
  if (connection && connection->over_allowance()) too_large = true;
  if (too_large || !complete) {
    if (connection) connection->close_after_response();
    if (too_large) return send_error(response, 413, "payload_too_large", too_large_message(limit));
    return send_error(response, 400, "bad_request",
                      "the body could not be read (cut short, too slow, or malformed chunked framing)");
  }
  request.body = std::move(body);
  route(server, request, response);
}

}  // namespace

std::string without_brotli(const std::string& accept_encoding) {
  std::string kept;
  size_t begin = 0;
  while (begin <= accept_encoding.size()) {
    size_t end = accept_encoding.find(',', begin);
    if (end == std::string::npos) end = accept_encoding.size();
    std::string token = accept_encoding.substr(begin, end - begin);
    size_t first = token.find_first_not_of(" \t");
    token = first == std::string::npos ? "" : token.substr(first);
    if (!token.empty() && token.find("br") == std::string::npos) kept += (kept.empty() ? "" : ", ") + token;
    begin = end + 1;
  }
  return kept;
}

Server::Server(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Server::~Server() { stop(); }

Result<std::unique_ptr<Server>> Server::create(const ServeOptions& options) {
  auto impl = std::make_unique<Impl>();
  impl->options = options;
  if (impl->options.web_root.empty()) impl->options.web_root = STORYLINE_WEB_DIR;
  if (impl->options.threads == 0) impl->options.threads = 1;
  // The writer first: it creates the store or brings its schema up to date,
  // so that the read-only engines find every table they read.
  EngineOptions engine_options;
  engine_options.db_path = options.db_path;
  engine_options.data_dir = options.data_dir;
  auto writer = Engine::open(engine_options);
  if (!writer) return writer.status();
  impl->writer = std::move(*writer);
  impl->readers = std::make_unique<EnginePool>(engine_options);
  // One reader now, so that a store that cannot be read fails at start.
  if (auto lease = impl->readers->borrow(); !lease) return lease.status();
  std::string data_dir = options.data_dir.empty() ? core::data_dir() : options.data_dir;
  auto cleaner = clean::Cleaner::load(data_dir);
  if (!cleaner) return cleaner.status();
  impl->validator = std::make_unique<clean::Cleaner>(std::move(*cleaner));
  impl->web = std::make_unique<StaticFiles>(impl->options.web_root);
  if (!impl->web->valid())
    return Status::invalid_input("serve: the web root '" + impl->options.web_root + "' is not a folder");

  ConnectionLimits limits;
  limits.threads = impl->options.threads;
  limits.queue = std::max<size_t>(impl->options.queue, 1);
  limits.per_client = std::max<size_t>(impl->options.max_connections_per_client, 1);
  limits.backlog = impl->options.backlog;
  auto timeout = std::chrono::milliseconds(1000 * std::max(impl->options.timeout_seconds, 1));
  limits.keep_alive_timeout = timeout;
  limits.idle_timeout = 2 * timeout;
  limits.stream.read_timeout = timeout;
  limits.stream.write_timeout = timeout;
  limits.stream.request_deadline = std::chrono::seconds(std::max(impl->options.request_deadline_seconds, 1));
  impl->http = std::make_unique<HttpServer>(limits);
  HttpServer& http = *impl->http;
  Impl& parts = *impl;
  http.set_admission([&parts](httplib::Request& request, ConnectionStream& connection) {
    admit(parts, request, connection);
  });
  http.set_payload_max_length(impl->options.max_body_bytes);
  // Headers and body go out in separate writes: without TCP_NODELAY the
  // second waits for the peer's delayed ACK (40 ms on Linux).
  http.set_tcp_nodelay(true);
  // httplib's own errors (413 for a body past the limit, 400 for a request
  // it cannot parse) get the same JSON shape as the handlers' errors.
  http.set_error_handler([](const httplib::Request&, httplib::Response& response) { fill_error_body(response); });
  // A request refused from its headers is answered before its body is read
  // (and a client waiting for "100 Continue" is told at once).
  http.set_expect_100_continue_handler([](const httplib::Request&, httplib::Response& response) {
    ConnectionStream* connection = current_connection();
    if (!connection || !connection->refusal()) return 100;
    const Refusal& refusal = *connection->refusal();
    send_error(response, refusal.status, refusal.code, refusal.message);
    return refusal.status;
  });
  // httplib compresses with brotli at its slowest quality when a client
  // accepts it (about 10 s for a 2 MB story of 500 articles, against 50 ms
  // for gzip): offer it gzip only. The request is the server's own
  // (non-const) object, so editing its header is well defined.
  http.set_pre_routing_handler([](const httplib::Request& request, httplib::Response& response) {
    if (ConnectionStream* connection = current_connection(); connection && connection->refusal()) {
      const Refusal& refusal = *connection->refusal();
      send_error(response, refusal.status, refusal.code, refusal.message);
      return httplib::Server::HandlerResponse::Handled;
    }
    auto& headers = const_cast<httplib::Request&>(request).headers;
    auto it = headers.find("Accept-Encoding");
    if (it != headers.end()) it->second = without_brotli(it->second);
    return httplib::Server::HandlerResponse::Unhandled;
  });
  http.set_post_routing_handler([](const httplib::Request&, httplib::Response& response) {
    response.set_header("X-Content-Type-Options", "nosniff");
  });
  register_entity_route(*impl);  // before the read routes' catch-all for /api/
  register_read_routes(*impl);
  register_ingest_route(*impl);
  register_static_routes(*impl);
  // httplib parses the request; the router chooses the handler. The request
  // is the server's own (non-const) object, as above.
  auto to_router = [&parts](const httplib::Request& request, httplib::Response& response) {
    route(parts, const_cast<httplib::Request&>(request), response);
  };
  http.Get(".*", to_router);
  http.Post(".*", to_router);  // a POST without a body
  // A POST with a body: read here, never past --max-body however it is
  // framed, and only once the admission let it through.
  http.Post(".*", [&parts](const httplib::Request& request, httplib::Response& response,
                           const httplib::ContentReader& reader) {
    read_body_then_route(parts, const_cast<httplib::Request&>(request), response, reader);
  });
  return std::unique_ptr<Server>(new Server(std::move(impl)));
}

Status Server::bind() {
  const ServeOptions& options = impl_->options;
  if (options.port == 0) {
    port_ = impl_->http->bind_to_any_port(options.host);
    if (port_ <= 0) return Status::io_error("serve: cannot bind " + options.host);
  } else {
    if (!impl_->http->bind_to_port(options.host, options.port))
      return Status::io_error("serve: cannot bind " + options.host + ":" + std::to_string(options.port) +
                              " (in use, or not an address of this machine)");
    port_ = options.port;
  }
  if (!impl_->http->raise_backlog()) return Status::io_error("serve: cannot set the listen backlog");
  return Status::ok();
}

Status Server::listen() {
  {
    std::lock_guard lock(impl_->listen_mutex);
    if (impl_->stop_requested) return Status::ok();
    impl_->listening = true;
  }
  bool ok = impl_->http->listen_after_bind();
  impl_->listening = false;
  if (!ok) return Status::io_error("serve: the listening socket failed");
  return Status::ok();
}

void Server::stop() {
  if (!impl_) return;
  {
    std::lock_guard lock(impl_->listen_mutex);
    impl_->stop_requested = true;
    if (!impl_->listening) return;  // listen() has not begun: it will not now
  }
  // listen() is entering httplib's loop: wait until the loop runs (or the
  // socket failed), then stop it.
  while (impl_->listening && !impl_->http->is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  impl_->http->stop_serving();  // requests in flight see it (request_abandoned)
  impl_->http->stop();
}

void Server::handle(httplib::Request& request, httplib::Response& response) {
  if (auto it = request.headers.find("Accept-Encoding"); it != request.headers.end())
    it->second = without_brotli(it->second);
  route(*impl_, request, response);
  if (response.status == -1) response.status = 200;  // as httplib does after a handler
  if (response.status >= 400) fill_error_body(response);
  response.set_header("X-Content-Type-Options", "nosniff");
}

}  // namespace storyline::serve
