#include "serve/server.h"

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

  httplib::Server& http = impl->http;
  size_t threads = impl->options.threads;
  http.new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
  http.set_payload_max_length(impl->options.max_body_bytes);
  // Idle keep-alive connections hold a request thread: keep them short.
  http.set_keep_alive_timeout(2);
  // Headers and body go out in separate writes: without TCP_NODELAY the
  // second waits for the peer's delayed ACK (40 ms on Linux).
  http.set_tcp_nodelay(true);
  http.set_keep_alive_max_count(1000);
  http.set_read_timeout(10);
  http.set_write_timeout(10);
  // httplib's own errors (413 for a body past the limit, 400 for a request
  // it cannot parse) get the same JSON shape as the handlers' errors.
  http.set_error_handler([](const httplib::Request&, httplib::Response& response) { fill_error_body(response); });
  // httplib compresses with brotli at its slowest quality when a client
  // accepts it (about 10 s for a 2 MB story of 500 articles, against 50 ms
  // for gzip): offer it gzip only. The request is the server's own
  // (non-const) object, so editing its header is well defined.
  http.set_pre_routing_handler([](const httplib::Request& request, httplib::Response&) {
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
  Impl& parts = *impl;
  auto to_router = [&parts](const httplib::Request& request, httplib::Response& response) {
    route(parts, const_cast<httplib::Request&>(request), response);
  };
  http.Get(".*", to_router);
  http.Post(".*", to_router);
  return std::unique_ptr<Server>(new Server(std::move(impl)));
}

Status Server::bind() {
  const ServeOptions& options = impl_->options;
  if (options.port == 0) {
    port_ = impl_->http.bind_to_any_port(options.host);
    if (port_ <= 0) return Status::io_error("serve: cannot bind " + options.host);
  } else {
    if (!impl_->http.bind_to_port(options.host, options.port))
      return Status::io_error("serve: cannot bind " + options.host + ":" + std::to_string(options.port) +
                              " (in use, or not an address of this machine)");
    port_ = options.port;
  }
  return Status::ok();
}

Status Server::listen() {
  {
    std::lock_guard lock(impl_->listen_mutex);
    if (impl_->stop_requested) return Status::ok();
    impl_->listening = true;
  }
  bool ok = impl_->http.listen_after_bind();
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
  while (impl_->listening && !impl_->http.is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  impl_->http.stop();
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
