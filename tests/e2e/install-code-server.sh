#!/usr/bin/env bash
# Installs code-server (a real VS Code that runs in a browser) and the system
# packages the e2e tests need, into the git-ignored .cache/code-server/.
# Idempotent: once a marker file is written, a re-run only checks it.
# Recipe and the why of each step: shared/notes/real-vscode-here.md.
set -euo pipefail

VERSION=4.100.3
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
CACHE="$ROOT/.cache/code-server"
MARKER="$CACHE/.installed"
CS="$CACHE/node_modules/code-server"

# Chromium and rg are checked too: the cache may outlive a machine.
installed() { [[ "$(cat "$MARKER" 2>/dev/null)" == "$VERSION" && -x /usr/bin/chromium && -x /usr/bin/rg ]]; }
installed && exit 0

# Test files running in parallel may call this at once: one installs, the
# others wait for it and then find the marker.
mkdir -p "$(dirname "$CACHE")"
exec 9>"$CACHE.lock"
flock 9
installed && exit 0

log() { echo "[install-code-server] $*"; }
t0=$SECONDS

# 1. System packages: libkrb5-dev to build `kerberos`, ripgrep instead of the
# GitHub download of @vscode/ripgrep, Debian's chromium to drive the workbench.
missing=()
for pkg in libkrb5-dev ripgrep chromium; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || missing+=("$pkg")
done
if ((${#missing[@]})); then
  log "apt-get install ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  # Update the package lists only when installing from the present ones fails.
  if ! apt-get install -y -q --no-install-recommends "${missing[@]}" >/dev/null; then
    log "apt-get update, then retry"
    apt-get update -q >/dev/null
    apt-get install -y -q --no-install-recommends "${missing[@]}" >/dev/null
  fi
fi

# 2. code-server without its install scripts, in a folder of its own (its own
# package.json keeps npm from walking up into the project's node_modules).
# Without the marker, whatever is there is a broken install: start afresh.
rm -rf "$CACHE"
mkdir -p "$CACHE"
echo '{ "private": true }' >"$CACHE/package.json"
log "npm install code-server@$VERSION (~275 MB)"
(cd "$CACHE" && npm install --no-fund --no-audit --loglevel=error --ignore-scripts "code-server@$VERSION" >/dev/null)

# 3. VS Code's own dependencies, with ripgrep taken from the system: the
# @vscode/ripgrep post-install skips its download when bin/ exists.
log "npm install in lib/vscode"
(cd "$CS/lib/vscode" && npm install --no-fund --no-audit --loglevel=error --omit=dev --ignore-scripts >/dev/null)
mkdir -p "$CS/lib/vscode/node_modules/@vscode/ripgrep/bin"
ln -sfn /usr/bin/rg "$CS/lib/vscode/node_modules/@vscode/ripgrep/bin/rg"

# 4. code-server's post-install refuses root without unsafe_perm and checks
# that it is run by npm through the user agent.
log "postinstall.sh"
(cd "$CS" && npm_config_loglevel=error npm_config_unsafe_perm=true npm_config_user_agent="npm/$(npm -v) node/$(node -v)" \
  bash ./postinstall.sh >/dev/null)

# 5. npm 11 runs no dependency's install script unless approved, so the native
# modules are built here. node-pty's script ends with an `npx node-gyp` step
# (compile_commands.json only) after pty.node is built; yes=true lets npx run.
log "npm rebuild (native modules)"
(cd "$CS/lib/vscode" && npm_config_yes=true npm rebuild --loglevel=error >/dev/null)
# argon2's prebuilt binary is a download that fails here.
(cd "$CACHE" && npm rebuild argon2 --build-from-source --loglevel=error >/dev/null)

"$CACHE/node_modules/.bin/code-server" --version >/dev/null
echo "$VERSION" >"$MARKER"
log "done in $((SECONDS - t0)) s"
