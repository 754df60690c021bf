; TEMPLATE values are Go text/template source.

((template_instruction
  value: (value
    (unquoted_value) @injection.content))
  (#set! injection.language "gotmpl"))

((template_instruction
  value: (value
    (quoted_value
      content: (string_content) @injection.content)))
  (#set! injection.language "gotmpl"))

((template_instruction
  value: (value
    (triple_quoted_value
      content: (string_content) @injection.content)))
  (#set! injection.language "gotmpl"))
