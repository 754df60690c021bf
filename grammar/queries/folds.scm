; Multi-line quoted values (and the instructions holding them) fold.
[
  (quoted_value)
  (triple_quoted_value)
] @fold
