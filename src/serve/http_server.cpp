#include "serve/http_server.h"

#include <poll.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace storyline::serve {

namespace {

using Clock = std::chrono::steady_clock;

// Set while httplib's accept loop runs a connection that found the queue full.
thread_local bool t_refusing = false;

// httplib's accept loop hands connections to this; the pool itself belongs
// to the server, so that the waiting room can hand it connections too.
class PoolHandle : public httplib::TaskQueue {
 public:
  PoolHandle(WorkerPool& pool, std::function<void()> on_shutdown)
      : pool_(pool), on_shutdown_(std::move(on_shutdown)) {}
  void enqueue(std::function<void()> job) override {
    if (pool_.try_submit(job)) return;
    // Full: answered 503 at once on this thread (a short write to a new socket).
    t_refusing = true;
    job();
    t_refusing = false;
  }
  void shutdown() override { on_shutdown_(); }

 private:
  WorkerPool& pool_;
  std::function<void()> on_shutdown_;
};

// After an answer that left a body unread, the client may still be sending
// it; closing at once would reset the connection and the client could lose
// the answer. Half-close, then discard a little of what is in flight, for a
// moment, and close.
void close_after_unread_body(int socket) {
  ::shutdown(socket, SHUT_WR);
  constexpr size_t kMaxDiscarded = 256 * 1024;
  auto until = Clock::now() + std::chrono::milliseconds(250);
  char sink[4096];
  size_t discarded = 0;
  while (discarded < kMaxDiscarded) {
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(until - Clock::now()).count();
    if (left <= 0) break;
    pollfd entry{socket, POLLIN, 0};
    if (::poll(&entry, 1, static_cast<int>(left)) <= 0) break;
    ssize_t n = ::recv(socket, sink, sizeof sink, 0);
    if (n <= 0) break;
    discarded += static_cast<size_t>(n);
  }
}

}  // namespace

WorkerPool::WorkerPool(size_t threads, size_t queue) : capacity_(queue) {
  for (size_t i = 0; i < std::max<size_t>(threads, 1); ++i) threads_.emplace_back([this] { work(); });
}

WorkerPool::~WorkerPool() { shutdown(); }

bool WorkerPool::try_submit(std::function<void()> job) {
  {
    std::lock_guard lock(mutex_);
    if (stopping_ || jobs_.size() >= capacity_) return false;
    jobs_.push_back(std::move(job));
  }
  ready_.notify_one();
  return true;
}

void WorkerPool::shutdown() {
  {
    std::lock_guard lock(mutex_);
    if (stopping_ && threads_.empty()) return;
    stopping_ = true;
  }
  ready_.notify_all();
  for (auto& thread : threads_)
    if (thread.joinable()) thread.join();
  threads_.clear();
}

void WorkerPool::work() {
  for (;;) {
    std::function<void()> job;
    {
      std::unique_lock lock(mutex_);
      ready_.wait(lock, [this] { return stopping_ || !jobs_.empty(); });
      if (jobs_.empty()) return;  // stopping, and every queued job has run
      job = std::move(jobs_.front());
      jobs_.pop_front();
    }
    job();
  }
}

HttpServer::HttpServer(ConnectionLimits limits) : limits_(limits), pool_(limits.threads, limits.queue) {
  epoll_ = ::epoll_create1(EPOLL_CLOEXEC);
  wake_ = ::eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
  epoll_event event{};
  event.events = EPOLLIN;
  event.data.fd = wake_;
  ::epoll_ctl(epoll_, EPOLL_CTL_ADD, wake_, &event);
  waiting_room_thread_ = std::thread([this] { waiting_room(); });
  new_task_queue = [this] {
    return new PoolHandle(pool_, [this] {
      stop_serving();
      pool_.shutdown();
    });
  };
}

HttpServer::~HttpServer() {
  stop_serving();
  if (waiting_room_thread_.joinable()) waiting_room_thread_.join();
  pool_.shutdown();
  close_parked();  // parked by a request that ended after the waiting room did
  ::close(epoll_);
  ::close(wake_);
}

bool HttpServer::raise_backlog() {
  int socket = svr_sock_;
  return socket >= 0 && ::listen(socket, limits_.backlog) == 0;
}

void HttpServer::stop_serving() {
  stopping_ = true;
  uint64_t one = 1;
  (void)!::write(wake_, &one, sizeof one);
}

size_t HttpServer::open_connections() const {
  std::lock_guard lock(mutex_);
  return client_of_.size();
}

bool HttpServer::process_and_close_socket(int socket) {
  std::string client = peer_address(socket);
  bool over_limit = false;
  {
    std::lock_guard lock(mutex_);
    size_t& open = open_per_client_[client];
    over_limit = open >= limits_.per_client;
    if (!over_limit) {
      ++open;
      client_of_[socket] = client;
    } else if (open == 0) {
      open_per_client_.erase(client);
    }
  }
  if (over_limit) {
    answer_busy(socket, "too many connections from this address");
    ::close(socket);
    return true;
  }
  if (t_refusing || stopping_) {
    if (!stopping_) answer_busy(socket, "the server is busy");
    close_connection(socket);
    return true;
  }
  // A new connection waits in the waiting room, not on a worker, until its
  // request line and headers are in.
  park(socket, limits_.idle_timeout);
  return true;
}

