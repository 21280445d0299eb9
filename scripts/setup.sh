#!/usr/bin/env bash
# One command for a fresh Debian 12 machine (as root): installs what is
# missing, builds in Release, and runs the main job on the bundled examples.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/install-deps.sh
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build -j"$(nproc)"

rm -f build/examples.db build/examples.db-wal build/examples.db-shm
./build/storyline --db build/examples.db analyze examples --format text
echo
echo "storyline: built ./build/storyline; the examples are stored in build/examples.db" >&2
