// What every API handler shares: JSON errors with a code and a message,
// JSON bodies with ETags (If-None-Match → 304), and strict reading of query
// parameters (a malformed one is a 400, never silently ignored).
#pragma once

#include <httplib.h>
#include <nlohmann/json.hpp>

#include <optional>
#include <set>
#include <stdexcept>
#include <string>

namespace storyline::serve {

// Thrown by parameter readers; the router turns it into a 400.
struct BadRequest : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// {"error": {"code": code, "message": message}} with `status`.
void send_error(httplib::Response& response, int status, const std::string& code, const std::string& message);

// The code an HTTP status is reported under ("not_found", ...).
std::string error_code_for(int status);

// Sends `body` as JSON with a strong ETag (a hash of the body); answers 304
// with no body when the request's If-None-Match names it.
void send_json(const httplib::Request& request, httplib::Response& response, const nlohmann::json& body,
               int status = 200);

// The ETag send_json gives a body ("\"<16 hex digits>\"").
std::string etag_of(const std::string& body);

// Whether an If-None-Match header value names `etag` (a list, weak tags, *).
bool if_none_match(const std::string& header, const std::string& etag);

// Rejects parameters not in `known` (a typo would otherwise be ignored).
void check_known_parameters(const httplib::Request& request, const std::set<std::string>& known);

// The parameter's value when present, once; BadRequest when repeated.
std::optional<std::string> single_parameter(const httplib::Request& request, const std::string& name);

// A whole number in [minimum, maximum], or `fallback` when absent.
size_t size_parameter(const httplib::Request& request, const std::string& name, size_t fallback, size_t minimum,
                      size_t maximum);

// A calendar date YYYY-MM-DD (checked: month 1-12, day within the month).
std::optional<std::string> date_parameter(const httplib::Request& request, const std::string& name);

}  // namespace storyline::serve