void HttpServer::serve(int socket, std::string received) {
  if (stopping_) return close_connection(socket);
  ConnectionStream stream(socket, limits_.stream, std::move(received));
  stream.watch_stop(&stopping_);
  set_current_connection(&stream);
  bool park_it = false;
  for (size_t served = 0;; ++served) {
    stream.begin_request();
    bool closed = false;
    bool last = stopping_ || served + 1 >= limits_.keep_alive_requests;
    bool ok = process_request(stream, last, closed, [&](httplib::Request& request) {
      stream.allow_body(0);  // no body unless the admission grants one
      if (admission_) admission_(request, stream);
    });
    if (!ok || closed || last || stopping_ || stream.closing() || stream.over_allowance()) break;
    if (stream.has_buffered_bytes()) continue;  // a pipelined request (its headers may be partial: rare)
    park_it = true;
    break;
  }
  set_current_connection(nullptr);
  if (park_it) return park(socket, limits_.keep_alive_timeout);
  if (stream.closing() || stream.over_allowance()) close_after_unread_body(socket);
  close_connection(socket);
}

void HttpServer::park(int socket, std::chrono::milliseconds timeout) {
  if (stopping_) return close_connection(socket);
  {
    std::lock_guard lock(mutex_);
    parked_[socket] = Parked{Clock::now() + timeout, {}};
  }
  epoll_event event{};
  event.events = EPOLLIN | EPOLLRDHUP | EPOLLONESHOT;
  event.data.fd = socket;
  if (::epoll_ctl(epoll_, EPOLL_CTL_ADD, socket, &event) != 0) {
    {
      std::lock_guard lock(mutex_);
      parked_.erase(socket);
    }
    close_connection(socket);
  }
}

void HttpServer::close_connection(int socket) {
  {
    std::lock_guard lock(mutex_);
    auto it = client_of_.find(socket);
    if (it != client_of_.end()) {
      auto count = open_per_client_.find(it->second);
      if (count != open_per_client_.end() && --count->second == 0) open_per_client_.erase(count);
      client_of_.erase(it);
    }
  }
  ::shutdown(socket, SHUT_RDWR);
  ::close(socket);
}

void HttpServer::answer_busy(int socket, const char* why) {
  std::string body = std::string(R"({"error":{"code":"unavailable","message":")") + why + R"(: try again shortly"}})";
  std::string answer = "HTTP/1.1 503 Service Unavailable\r\nContent-Type: application/json\r\nRetry-After: 1\r\n"
                       "Connection: close\r\nContent-Length: " +
                       std::to_string(body.size()) + "\r\n\r\n" + body;
  (void)!::send(socket, answer.data(), answer.size(), MSG_NOSIGNAL | MSG_DONTWAIT);
}

void HttpServer::close_parked() {
  std::vector<int> left;
  {
    std::lock_guard lock(mutex_);
    for (const auto& [socket, parked] : parked_) left.push_back(socket);
    parked_.clear();
  }
  for (int socket : left) close_connection(socket);
}

void HttpServer::waiting_room() {
  epoll_event events[64];
  constexpr size_t kMostHeaderBytes = 64 * 1024;
  while (!stopping_) {
    int ready = ::epoll_wait(epoll_, events, 64, 100);
    std::vector<std::pair<int, std::string>> to_serve;
    std::vector<int> to_close;
    {
      std::lock_guard lock(mutex_);
      for (int i = 0; i < ready; ++i) {
        int socket = events[i].data.fd;
        if (socket == wake_) continue;
        auto it = parked_.find(socket);
        if (it == parked_.end()) continue;
        // Take what has arrived; the headers are complete at a blank line.
        std::string& received = it->second.received;
        bool ended = false;
        char chunk[4096];
        while (received.size() < kMostHeaderBytes) {
          ssize_t n = ::recv(socket, chunk, sizeof chunk, MSG_DONTWAIT);
          if (n > 0) {
            received.append(chunk, static_cast<size_t>(n));
            continue;
          }
          ended = n == 0 || (errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR);
          break;
        }
        bool complete = received.find("\r\n\r\n") != std::string::npos || received.size() >= kMostHeaderBytes;
        if (!complete && !ended) {
          epoll_event again{};
          again.events = EPOLLIN | EPOLLRDHUP | EPOLLONESHOT;
          again.data.fd = socket;
          if (::epoll_ctl(epoll_, EPOLL_CTL_MOD, socket, &again) == 0) continue;
        }
        ::epoll_ctl(epoll_, EPOLL_CTL_DEL, socket, nullptr);
        if (complete || !received.empty())
          to_serve.emplace_back(socket, std::move(received));
        else
          to_close.push_back(socket);
        parked_.erase(it);
      }
      auto now = Clock::now();
      for (auto it = parked_.begin(); it != parked_.end();) {
        if (it->second.deadline > now) {
          ++it;
          continue;
        }
        ::epoll_ctl(epoll_, EPOLL_CTL_DEL, it->first, nullptr);
        to_close.push_back(it->first);
        it = parked_.erase(it);
      }
    }
    for (auto& [socket, received] : to_serve)
      if (!pool_.try_submit([this, socket, bytes = std::move(received)]() mutable { serve(socket, std::move(bytes)); })) {
        answer_busy(socket, "the server is busy");
        close_connection(socket);
      }
    for (int socket : to_close) close_connection(socket);
  }
  close_parked();
}

}  // namespace storyline::serve
