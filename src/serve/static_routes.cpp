// The web app: every GET outside /api/ is a file under the web root or 404.
#include <fstream>
#include <sstream>

#include "serve/server_impl.h"

namespace storyline::serve {

void register_static_routes(Server::Impl& server) {
  server.router.get(R"(/.*)", [&server](const httplib::Request& request, httplib::Response& response) {
    auto file = server.web->resolve(request.path);
    if (!file) return send_error(response, 404, "not_found", "no such page");
    std::ifstream in(*file, std::ios::binary);
    if (!in) return send_error(response, 404, "not_found", "no such page");
    std::ostringstream content;
    content << in.rdbuf();
    std::string body = content.str();
    std::string etag = etag_of(body);
    response.set_header("ETag", etag);
    response.set_header("Cache-Control", "no-cache");
    if (request.has_header("If-None-Match") && if_none_match(request.get_header_value("If-None-Match"), etag)) {
      response.status = 304;
      return;
    }
    response.set_content(std::move(body), StaticFiles::content_type(*file));
  });
}

}  // namespace storyline::serve
