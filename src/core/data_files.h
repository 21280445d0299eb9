// The engine's data files (knowledge base, lexicons, boilerplate phrases)
// live in data/ as documented text formats, loaded once at start.
#pragma once

#include <string>
#include <vector>

#include "storyline/status.h"

namespace storyline::core {

// The data folder: $STORYLINE_DATA_DIR when set, else the source tree's data/
// (compiled in), else ../share/storyline next to the running binary.
std::string data_dir();

// The path of `name` inside the data folder.
std::string data_path(const std::string& name);

// Reads a text file into `out`.
Status read_file(const std::string& path, std::string& out);

// Splits a tab-separated data file into rows of fields, skipping blank lines
// and lines starting with '#'.
Result<std::vector<std::vector<std::string>>> read_table(const std::string& path);

}  // namespace storyline::core
