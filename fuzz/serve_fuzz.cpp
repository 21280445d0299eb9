// Fuzzes the HTTP API's request handling without a socket: the input is a
// request as a client writes it (request line, headers, blank line, body);
// it is split the way httplib splits one (path URL-decoded, query parsed)
// and answered by Server::handle, which routes it to the same handlers the
// listening server uses, against a store holding the examples. Every answer
// must be a valid HTTP status with a JSON error body when it is an error.
#include <httplib.h>
#include <nlohmann/json.hpp>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>

#include "serve/server.h"
#include "storyline/engine.h"

using namespace storyline;

namespace {

serve::Server& server() {
  static std::unique_ptr<serve::Server> instance = [] {
    auto folder = std::filesystem::temp_directory_path() / ("storyline-serve-fuzz-" + std::to_string(getpid()));
    std::filesystem::remove_all(folder);
    std::filesystem::create_directories(folder);
    std::string db = (folder / "store.db").string();
    {
      EngineOptions engine_options;
      engine_options.db_path = db;
      auto engine = Engine::open(engine_options);
      if (!engine) {
        std::fprintf(stderr, "serve_fuzz: cannot open %s: %s\n", db.c_str(), engine.status().message().c_str());
        std::abort();
      }
      auto ingested = (*engine)->ingest({STORYLINE_SOURCE_DIR "/examples"}, IngestOptions{});
      if (!ingested) {
        std::fprintf(stderr, "serve_fuzz: cannot store the examples: %s\n", ingested.status().message().c_str());
        std::abort();
      }
    }
    serve::ServeOptions options;
    options.db_path = db;
    options.token = "fuzz-token";
    options.threads = 1;
    auto created = serve::Server::create(options);
    if (!created) {
      std::fprintf(stderr, "serve_fuzz: cannot start the server: %s\n", created.status().message().c_str());
      std::abort();
    }
    return std::move(*created);
  }();
  return *instance;
}

// One line of `text` from `at`, without its line end; `at` moves past it.
std::string next_line(const std::string& text, size_t& at) {
  size_t end = text.find('\n', at);
  if (end == std::string::npos) end = text.size();
  std::string line = text.substr(at, end - at);
  if (!line.empty() && line.back() == '\r') line.pop_back();
  at = end + 1;
  return line;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  serve::Server& answering = server();
  std::string input(reinterpret_cast<const char*>(data), size);
  size_t at = 0;
  std::string request_line = next_line(input, at);
  httplib::Request request;
  size_t space = request_line.find(' ');
  request.method = space == std::string::npos ? "GET" : request_line.substr(0, space);
  std::string target = space == std::string::npos ? request_line : request_line.substr(space + 1);
  if (size_t version = target.rfind(" HTTP/"); version != std::string::npos) target.resize(version);
  size_t question = target.find('?');
  request.path = httplib::detail::decode_url(target.substr(0, question), false);
  if (question != std::string::npos) httplib::detail::parse_query_text(target.substr(question + 1), request.params);
  while (at < input.size()) {
    std::string line = next_line(input, at);
    if (line.empty()) break;
    size_t colon = line.find(':');
    if (colon == std::string::npos) continue;
    size_t value = line.find_first_not_of(' ', colon + 1);
    request.headers.emplace(line.substr(0, colon), value == std::string::npos ? "" : line.substr(value));
  }
  if (at < input.size()) request.body = input.substr(at);

  httplib::Response response;
  answering.handle(request, response);
  if (response.status < 100 || response.status > 599) std::abort();
  if (response.status >= 400) {
    auto body = nlohmann::json::parse(response.body, nullptr, false);
    if (body.is_discarded() || !body.contains("error")) std::abort();
  }
  return 0;
}
