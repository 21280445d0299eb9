#!/usr/bin/env bash
# Builds the libFuzzer targets with clang (preset "fuzz") and runs each for a
# fixed time (default 60 s; FUZZ_SECONDS=600 for the ten-minute runs), one
# target at a time, seeded from examples/ and fuzz/corpus/<target>/. Crashes
# are written to build-fuzz/crashes/; each one found becomes a regression test.
#   FUZZ_TARGETS="quotes_fuzz serve_fuzz"  only these targets (default: all)
#   FUZZ_NO_BUILD=1                        run what is built, do not rebuild
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${FUZZ_SECONDS:-60}"

for package in clang libclang-rt-14-dev; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" ||
    { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$package" >/dev/null; }
done
if [ -z "${FUZZ_NO_BUILD:-}" ]; then
  bash scripts/install-deps.sh
  cmake --preset fuzz >/dev/null
  cmake --build --preset fuzz -j"$(nproc)"
fi

mkdir -p build-fuzz/crashes
status=0
for target in build-fuzz/*_fuzz; do
  [ -f "$target" ] && [ -x "$target" ] || continue
  name=$(basename "$target")
  if [ -n "${FUZZ_TARGETS:-}" ] && [[ " $FUZZ_TARGETS " != *" $name "* ]]; then continue; fi
  corpus="build-fuzz/corpus/$name"
  mkdir -p "$corpus"
  [ -d examples ] && cp -n examples/* "$corpus"/ 2>/dev/null || true
  [ -d "fuzz/corpus/$name" ] && cp -n "fuzz/corpus/$name"/* "$corpus"/ 2>/dev/null || true
  echo "== $name: $seconds s"
  if ! "$target" "$corpus" -max_total_time="$seconds" -max_len=65536 -timeout=10 -rss_limit_mb=2048 \
      -artifact_prefix="build-fuzz/crashes/$name-" -print_final_stats=1 2>"build-fuzz/$name.log"; then
    status=1
    echo "   CRASH: see build-fuzz/$name.log and build-fuzz/crashes/"
  fi
  grep -E "stat::number_of_executed_units|stat::peak_rss_mb|^Done [0-9]+ runs" "build-fuzz/$name.log" | sed 's/^/   /'
done
exit $status
