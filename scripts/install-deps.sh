#!/usr/bin/env bash
# Installs the Debian packages storyline needs, only those missing: fast and
# silent when everything is there. Run as root on Debian 12.
set -euo pipefail

packages=(
  build-essential cmake ninja-build pkg-config ccache git
  libicu-dev libsqlite3-dev nlohmann-json3-dev libcli11-dev libgumbo-dev
  libstemmer-dev zlib1g-dev libxxhash-dev libcpp-httplib-dev libcld2-dev
  libgtest-dev libgmock-dev libbenchmark-dev
  iso-codes
  python3 python3-sklearn python3-readability
  nodejs chromium chromium-driver
)

missing=()
for package in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$package")
  fi
done

# npm comes with some builds of nodejs (NodeSource) and separately with
# Debian's: ask for Debian's only when there is no npm at all, since it
# conflicts with the others.
if ! command -v npm >/dev/null 2>&1; then
  missing+=(npm)
fi

if ((${#missing[@]})); then
  if [ "$(id -u)" -ne 0 ]; then
    echo "storyline: missing packages: ${missing[*]}; run this script as root to install them" >&2
    exit 1
  fi
  echo "storyline: installing ${missing[*]}" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
