#!/usr/bin/env bash
# Debian packages the tests need beyond Node: jing validates TEI exports
# against tei_all.rng (the TEI Consortium's own validator). The e2e tests'
# packages (chromium, ripgrep, libkrb5-dev) come with tests/e2e/install-code-server.sh.
set -euo pipefail
missing=()
command -v jing >/dev/null || missing+=(jing)
((${#missing[@]})) || exit 0
if [[ $(id -u) -ne 0 ]]; then
  echo "The tests need: ${missing[*]}. Install with: sudo apt-get install -y ${missing[*]}" >&2
  exit 1
fi
echo "[system-packages] apt-get install ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
# Update the package lists only when installing from the present ones fails.
if ! apt-get install -y -q --no-install-recommends "${missing[@]}" >/dev/null 2>&1; then
  apt-get update -q >/dev/null
  apt-get install -y -q --no-install-recommends "${missing[@]}" >/dev/null
fi
