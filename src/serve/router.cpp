#include "serve/router.h"

namespace storyline::serve {

void Router::add(const std::string& method, const std::string& pattern, Handler handler) {
  routes_.push_back({method, std::regex(pattern), std::move(handler)});
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
