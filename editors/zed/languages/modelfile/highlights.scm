; Highlights for Ollama Modelfiles (tree-sitter-modelfile)
;
; Every node gets at most one capture (the patterns are disjoint), so the
; result is the same whether an editor lets the first or the last matching
; pattern win.

(comment) @comment

; FROM, PARAMETER, TEMPLATE, ... (any case)
(keyword) @keyword

; PARAMETER <name> <value>
(parameter_name) @property

; MESSAGE <role> <content>
(message_role) @type

; Quoted values: delimiters and content
[
  (quoted_value)
  (triple_quoted_value)
] @string

; Model references and paths
(from_instruction
  value: (value
    (unquoted_value) @string.special))

(adapter_instruction
  value: (value
    (unquoted_value) @string.special.path))

(draft_instruction
  value: (value
    (unquoted_value) @string.special.path))

; PARAMETER values: numbers, booleans, other text
(parameter_instruction
  value: (value
    (unquoted_value) @number
    (#match? @number "^[-+]?([0-9]+[.]?[0-9]*|[.][0-9]+)([eE][-+]?[0-9]+)?$")))

(parameter_instruction
  value: (value
    (unquoted_value) @boolean
    (#match? @boolean "^(true|false|True|False|TRUE|FALSE)$")))

(parameter_instruction
  value: (value
    (unquoted_value) @string
    (#not-match? @string "^[-+]?([0-9]+[.]?[0-9]*|[.][0-9]+)([eE][-+]?[0-9]+)?$")
    (#not-match? @string "^(true|false|True|False|TRUE|FALSE)$")))

; Other unquoted values

(template_instruction
  value: (value
    (unquoted_value) @string))

(system_instruction
  value: (value
    (unquoted_value) @string))

(license_instruction
  value: (value
    (unquoted_value) @string))

(message_instruction
  value: (value
    (unquoted_value) @string))

(requires_instruction
  value: (value
    (unquoted_value) @string))

(renderer_instruction
  value: (value
    (unquoted_value) @string))

(parser_instruction
  value: (value
    (unquoted_value) @string))

(unknown_instruction
  value: (value
    (unquoted_value) @string))
