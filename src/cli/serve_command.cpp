// storyline serve: the HTTP API and the web app over one store, until
// SIGINT or SIGTERM, when the requests in flight are answered and it exits.
#include <pthread.h>
#include <signal.h>

#include <iostream>
#include <thread>

#include "cli/commands.h"
#include "serve/server.h"

namespace storyline::cli {

void add_serve_command(CLI::App& app, GlobalOptions& global, std::function<int()>& run) {
  auto options = std::make_shared<serve::ServeOptions>();
  CLI::App* serve = app.add_subcommand("serve", "Serve the JSON API and the web app over the store");
  serve->add_option("--host", options->host, "Address to listen on")->capture_default_str();
  serve->add_option("--port", options->port, "Port (0: any free port)")->capture_default_str()->check(CLI::Range(0, 65535));
  serve->add_option("--token", options->token,
                    "Token that POST /api/articles requires (Authorization: Bearer TOKEN); without it, ingest over "
                    "HTTP is off");
  serve->add_option("--threads", options->threads, "Request threads")->capture_default_str()->check(CLI::Range(1, 256));
  serve->add_option("--max-body", options->max_body_bytes, "Largest POST body in bytes")->capture_default_str();
  serve->add_option("--queue", options->queue,
                    "Connections that may wait for a request thread; beyond, 503 at once")
      ->capture_default_str()->check(CLI::Range(1, 100000));
  serve->add_option("--max-connections-per-client", options->max_connections_per_client,
                    "Open connections one address may hold; beyond, 503 at once")
      ->capture_default_str()->check(CLI::Range(1, 100000));
  serve->add_option("--timeout", options->timeout_seconds,
                    "Seconds one read or write may wait, and an idle keep-alive connection stays open")
      ->capture_default_str()->check(CLI::Range(1, 3600));
  serve->add_option("--web-root", options->web_root, "Folder of the web app (default: the built-in web/public)");
  serve->callback([&global, &run, options] {
    run = [&global, options]() -> int {
      options->db_path = global.db_path;
      options->data_dir = global.data_dir;
      // Signals go to one waiting thread, not to whichever thread they hit:
      // stopping the server from a signal handler is not safe.
      sigset_t signals;
      sigemptyset(&signals);
      sigaddset(&signals, SIGINT);
      sigaddset(&signals, SIGTERM);
      pthread_sigmask(SIG_BLOCK, &signals, nullptr);  // inherited by every thread started below
      auto server = serve::Server::create(*options);
      if (!server) {
        std::cerr << "storyline: " << server.status().message() << "\n";
        return kExitStoreError;
      }
      if (Status status = (*server)->bind(); !status.is_ok()) {
        std::cerr << "storyline: " << status.message() << "\n";
        return kExitUsage;
      }
      if (!global.quiet)
        std::cerr << "storyline: serving " << global.db_path << " on http://" << options->host << ":"
                  << (*server)->port() << "/" << (options->token.empty() ? " (ingest over HTTP off)" : "") << "\n";
      serve::Server* raw = server->get();
      std::thread waiter([raw, signals] {
        int received = 0;
        sigwait(&signals, &received);
        raw->stop();
      });
      Status status = raw->listen();
      // Stopped by a signal, or the socket failed: wake the waiter either way.
      pthread_kill(waiter.native_handle(), SIGTERM);
      waiter.join();
      if (!global.quiet) std::cerr << "storyline: stopped\n";
      if (!status.is_ok()) {
        std::cerr << "storyline: " << status.message() << "\n";
        return kExitStoreError;
      }
      return kExitOk;
    };
  });
}

}  // namespace storyline::cli
