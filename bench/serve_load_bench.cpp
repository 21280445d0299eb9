// Load on `storyline serve` over loopback (issue #14): requests/s and
// p50/p99/max latency for 500 concurrent clients on the home and health
// routes, the same behind 500 idle sockets, and the server's memory while 10
// clients without a token send 100 MB chunked bodies. Bounded in count and
// time: every client does a fixed number of requests, every wait has a
// timeout. The server runs in this process (its memory is this process's).
//
//   serve_load_bench [store.db]   (default: a new empty store in /tmp)
#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "serve/server.h"

namespace {

using Clock = std::chrono::steady_clock;

int connect_to(int port) {
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(static_cast<uint16_t>(port));
  inet_pton(AF_INET, "127.0.0.1", &address.sin_addr);
  if (::connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0) return ::close(fd), -1;
  return fd;
}

// One request on a new connection; its status (0: no answer within 10 s).
int request(int port, const std::string& path) {
  int fd = connect_to(port);
  if (fd < 0) return 0;
  std::string text = "GET " + path + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n";
  (void)!::send(fd, text.data(), text.size(), MSG_NOSIGNAL);
  std::string answer;
  char buffer[8192];
  auto until = Clock::now() + std::chrono::seconds(10);
  while (Clock::now() < until) {
    pollfd entry{fd, POLLIN, 0};
    if (::poll(&entry, 1, 1000) <= 0) continue;
    ssize_t n = ::recv(fd, buffer, sizeof buffer, 0);
    if (n <= 0) break;
    answer.append(buffer, n);
  }
  ::close(fd);
  return answer.rfind("HTTP/1.1 ", 0) == 0 ? std::atoi(answer.c_str() + 9) : 0;
}

long rss_kb() {
  std::ifstream status("/proc/self/status");
  std::string line;
  while (std::getline(status, line))
    if (line.rfind("VmRSS:", 0) == 0) return std::atol(line.c_str() + 6);
  return 0;
}

struct Figures {
  size_t requests = 0, failures = 0;
  double seconds = 0, p50 = 0, p99 = 0, max = 0;
};

// `clients` threads, each `per_client` requests alternating home and health.
Figures load(int port, int clients, int per_client) {
  std::vector<double> latencies;
  std::mutex mutex;
  std::atomic<size_t> failures{0};
  auto start = Clock::now();
  std::vector<std::thread> threads;
  for (int c = 0; c < clients; ++c)
    threads.emplace_back([&, c] {
      std::vector<double> mine;
      for (int i = 0; i < per_client; ++i) {
        auto begin = Clock::now();
        int status = request(port, (c + i) % 2 ? "/api/health" : "/");
        mine.push_back(std::chrono::duration<double, std::milli>(Clock::now() - begin).count());
        if (status != 200) ++failures;
      }
      std::lock_guard lock(mutex);
      latencies.insert(latencies.end(), mine.begin(), mine.end());
    });
  for (auto& thread : threads) thread.join();
  Figures figures;
  figures.seconds = std::chrono::duration<double>(Clock::now() - start).count();
  std::sort(latencies.begin(), latencies.end());
  figures.requests = latencies.size();
  figures.failures = failures;
  if (!latencies.empty()) {
    figures.p50 = latencies[latencies.size() / 2];
    figures.p99 = latencies[std::min(latencies.size() - 1, latencies.size() * 99 / 100)];
    figures.max = latencies.back();
  }
  return figures;
}

void print(const char* name, const Figures& f) {
  std::printf("%-34s %6zu requests  %7.0f req/s  p50 %7.1f ms  p99 %7.1f ms  max %7.1f ms  failed %zu\n", name,
              f.requests, f.requests / f.seconds, f.p50, f.p99, f.max, f.failures);
}

}  // namespace

int main(int argc, char** argv) {
  std::string db = argc > 1 ? argv[1] : (std::filesystem::temp_directory_path() / "serve_load_bench.db").string();
  storyline::serve::ServeOptions options;
  options.db_path = db;
  options.port = 0;
  options.token = "bench-token";
  options.max_connections_per_client = 2000;  // every client of this bench is 127.0.0.1
  auto server = storyline::serve::Server::create(options);
  if (!server) return std::fprintf(stderr, "serve_load_bench: %s\n", server.status().message().c_str()), 3;
  if (!(*server)->bind().is_ok()) return 3;
  int port = (*server)->port();
  std::thread listening([&] { (*server)->listen(); });
  std::printf("server: %zu threads, queue %zu, store %s\n", options.threads, options.queue, db.c_str());

  print("500 concurrent clients x 4", load(port, 500, 4));

  std::vector<int> idle;
  for (int i = 0; i < 500; ++i)
    if (int fd = connect_to(port); fd >= 0) idle.push_back(fd);
  print("behind 500 idle sockets, 50 x 4", load(port, 50, 4));
  for (int fd : idle) ::close(fd);

  // 10 clients, 100 MB chunked each, no token: what the server holds.
  long baseline = rss_kb(), peak = baseline;
  std::atomic<bool> sampling{true};
  std::thread sampler([&] {
    while (sampling) peak = std::max(peak, rss_kb()), std::this_thread::sleep_for(std::chrono::milliseconds(5));
  });
  std::atomic<size_t> accepted_bytes{0}, refused{0};
  auto start = Clock::now();
  std::vector<std::thread> senders;
  for (int c = 0; c < 10; ++c)
    senders.emplace_back([&] {
      int fd = connect_to(port);
      if (fd < 0) return;
      std::string head = "POST /api/articles HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                         "Transfer-Encoding: chunked\r\n\r\n";
      (void)!::send(fd, head.data(), head.size(), MSG_NOSIGNAL);
      std::string chunk = "10000\r\n" + std::string(65536, 'x') + "\r\n";
      size_t sent = 0;
      while (sent < (100u << 20)) {
        pollfd entry{fd, POLLOUT, 0};
        if (::poll(&entry, 1, 2000) <= 0) break;
        ssize_t n = ::send(fd, chunk.data(), chunk.size(), MSG_NOSIGNAL);
        if (n <= 0) break;
        sent += static_cast<size_t>(n);
      }
      accepted_bytes += sent;
      char buffer[512];
      pollfd entry{fd, POLLIN, 0};
      if (::poll(&entry, 1, 2000) > 0 && ::recv(fd, buffer, sizeof buffer, 0) > 12 &&
          std::string(buffer, 12) == "HTTP/1.1 401")
        ++refused;
      ::close(fd);
    });
  for (auto& sender : senders) sender.join();
  sampling = false;
  sampler.join();
  std::printf("10 x 100 MB chunked, no token: %.1f s, %.1f MB taken by the socket in all, %zu saw 401, "
              "server memory +%.1f MB over its %.1f MB baseline\n",
              std::chrono::duration<double>(Clock::now() - start).count(), accepted_bytes / 1048576.0,
              refused.load(), (peak - baseline) / 1024.0, baseline / 1024.0);
  print("after the hostile bodies, 50 x 4", load(port, 50, 4));

  auto stop_start = Clock::now();
  (*server)->stop();
  listening.join();
  std::printf("stop: %.2f s\n", std::chrono::duration<double>(Clock::now() - stop_start).count());
  return 0;
}
