#!/bin/sh
# Installs the Zed extension as a dev extension: copies editors/zed to DEST (default
# ${XDG_DATA_HOME:-~/.local/share}/modelfile-ls/zed) and adds the grammar: this checkout, at its
# current commit. Then in Zed: "zed: install dev extension" and pick DEST.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
dest=${1:-${XDG_DATA_HOME:-$HOME/.local/share}/modelfile-ls/zed}
rev=$(git -C "$root" rev-parse HEAD)
mkdir -p "$dest"
cp -R "$here/extension.toml" "$here/Cargo.toml" "$here/src" "$here/languages" "$dest/"
cat >> "$dest/extension.toml" <<TOML

[grammars.modelfile]
repository = "file://$root"
rev = "$rev"
path = "grammar"
TOML
echo "Zed extension ready in $dest (grammar: $root at $rev)."
echo "In Zed: command palette -> 'zed: install dev extension' -> $dest"
