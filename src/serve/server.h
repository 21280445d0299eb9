// `storyline serve`: one process, one port, the JSON API under /api/ and the
// web app's files everywhere else.
//
//   request threads (httplib pool) ─ borrow a read-only engine ─ store (WAL)
//   POST /api/articles ─ the one writable engine, one request at a time
#pragma once

#include <atomic>
#include <memory>
#include <mutex>
#include <string>

#include "storyline/engine.h"

namespace httplib {
class Server;
struct Request;
struct Response;
}

namespace storyline::serve {

class EnginePool;
class StaticFiles;

struct ServeOptions {
  std::string db_path = "storyline.db";
  std::string data_dir;              // empty: the built-in data folder
  std::string web_root;              // empty: the built-in web/public
  std::string host = "127.0.0.1";
  int port = 8080;                   // 0: any free port (see Server::port)
  std::string token;                 // POST /api/articles needs it; empty: ingest is off
  size_t threads = 8;                // request threads (and at most this many readers)
  size_t max_body_bytes = 8u << 20;  // POST bodies beyond this: 413
  size_t max_articles_per_post = 1000;
  size_t queue = 256;                       // connections waiting for a request thread; beyond: 503
  size_t max_connections_per_client = 64;   // open connections from one address; beyond: 503
  int timeout_seconds = 5;                  // one read or write wait; the idle time between requests
  int request_deadline_seconds = 10;        // request line and headers (a body gets 1 s more per MB)
  int backlog = 1024;                       // connections the kernel queues before accept
};

class Server {
 public:
  // Opens the store (applying migrations, as the writer) and the web root.
  static Result<std::unique_ptr<Server>> create(const ServeOptions& options);
  ~Server();

  // Binds the address; the port is known after this (0 picks a free one).
  Status bind();
  int port() const { return port_; }
  // Serves until stop(); returns when every request in flight is answered.
  Status listen();
  // Safe from any thread (a signal-waiting thread, a test).
  void stop();

  // Answers one request (path already URL-decoded, query parsed into
  // params) as the listening server would, without a socket: the tests and
  // the fuzz target use it.
  void handle(httplib::Request& request, httplib::Response& response);

  struct Impl;

 private:
  explicit Server(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
  int port_ = 0;
};

}  // namespace storyline::serve
