// httplib's server with the connection handling a public port needs; httplib
// 0.11 parses requests and routes them, this class decides which connection
// gets a request thread and for how long:
//
//   accept (httplib, backlog raised) ─ new connection: per-client count ─┐
//   waiting room (one epoll thread): connections until their headers are in ◄┤
//        │ headers complete                                                  │
//        ▼                                                               │
//   worker pool (bounded queue; full: 503) ─ requests while bytes wait ──┘
//
// A connection holds a worker only while it has a request to read or
// answer: idle sockets (before the first request, between keep-alive
// requests) wait in the waiting room at no cost, and are closed after their
// idle timeout.
#pragma once

#include <httplib.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <functional>
#include <map>
#include <mutex>
#include <thread>
#include <unordered_map>
#include <vector>

#include "serve/connection.h"

namespace storyline::serve {

struct ConnectionLimits {
  size_t threads = 8;
  size_t queue = 256;                 // ready connections waiting for a worker; beyond: 503
  size_t per_client = 64;             // open connections from one address; beyond: 503
  int backlog = 1024;                 // the kernel's queue of connections not yet accepted
  std::chrono::milliseconds idle_timeout{10000};       // no request begun: closed
  std::chrono::milliseconds keep_alive_timeout{5000};  // between requests
  size_t keep_alive_requests = 1000;
  ConnectionStream::Limits stream;
};

// The worker threads and their bounded queue. httplib's accept loop hands
// it each new connection; the waiting room hands it connections whose next
// request has begun to arrive.
class WorkerPool {
 public:
  WorkerPool(size_t threads, size_t queue);
  ~WorkerPool();
  // False when the queue is full or the pool stopped (the job is not run).
  bool try_submit(std::function<void()> job);
  // Runs the queued jobs, then joins the threads.
  void shutdown();

 private:
  void work();
  size_t capacity_;
  std::mutex mutex_;
  std::condition_variable ready_;
  std::deque<std::function<void()>> jobs_;
  std::vector<std::thread> threads_;
  bool stopping_ = false;
};

class HttpServer : public httplib::Server {
 public:
  // Called once a request's headers are read, before its body: may refuse
  // the request (the body is then never read) or name the body allowance.
  using Admission = std::function<void(httplib::Request&, ConnectionStream&)>;

  explicit HttpServer(ConnectionLimits limits);
  ~HttpServer() override;

  void set_admission(Admission admission) { admission_ = std::move(admission); }
  // Raises the listen backlog of the bound socket (httplib's is 5).
  bool raise_backlog();
  // Stops serving: the accept loop ends, waiting connections are closed,
  // requests in flight see client_gone() and the stop.
  void stop_serving();
  bool stopping() const { return stopping_; }
  size_t open_connections() const;

 protected:
  bool process_and_close_socket(int socket) override;

 private:
  // A connection with bytes to read: answers its requests while their bytes
  // keep coming, then parks it (or closes it).
  void serve(int socket, std::string received = {});
  void park(int socket, std::chrono::milliseconds timeout);
  void close_connection(int socket);
  void answer_busy(int socket, const char* why);
  void waiting_room();
  void close_parked();

  ConnectionLimits limits_;
  Admission admission_;
  std::atomic<bool> stopping_{false};
  WorkerPool pool_;

  mutable std::mutex mutex_;
  std::unordered_map<int, std::string> client_of_;           // open socket → peer address
  std::map<std::string, size_t> open_per_client_;
  // A parked connection: until when it may wait, and the start of its next
  // request as read so far. It gets a worker once its headers are complete,
  // so a client trickling its headers holds none.
  struct Parked {
    std::chrono::steady_clock::time_point deadline;
    std::string received;
  };
  std::unordered_map<int, Parked> parked_;
  int epoll_ = -1;
  int wake_ = -1;  // eventfd that ends the waiting room's wait
  std::thread waiting_room_thread_;
};

}  // namespace storyline::serve
