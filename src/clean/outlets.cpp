#include "clean/outlets.h"

#include <cctype>

#include "core/data_files.h"
#include "core/text_util.h"

namespace storyline::clean {

Result<OutletDirectory> OutletDirectory::load(const std::string& path) {
  auto rows = core::read_table(path);
  if (!rows) return rows.status();
  OutletDirectory directory;
  for (const auto& row : *rows) {
    if (row.size() < 2 || row[0].empty() || row[1].empty()) continue;
    const std::string& domain = row[0];
    const std::string& name = row[1];
    directory.name_by_domain_[domain] = name;
    directory.name_by_alias_[core::ascii_lower(name)] = name;
    directory.domain_by_name_.emplace(core::ascii_lower(name), domain);
    if (row.size() > 2)
      for (std::string_view alias : core::split(row[2], '|'))
        if (!core::trim(alias).empty()) {
          directory.name_by_alias_[core::ascii_lower(core::trim(alias))] = name;
          directory.domain_by_name_.emplace(core::ascii_lower(core::trim(alias)), domain);
        }
  }
  return directory;
}

std::string OutletDirectory::host_of(std::string_view url) {
  size_t scheme = url.find("://");
  if (scheme != std::string_view::npos) url.remove_prefix(scheme + 3);
  size_t end = url.find_first_of("/?#:");
  if (end != std::string_view::npos) url = url.substr(0, end);
  std::string host = core::ascii_lower(core::trim(url));
  for (const char* prefix : {"www.", "www1.", "www2.", "m.", "amp.", "mobile.", "edition.", "english."})
    if (host.rfind(prefix, 0) == 0 && host.find('.', std::char_traits<char>::length(prefix)) != std::string::npos)
      host.erase(0, std::char_traits<char>::length(prefix));
  return host;
}

bool OutletDirectory::looks_like_host(std::string_view text) {
  text = core::trim(text);
  if (text.find("://") != std::string_view::npos) return true;
  if (text.size() < 4 || text.find(' ') != std::string_view::npos) return false;
  size_t dot = text.rfind('.');
  if (dot == std::string_view::npos || dot == 0 || dot + 2 > text.size()) return false;
  for (char c : text)
    if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '-')) return false;
  return std::isalpha(static_cast<unsigned char>(text.back()));
}

bool OutletDirectory::knows(std::string_view name) const {
  return name_by_alias_.count(core::ascii_lower(core::trim(name))) > 0;
}

std::string OutletDirectory::name_for_host(std::string_view host_or_url) const {
  std::string host = host_of(host_or_url);
  // Try the host, then each parent domain ("edition.cnn.com" → "cnn.com").
  for (std::string_view candidate = host; !candidate.empty();) {
    auto it = name_by_domain_.find(std::string(candidate));
    if (it != name_by_domain_.end()) return it->second;
    size_t dot = candidate.find('.');
    if (dot == std::string_view::npos || candidate.find('.', dot + 1) == std::string_view::npos) break;
    candidate.remove_prefix(dot + 1);
  }
  return {};
}

std::string OutletDirectory::domain_for(std::string_view host_or_name) const {
  if (looks_like_host(host_or_name)) return host_of(host_or_name);
  auto it = domain_by_name_.find(core::ascii_lower(core::trim(host_or_name)));
  return it == domain_by_name_.end() ? std::string() : it->second;
}

std::string OutletDirectory::canonical_name(std::string_view written) const {
  std::string_view text = core::trim(written);
  if (text.empty()) return {};
  if (looks_like_host(text)) {
    std::string known = name_for_host(text);
    return known.empty() ? host_of(text) : known;
  }
  auto it = name_by_alias_.find(core::ascii_lower(text));
  if (it != name_by_alias_.end()) return it->second;
  // All capitals ("VOICE OF AMERICA") reads as shouting; keep short words
  // that are acronyms ("DW", "BBC") as they are.
  bool has_lower = false;
  for (char c : text) has_lower |= std::islower(static_cast<unsigned char>(c)) != 0;
  if (has_lower) return std::string(text);
  std::string out;
  for (std::string_view word : core::split(text, ' ')) {
    if (word.empty()) continue;
    if (!out.empty()) out += ' ';
    std::string lower = core::ascii_lower(word);
    bool small_word = lower == "of" || lower == "the" || lower == "and" || lower == "for" || lower == "on" ||
                      lower == "in" || lower == "at" || lower == "a";
    if (small_word && !out.empty()) {
      out += lower;
      continue;
    }
    if (word.size() <= 3 && !small_word) {  // an acronym
      out += word;
      continue;
    }
    lower[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(lower[0])));
    out += lower;
  }
  return out;
}

}  // namespace storyline::clean
