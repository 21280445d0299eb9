#!/usr/bin/env bash
# One command for a fresh Debian 12 machine (as root): installs what is
# missing, builds in Release, and runs the main job on the bundled examples.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/install-deps.sh
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build -j"$(nproc)"
# The web app is plain ES modules served as they are (no build step); npm
# brings only the browser tests' driver, playwright-core, pinned by the lock
# file. Nothing is fetched at run time.
(cd web && npm ci --no-audit --no-fund --loglevel=error)
# The extraction eval's second baseline, Mozilla Readability.js on jsdom
# (build/extract_eval runs it with node), pinned by eval/js/package-lock.json.
(cd eval/js && npm ci --no-audit --no-fund --loglevel=error)

rm -f build/examples.db build/examples.db-wal build/examples.db-shm
./build/storyline --db build/examples.db analyze examples --format text
echo
echo "storyline: built ./build/storyline; the examples are stored in build/examples.db" >&2
