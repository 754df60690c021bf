#!/bin/sh
# Installs Modelfile support into Helix's configuration directory
# (${XDG_CONFIG_HOME:-~/.config}/helix): the tree-sitter parser compiled from grammar/src,
# the highlight queries from grammar/queries with Helix's capture names, and the
# languages.toml entries (appended unless a `modelfile` language is already configured).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
grammar=$(cd "$here/../../grammar" && pwd)
config=${XDG_CONFIG_HOME:-$HOME/.config}/helix
mkdir -p "$config/runtime/grammars" "$config/runtime/queries/modelfile"
${CC:-cc} -shared -fPIC -O2 -std=c11 -I "$grammar/src" \
  "$grammar/src/parser.c" "$grammar/src/scanner.c" -o "$config/runtime/grammars/modelfile.so"
# Helix themes know `variable.other.member`, `constant.numeric` and `constant.builtin.boolean`
# where Neovim and Zed say `property`, `number` and `boolean`.
for query in highlights injections; do
  sed -e 's/@property\b/@variable.other.member/g' \
      -e 's/@number\b/@constant.numeric/g' \
      -e 's/@boolean\b/@constant.builtin.boolean/g' \
      "$grammar/queries/$query.scm" > "$config/runtime/queries/modelfile/$query.scm"
done
touch "$config/languages.toml"
if grep -q '^name = "modelfile"' "$config/languages.toml"; then
  echo "$config/languages.toml already configures modelfile: left as it is"
else
  printf '\n' >> "$config/languages.toml"
  cat "$here/languages.toml" >> "$config/languages.toml"
fi
echo "Helix: Modelfile support installed in $config (check with: hx --health modelfile)"
