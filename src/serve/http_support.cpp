#include "serve/http_support.h"

#include <xxhash.h>

#include <cstdio>

namespace storyline::serve {

std::string error_code_for(int status) {
  switch (status) {
    case 400: return "bad_request";
    case 401: return "unauthorized";
    case 403: return "forbidden";
    case 404: return "not_found";
    case 405: return "method_not_allowed";
    case 413: return "payload_too_large";
    case 415: return "unsupported_media_type";
    case 503: return "unavailable";
    default: return status >= 500 ? "internal" : "error";
  }
}

void send_error(httplib::Response& response, int status, const std::string& code, const std::string& message) {
  response.status = status;
  nlohmann::json body = {{"error", {{"code", code}, {"message", message}}}};
  response.set_content(body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace), "application/json");
}

std::string etag_of(const std::string& body) {
  char hex[24];
  std::snprintf(hex, sizeof hex, "\"%016llx\"", static_cast<unsigned long long>(XXH3_64bits(body.data(), body.size())));
  return hex;
}

bool if_none_match(const std::string& header, const std::string& etag) {
  size_t i = 0;
  while (i < header.size()) {
    size_t comma = header.find(',', i);
    if (comma == std::string::npos) comma = header.size();
    std::string tag = header.substr(i, comma - i);
    size_t begin = tag.find_first_not_of(" \t"), end = tag.find_last_not_of(" \t");
    tag = begin == std::string::npos ? "" : tag.substr(begin, end - begin + 1);
    if (tag.rfind("W/", 0) == 0) tag = tag.substr(2);  // weak comparison, as GET allows
    if (tag == "*" || tag == etag) return true;
    i = comma + 1;
  }
  return false;
}

void send_json(const httplib::Request& request, httplib::Response& response, const nlohmann::json& body, int status) {
  // Article text is valid UTF-8 by construction; replace keeps one bad byte
  // in a stored field from turning a whole answer into a 500.
  std::string text = body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  std::string etag = etag_of(text);
  response.set_header("ETag", etag);
  response.set_header("Cache-Control", "no-cache");  // revalidate each time: cheap with the ETag
  if (status == 200 && request.has_header("If-None-Match") &&
      if_none_match(request.get_header_value("If-None-Match"), etag)) {
    response.status = 304;
    return;
  }
  response.status = status;
  response.set_content(std::move(text), "application/json");
}

void check_known_parameters(const httplib::Request& request, const std::set<std::string>& known) {
  for (const auto& [name, value] : request.params)
    if (!known.count(name)) {
      std::string list;
      for (const auto& k : known) list += (list.empty() ? "" : ", ") + k;
      throw BadRequest("unknown query parameter '" + name + "' (known: " + (list.empty() ? "none" : list) + ")");
    }
}

std::optional<std::string> single_parameter(const httplib::Request& request, const std::string& name) {
  size_t count = request.get_param_value_count(name.c_str());
  if (count == 0) return std::nullopt;
  if (count > 1) throw BadRequest("query parameter '" + name + "' is given more than once");
  return request.get_param_value(name.c_str());
}

size_t size_parameter(const httplib::Request& request, const std::string& name, size_t fallback, size_t minimum,
                      size_t maximum) {
  auto value = single_parameter(request, name);
  if (!value) return fallback;
  bool digits = !value->empty() && value->size() <= 9 &&
                value->find_first_not_of("0123456789") == std::string::npos;
  size_t number = digits ? std::stoul(*value) : 0;
  if (!digits || number < minimum || number > maximum)
    throw BadRequest("query parameter '" + name + "' must be a whole number from " + std::to_string(minimum) +
                     " to " + std::to_string(maximum) + ", not '" + value->substr(0, 40) + "'");
  return number;
}

std::optional<std::string> date_parameter(const httplib::Request& request, const std::string& name) {
  auto value = single_parameter(request, name);
  if (!value) return std::nullopt;
  const std::string& v = *value;
  bool shape = v.size() == 10 && v[4] == '-' && v[7] == '-';
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) shape = shape && std::isdigit(static_cast<unsigned char>(v[i]));
  if (shape) {
    int year = std::stoi(v.substr(0, 4)), month = std::stoi(v.substr(5, 2)), day = std::stoi(v.substr(8, 2));
    static const int kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    int last = month >= 1 && month <= 12 ? kDays[month - 1] - (month == 2 && !leap) : 0;
    if (day >= 1 && day <= last) return v;
  }
  throw BadRequest("query parameter '" + name + "' must be a date YYYY-MM-DD, not '" + v.substr(0, 40) + "'");
}

}  // namespace storyline::serve
