// Naming the outlet of an article: from the page's metadata, its URL host,
// or a mark in its text ("SOURCE: www.voanews.com", "VOICE OF AMERICA |
// Published ..."), through the table in data/outlets.tsv.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>

#include "storyline/status.h"

namespace storyline::clean {

class OutletDirectory {
 public:
  // Loads data/outlets.tsv (domain, display name, other names).
  static Result<OutletDirectory> load(const std::string& path);
  OutletDirectory() = default;

  // "https://www.voanews.com/a/x.html" or "www.voanews.com" → "voanews.com".
  static std::string host_of(std::string_view url_or_host);
  // Whether `text` looks like a host name ("www.dw.com", "harbourledger.example").
  static bool looks_like_host(std::string_view text);

  // Whether the table knows `name` as an outlet's name or alias.
  bool knows(std::string_view name) const;
  // Display name for a host, or empty when unknown.
  std::string name_for_host(std::string_view host) const;
  // Domain for a host or outlet name, when the table knows it.
  std::string domain_for(std::string_view host_or_name) const;
  // A display name for an outlet written any way ("VOICE OF AMERICA",
  // "voanews.com", "VOA"): the table's name when known, else the text with
  // its capitals tidied ("HARBOUR LEDGER" → "Harbour Ledger").
  std::string canonical_name(std::string_view written) const;

 private:
  std::unordered_map<std::string, std::string> name_by_domain_;
  std::unordered_map<std::string, std::string> name_by_alias_;   // lower-case alias → name
  std::unordered_map<std::string, std::string> domain_by_name_;  // lower-case name → domain
};

}  // namespace storyline::clean
