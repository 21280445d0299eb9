#!/usr/bin/env bash
# Builds and runs every test: the Release build first, then the same tests
# under AddressSanitizer + UndefinedBehaviorSanitizer (preset "sanitize").
# STORYLINE_SKIP_SANITIZE=1 skips the second pass (it takes a few minutes).
# Fuzzing (scripts/fuzz.sh) and benchmarks (build/*_bench) are run by hand.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/install-deps.sh
cmake --preset release >/dev/null
cmake --build --preset release -j"$(nproc)"
ctest --test-dir build --output-on-failure -j"$(nproc)"

if [ "${STORYLINE_SKIP_SANITIZE:-0}" != "1" ]; then
  echo "== the same tests under AddressSanitizer and UndefinedBehaviorSanitizer"
  cmake --preset sanitize >/dev/null
  cmake --build --preset sanitize -j"$(nproc)"
  ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
    ctest --test-dir build-sanitize --output-on-failure -j"$(nproc)"
fi
