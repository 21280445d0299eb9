#include "serve/router.h"

namespace storyline::serve {

void Router::add(const std::string& method, const std::string& pattern, Handler handler, Admission admission) {
  routes_.push_back({method, std::regex(pattern), std::move(handler), std::move(admission)});
}

std::optional<Refusal> Router::admit(const httplib::Request& request) const {
  for (const Route& route : routes_) {
    if (route.method != request.method || !std::regex_match(request.path, route.pattern)) continue;
    if (route.admission) return route.admission(request);
    return std::nullopt;
  }
  return Refusal{404, "not_found", "no " + request.method + " route for this path"};
}

bool Router::dispatch(httplib::Request& request, httplib::Response& response) const {
  const std::string& method = request.method == "HEAD" ? std::string("GET") : request.method;
  for (const Route& route : routes_) {
    if (route.method != method) continue;
    // request.matches points into request.path, which outlives the call.
    if (!std::regex_match(request.path, request.matches, route.pattern)) continue;
    route.handler(request, response);
    return true;
  }
  return false;
}

}  // namespace storyline::serve
