// The server's parts, shared by the files that register its routes.
#pragma once

#include <httplib.h>

#include <atomic>
#include <functional>
#include <memory>
#include <mutex>

#include "clean/cleaner.h"
#include "serve/engine_pool.h"
#include "serve/http_server.h"
#include "serve/http_support.h"
#include "serve/router.h"
#include "serve/server.h"
#include "serve/static_files.h"
#include "serve/story_listing.h"

namespace storyline::serve {

struct Server::Impl {
  ServeOptions options;
  std::unique_ptr<HttpServer> http;  // made once the options are known
  Router router;  // every route; `http` hands each request to it
  std::unique_ptr<EnginePool> readers;
  std::unique_ptr<Engine> writer;  // POST /api/articles; guarded by writer_mutex
  std::mutex writer_mutex;
  std::unique_ptr<clean::Cleaner> validator;  // checks POSTed articles before anything is stored
  std::unique_ptr<StaticFiles> web;
  RankingCache rankings;
  // httplib's stop() does nothing until its accept loop runs, so a stop that
  // comes first (a signal at start-up, a test that sends no request) would
  // be lost and listen() would never return. listen() and stop() agree
  // under this mutex on which of them came first.
  std::mutex listen_mutex;
  bool stop_requested = false;        // guarded by listen_mutex
  std::atomic<bool> listening{false}; // listen() is in httplib's loop or about to enter it
};

// Runs `handler`, turning a BadRequest into a 400 and anything else thrown
// into a 500, both as JSON errors.
Handler guarded(Handler handler);

// An Accept-Encoding value without brotli ("gzip, deflate, br" → "gzip,
// deflate"): httplib's brotli is far too slow for large answers.
std::string without_brotli(const std::string& accept_encoding);

// The JSON body httplib's own errors get (413, 400, 404 when no route).
void fill_error_body(httplib::Response& response);

// The 413 message, naming the limit.
std::string too_large_message(size_t limit);

// Sends a failed Status as a 500 (or 503 when the store is busy or gone).
void send_status_error(httplib::Response& response, const Status& status);

void register_read_routes(Server::Impl& server);    // GET /api/...
void register_entity_route(Server::Impl& server);   // GET /api/entities/{id}
void register_ingest_route(Server::Impl& server);   // POST /api/articles
// Why POST /api/articles refuses this request before reading its body (no
// ingest, the token, the content type); nothing when it may send one.
std::optional<Refusal> ingest_refusal(const Server::Impl& server, const httplib::Request& request);
void register_static_routes(Server::Impl& server);  // the web app

}  // namespace storyline::serve
