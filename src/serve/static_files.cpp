#include "serve/static_files.h"

#include <filesystem>
#include <map>

namespace storyline::serve {

namespace fs = std::filesystem;

StaticFiles::StaticFiles(const std::string& root) {
  std::error_code error;
  fs::path canonical = fs::canonical(root, error);
  if (error || !fs::is_directory(canonical, error)) return;
  root_ = canonical.string();
  if (root_.back() != '/') root_ += '/';
}

std::optional<std::string> StaticFiles::resolve(const std::string& request_path) const {
  if (root_.empty() || request_path.empty() || request_path[0] != '/' || request_path.size() > 512) return std::nullopt;
  std::string relative = request_path.substr(1);
  if (relative.empty() || relative.back() == '/') relative += "index.html";
  // Segment by segment: no "..", no ".", no hidden files, no empty segments
  // ("//"), no backslash or NUL (other encodings of the same tricks).
  size_t begin = 0;
  while (begin <= relative.size()) {
    size_t end = relative.find('/', begin);
    if (end == std::string::npos) end = relative.size();
    std::string segment = relative.substr(begin, end - begin);
    if (segment.empty() || segment[0] == '.' || segment.find('\\') != std::string::npos ||
        segment.find('\0') != std::string::npos)
      return std::nullopt;
    begin = end + 1;
  }
  std::error_code error;
  fs::path file = fs::canonical(fs::path(root_) / relative, error);
  if (error) return std::nullopt;
  std::string resolved = file.string();
  if (resolved.compare(0, root_.size(), root_) != 0) return std::nullopt;  // a link out of the root
  if (!fs::is_regular_file(file, error)) return std::nullopt;
  return resolved;
}

std::string StaticFiles::content_type(const std::string& path) {
  static const std::map<std::string, std::string> kTypes = {
      {".html", "text/html; charset=utf-8"},  {".js", "text/javascript; charset=utf-8"},
      {".mjs", "text/javascript; charset=utf-8"}, {".css", "text/css; charset=utf-8"},
      {".json", "application/json"},          {".svg", "image/svg+xml"},
      {".png", "image/png"},                  {".ico", "image/x-icon"},
      {".txt", "text/plain; charset=utf-8"},  {".geojson", "application/geo+json"},
  };
  std::string extension = fs::path(path).extension().string();
  auto it = kTypes.find(extension);
  return it == kTypes.end() ? "application/octet-stream" : it->second;
}

}  // namespace storyline::serve
