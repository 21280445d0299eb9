#include "cli/progress.h"

#include <unistd.h>

#include <cstdio>

namespace storyline::cli {

ProgressBar::ProgressBar(bool enabled)
    : enabled_(enabled && isatty(STDERR_FILENO)), start_(std::chrono::steady_clock::now()), last_draw_(start_) {}

ProgressBar::~ProgressBar() { clear(); }

void ProgressBar::update(const IngestProgress& progress) {
  if (!enabled_) return;
  auto now = std::chrono::steady_clock::now();
  // Redraw at most ten times a second: drawing must not slow the ingest.
  if (now - last_draw_ < std::chrono::milliseconds(100) && progress.inputs_done < progress.inputs_total) return;
  last_draw_ = now;
  double seconds = std::chrono::duration<double>(now - start_).count();
  double rate = seconds > 0 ? progress.articles / seconds : 0;
  double fraction = progress.inputs_total ? static_cast<double>(progress.inputs_done) / progress.inputs_total : 0;
  double eta = fraction > 0 ? seconds * (1 - fraction) / fraction : 0;
  constexpr int kWidth = 28;
  int filled = static_cast<int>(fraction * kWidth);
  std::string bar(filled, '#');
  bar.resize(kWidth, '.');
  std::fprintf(stderr, "\r[%s] %zu/%zu inputs  %zu articles  %.0f articles/s  %zu errors  ETA %.0fs   ",
               bar.c_str(), progress.inputs_done, progress.inputs_total, progress.articles, rate, progress.errors, eta);
  std::fflush(stderr);
  drawn_ = true;
}

void ProgressBar::clear() {
  if (!drawn_) return;
  std::fprintf(stderr, "\r%100s\r", "");
  std::fflush(stderr);
  drawn_ = false;
}

}  // namespace storyline::cli
