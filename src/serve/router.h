// The server's routes as plain data: a method, a path pattern and a handler.
// httplib hands every request to Router::dispatch, so the whole of request
// handling (routing, parameters, handlers, errors) runs on a Request object
// without a socket: the tests and the fuzz target call Server::handle.
#pragma once

#include <httplib.h>

#include <functional>
#include <optional>
#include <regex>
#include <string>
#include <vector>

#include "serve/connection.h"

namespace storyline::serve {

using Handler = std::function<void(const httplib::Request&, httplib::Response&)>;
// Decides from the request line and headers alone whether a body may be
// read at all (the token, the content type): a refusal is answered before
// a byte of the body is read.
using Admission = std::function<std::optional<Refusal>(const httplib::Request&)>;

class Router {
 public:
  // `pattern` must match the whole path (as in httplib); its groups become
  // request.matches. Routes are tried in the order they were added.
  void get(const std::string& pattern, Handler handler) { add("GET", pattern, std::move(handler)); }
  void post(const std::string& pattern, Handler handler, Admission admission = nullptr) {
    add("POST", pattern, std::move(handler), std::move(admission));
  }

  // Runs the first route of the request's method (HEAD routes as GET) whose
  // pattern matches the path; false when none does.
  bool dispatch(httplib::Request& request, httplib::Response& response) const;

  // Whether the body of this request may be read: a refusal when no route
  // takes it (404) or its route's admission refuses it.
  std::optional<Refusal> admit(const httplib::Request& request) const;

 private:
  struct Route {
    std::string method;
    std::regex pattern;
    Handler handler;
    Admission admission;
  };
  void add(const std::string& method, const std::string& pattern, Handler handler, Admission admission = nullptr);
  std::vector<Route> routes_;
};

}  // namespace storyline::serve
