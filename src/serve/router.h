// The server's routes as plain data: a method, a path pattern and a handler.
// httplib hands every request to Router::dispatch, so the whole of request
// handling (routing, parameters, handlers, errors) runs on a Request object
// without a socket: the tests and the fuzz target call Server::handle.
#pragma once

#include <httplib.h>

#include <functional>
#include <regex>
#include <string>
#include <vector>

namespace storyline::serve {

using Handler = std::function<void(const httplib::Request&, httplib::Response&)>;

class Router {
 public:
  // `pattern` must match the whole path (as in httplib); its groups become
  // request.matches. Routes are tried in the order they were added.
  void get(const std::string& pattern, Handler handler) { add("GET", pattern, std::move(handler)); }
  void post(const std::string& pattern, Handler handler) { add("POST", pattern, std::move(handler)); }

  // Runs the first route of the request's method (HEAD routes as GET) whose
  // pattern matches the path; false when none does.
  bool dispatch(httplib::Request& request, httplib::Response& response) const;

 private:
  struct Route {
    std::string method;
    std::regex pattern;
    Handler handler;
  };
  void add(const std::string& method, const std::string& pattern, Handler handler);
  std::vector<Route> routes_;
};

}  // namespace storyline::serve
