#include "core/data_files.h"

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace storyline::core {

namespace fs = std::filesystem;

std::string data_dir() {
  if (const char* env = std::getenv("STORYLINE_DATA_DIR"); env && *env) return env;
#ifdef STORYLINE_DATA_DIR
  if (fs::exists(STORYLINE_DATA_DIR)) return STORYLINE_DATA_DIR;
#endif
  char self[4096];
  ssize_t n = readlink("/proc/self/exe", self, sizeof self - 1);
  if (n > 0) {
    self[n] = '\0';
    fs::path installed = fs::path(self).parent_path().parent_path() / "share" / "storyline";
    if (fs::exists(installed)) return installed.string();
  }
  return "data";
}

std::string data_path(const std::string& name) { return (fs::path(data_dir()) / name).string(); }

Status read_file(const std::string& path, std::string& out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::not_found("cannot open data file '" + path + "'");
  std::ostringstream buffer;
  buffer << in.rdbuf();
  out = buffer.str();
  return Status::ok();
}

Result<std::vector<std::vector<std::string>>> read_table(const std::string& path) {
  std::string text;
  if (Status status = read_file(path, text); !status.is_ok()) return status;
  std::vector<std::vector<std::string>> rows;
  std::istringstream lines(text);
  std::string line;
  while (std::getline(lines, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> fields;
    size_t start = 0;
    for (;;) {
      size_t tab = line.find('\t', start);
      fields.push_back(line.substr(start, tab == std::string::npos ? std::string::npos : tab - start));
      if (tab == std::string::npos) break;
      start = tab + 1;
    }
    rows.push_back(std::move(fields));
  }
  return rows;
}

}  // namespace storyline::core
