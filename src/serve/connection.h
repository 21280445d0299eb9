// One client connection as httplib reads and writes it. The server runs
// httplib's request parser over this stream rather than httplib's own, so
// that the server decides, per request, how many bytes the client may send:
// a bounded allowance for the request line and headers, then the body
// allowance the route grants (none at all for a refused request), however the
// body is framed (declared length, chunked, compressed). Reads and writes
// wait at most their timeouts, and reading a request has a deadline as a
// whole, so a slow client cannot hold a worker for long.
#pragma once

#include <httplib.h>

#include <atomic>
#include <chrono>
#include <cstddef>
#include <optional>
#include <string>

namespace storyline::serve {

// Why a request was refused before its body was read; sent as a JSON error.
struct Refusal {
  int status = 400;
  std::string code;
  std::string message;
};

class ConnectionStream : public httplib::Stream {
 public:
  using Clock = std::chrono::steady_clock;

  struct Limits {
    std::chrono::milliseconds read_timeout{5000};   // one wait for bytes
    std::chrono::milliseconds write_timeout{5000};  // one wait to send
    std::chrono::milliseconds request_deadline{10000};  // request line, headers and body as a whole
    size_t header_bytes = 64 * 1024;                // request line and headers
  };

  // `received`: bytes the waiting room already read from the socket (the
  // request line and headers), handed out before anything else.
  ConnectionStream(int socket, Limits limits, std::string received = {});

  // A new request begins: only the header allowance, a fresh deadline, no refusal.
  void begin_request();
  // The headers are parsed: the client may now send up to `bytes` of body
  // on the wire (framing included), with time for them at 1 MB/s.
  void allow_body(size_t bytes);
  // Whether a read failed because the client sent more than it was allowed.
  bool over_allowance() const { return over_allowance_; }

  // A refusal decided from the headers; the route answers it without reading the body.
  void refuse(Refusal refusal) { refusal_ = std::move(refusal); close_after_response_ = true; }
  const std::optional<Refusal>& refusal() const { return refusal_; }

  // The connection is closed once the current answer is sent (a body was
  // left unread, so what follows on the wire is not a request).
  void close_after_response() { close_after_response_ = true; }
  bool closing() const { return close_after_response_; }

  // Bytes received but not yet handed to httplib (a pipelined request).
  bool has_buffered_bytes() const { return begin_ < end_ || taken_ < received_.size(); }

  // Whether the peer has closed or reset the connection (never blocks).
  bool peer_gone() const;
  // The server's stop flag, which abandons the request as a gone peer does.
  void watch_stop(const std::atomic<bool>* stopping) { stopping_ = stopping; }
  bool abandoned() const { return (stopping_ && *stopping_) || peer_gone(); }

  bool is_readable() const override;
  bool is_writable() const override;
  ssize_t read(char* data, size_t size) override;
  ssize_t write(const char* data, size_t size) override;
  void get_remote_ip_and_port(std::string& ip, int& port) const override;
  void get_local_ip_and_port(std::string& ip, int& port) const override;
  int socket() const override { return socket_; }

 private:
  // Waits until the socket is readable (or writable), within `timeout` and the request's deadline.
  bool wait_for(short events, std::chrono::milliseconds timeout) const;

  int socket_;
  Limits limits_;
  const std::atomic<bool>* stopping_ = nullptr;
  Clock::time_point deadline_;
  size_t allowance_ = 0;  // bytes httplib may still take
  bool over_allowance_ = false;
  std::optional<Refusal> refusal_;
  bool close_after_response_ = false;
  std::string received_;
  size_t taken_ = 0;
  char buffer_[16 * 1024];
  size_t begin_ = 0, end_ = 0;
};

// The connection the calling request thread is answering; null outside one
// (and for requests handled without a socket, as the tests do).
ConnectionStream* current_connection();
void set_current_connection(ConnectionStream* connection);

// Whether the request on this thread is no longer wanted: its client has
// gone or the server is stopping (a handler doing long work stops early).
bool request_abandoned();

// "ip" of a connected socket's peer; empty when it has none.
std::string peer_address(int socket);

}  // namespace storyline::serve
