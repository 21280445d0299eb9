// The web app's files, served from one folder (the web root) and never from
// outside it: requests naming "..", backslashes, NUL bytes or hidden files
// are refused before the file system is asked, and what is finally opened
// must resolve (symbolic links included) to a file under the root.
#pragma once

#include <optional>
#include <string>

namespace storyline::serve {

class StaticFiles {
 public:
  // `root` must exist; it is resolved once.
  explicit StaticFiles(const std::string& root);
  bool valid() const { return !root_.empty(); }
  const std::string& root() const { return root_; }

  // The file a request path (already percent-decoded) names, "/" meaning
  // index.html; nullopt when it is outside the root, hidden or missing.
  std::optional<std::string> resolve(const std::string& request_path) const;

  // A Content-Type for the file's extension.
  static std::string content_type(const std::string& path);

 private:
  std::string root_;  // canonical, with a trailing '/'
};

}  // namespace storyline::serve
