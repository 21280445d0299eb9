// A progress line with rate and ETA on a terminal (standard error); silent
// when standard error is not a terminal or with --quiet.
#pragma once

#include <chrono>
#include <string>

#include "storyline/engine.h"

namespace storyline::cli {

class ProgressBar {
 public:
  explicit ProgressBar(bool enabled);
  ~ProgressBar();
  void update(const IngestProgress& progress);
  void clear();  // before printing a message, so lines do not interleave

 private:
  bool enabled_;
  bool drawn_ = false;
  std::chrono::steady_clock::time_point start_, last_draw_;
};

}  // namespace storyline::cli
