#include "serve/connection.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

namespace storyline::serve {

namespace {

thread_local ConnectionStream* t_current = nullptr;

std::string address_text(const sockaddr_storage& address, int& port) {
  char text[INET6_ADDRSTRLEN] = "";
  if (address.ss_family == AF_INET) {
    auto* v4 = reinterpret_cast<const sockaddr_in*>(&address);
    inet_ntop(AF_INET, &v4->sin_addr, text, sizeof text);
    port = ntohs(v4->sin_port);
  } else if (address.ss_family == AF_INET6) {
    auto* v6 = reinterpret_cast<const sockaddr_in6*>(&address);
    inet_ntop(AF_INET6, &v6->sin6_addr, text, sizeof text);
    port = ntohs(v6->sin6_port);
  }
  return text;
}

}  // namespace

ConnectionStream* current_connection() { return t_current; }
void set_current_connection(ConnectionStream* connection) { t_current = connection; }

bool request_abandoned() { return t_current && t_current->abandoned(); }

std::string peer_address(int socket) {
  sockaddr_storage address{};
  socklen_t length = sizeof address;
  int port = 0;
  if (::getpeername(socket, reinterpret_cast<sockaddr*>(&address), &length) != 0) return "";
  return address_text(address, port);
}

ConnectionStream::ConnectionStream(int socket, Limits limits, std::string received)
    : socket_(socket), limits_(limits), received_(std::move(received)) {
  begin_request();
}

void ConnectionStream::begin_request() {
  deadline_ = Clock::now() + limits_.request_deadline;
  allowance_ = limits_.header_bytes;
  over_allowance_ = false;
  refusal_.reset();
}

void ConnectionStream::allow_body(size_t bytes) {
  allowance_ = bytes;
  // A body gets time in proportion to its size, at a slow but real rate.
  constexpr size_t kSlowestBytesPerSecond = 1 << 20;
  deadline_ = Clock::now() + limits_.request_deadline + std::chrono::seconds(bytes / kSlowestBytesPerSecond);
}

bool ConnectionStream::peer_gone() const {
  pollfd entry{socket_, POLLRDHUP, 0};
  if (::poll(&entry, 1, 0) <= 0) return false;
  return entry.revents & (POLLRDHUP | POLLHUP | POLLERR);
}

bool ConnectionStream::wait_for(short events, std::chrono::milliseconds timeout) const {
  auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline_ - Clock::now());
  auto wait = std::max<std::chrono::milliseconds>(std::chrono::milliseconds(0), std::min(timeout, left));
  pollfd entry{socket_, events, 0};
  int ready;
  do ready = ::poll(&entry, 1, static_cast<int>(wait.count()));
  while (ready < 0 && errno == EINTR);
  return ready > 0;
}

bool ConnectionStream::is_readable() const { return has_buffered_bytes() || wait_for(POLLIN, limits_.read_timeout); }

bool ConnectionStream::is_writable() const {
  pollfd entry{socket_, POLLOUT, 0};
  return ::poll(&entry, 1, static_cast<int>(limits_.write_timeout.count())) > 0;
}

ssize_t ConnectionStream::read(char* data, size_t size) {
  if (size == 0) return 0;
  if (allowance_ == 0) {
    over_allowance_ = true;
    return -1;
  }
  if (taken_ < received_.size()) {
    size_t n = std::min({size, received_.size() - taken_, allowance_});
    std::memcpy(data, received_.data() + taken_, n);
    taken_ += n;
    allowance_ -= n;
    return static_cast<ssize_t>(n);
  }
  if (begin_ == end_) {
    if (!wait_for(POLLIN, limits_.read_timeout)) return -1;
    // Never take from the socket more than the client may still send: what
    // lies beyond is left unread (and the connection closed).
    size_t want = std::min(sizeof buffer_, allowance_);
    ssize_t got;
    do got = ::recv(socket_, buffer_, want, 0);
    while (got < 0 && errno == EINTR);
    if (got <= 0) return got;
    begin_ = 0;
    end_ = static_cast<size_t>(got);
  }
  size_t n = std::min({size, end_ - begin_, allowance_});
  std::memcpy(data, buffer_ + begin_, n);
  begin_ += n;
  allowance_ -= n;
  return static_cast<ssize_t>(n);
}

ssize_t ConnectionStream::write(const char* data, size_t size) {
  pollfd entry{socket_, POLLOUT, 0};
  int ready;
  do ready = ::poll(&entry, 1, static_cast<int>(limits_.write_timeout.count()));
  while (ready < 0 && errno == EINTR);
  if (ready <= 0) return -1;
  ssize_t sent;
  do sent = ::send(socket_, data, size, MSG_NOSIGNAL);
  while (sent < 0 && errno == EINTR);
  return sent;
}

void ConnectionStream::get_remote_ip_and_port(std::string& ip, int& port) const {
  sockaddr_storage address{};
  socklen_t length = sizeof address;
  port = 0;
  ip.clear();
  if (::getpeername(socket_, reinterpret_cast<sockaddr*>(&address), &length) == 0) ip = address_text(address, port);
}

void ConnectionStream::get_local_ip_and_port(std::string& ip, int& port) const {
  sockaddr_storage address{};
  socklen_t length = sizeof address;
  port = 0;
  ip.clear();
  if (::getsockname(socket_, reinterpret_cast<sockaddr*>(&address), &length) == 0) ip = address_text(address, port);
}

}  // namespace storyline::serve
