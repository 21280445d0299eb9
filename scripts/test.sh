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

# The web app in a real browser (Debian's Chromium, driven by playwright-core)
# over `storyline serve` on the examples; screenshots in build/screenshots/.
if [ -x /usr/bin/chromium ] || [ -n "${CHROMIUM:-}" ]; then
  echo "== browser tests (web/tests)"
  [ -d web/node_modules/playwright-core ] && [ -f web/public/vendor/countries-110m.json ] ||
    (cd web && npm ci --no-audit --no-fund --loglevel=error)
  (cd web && STORYLINE_BINARY="$PWD/../build/storyline" node --test tests/)
else
  echo "== browser tests SKIPPED: no Chromium at /usr/bin/chromium (install the Debian packages chromium and chromium-driver: scripts/install-deps.sh as root)"
fi

if [ "${STORYLINE_SKIP_SANITIZE:-0}" != "1" ]; then
  echo "== the same tests under AddressSanitizer and UndefinedBehaviorSanitizer"
  cmake --preset sanitize >/dev/null
  cmake --build --preset sanitize -j"$(nproc)"
  ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
    ctest --test-dir build-sanitize --output-on-failure -j"$(nproc)"
fi
