"""The TEMPLATE language's actions, functions and variables, with their documentation."""

from modelfile_ls.static_types import Any


def load() -> dict[str, Any]:
    """A fresh copy of these facts."""
    return {
        "_source": "Ollama template/template.go and Go text/template at fb30760 "
        "(v0.33.0-rc2); shared spec section 11. The analysis (known functions, "
        "MF303 field names) and hover/completion all read this file.",
        "variables": [
            {
                "name": "System",
                "signature": "string",
                "scope": "variable",
                "doc": "The system prompt (in messages mode, all system messages joined).",
            },
            {
                "name": "Prompt",
                "signature": "string",
                "scope": "variable",
                "doc": "The user prompt (legacy mode: the template runs once per turn).",
            },
            {
                "name": "Response",
                "signature": "string",
                "scope": "variable",
                "doc": "The assistant's text (legacy mode); during generation "
                "everything after it is cut off. A template with neither "
                "`.Response` nor `.Messages` gets `{{ .Response }}` appended by "
                "the server.",
            },
            {
                "name": "Suffix",
                "signature": "string",
                "scope": "variable",
                "doc": "Text after the insertion point, for fill-in-the-middle requests.",
            },
            {
                "name": "Messages",
                "signature": "list of messages",
                "scope": "variable",
                "doc": "The chat messages. A template that mentions `Messages` runs "
                "once, in messages mode; each element has `.Role`, `.Content`, "
                "`.Thinking`, `.Images`, `.ToolCalls`, `.ToolName`, "
                "`.ToolCallID`.",
            },
            {
                "name": "Tools",
                "signature": "list of tools",
                "scope": "variable",
                "doc": "The tools the request offers; each has `.Type` and `.Function` "
                "(`.Name`, `.Description`, `.Parameters`). Lists print as "
                "JSON.",
            },
            {
                "name": "Think",
                "signature": "bool",
                "scope": "variable",
                "doc": "Whether thinking was requested.",
            },
            {
                "name": "ThinkLevel",
                "signature": "string",
                "scope": "variable",
                "doc": "`high`, `medium`, `low` or `max` when thinking is set as a level.",
            },
            {
                "name": "IsThinkSet",
                "signature": "bool",
                "scope": "variable",
                "doc": "Whether the client set `think` explicitly.",
            },
        ],
        "fields": [
            {
                "name": "Role",
                "signature": "string",
                "scope": "message",
                "doc": "`system`, `user`, `assistant` or `tool`.",
            },
            {
                "name": "Content",
                "signature": "string",
                "scope": "message",
                "doc": "The message text.",
            },
            {
                "name": "Thinking",
                "signature": "string",
                "scope": "message",
                "doc": "The model's thinking text of an assistant message.",
            },
            {
                "name": "Images",
                "signature": "list",
                "scope": "message",
                "doc": "Images attached to the message.",
            },
            {
                "name": "ToolCalls",
                "signature": "list of tool calls",
                "scope": "message",
                "doc": "Tool calls made by an assistant message.",
            },
            {
                "name": "ToolName",
                "signature": "string",
                "scope": "message",
                "doc": "The tool a `tool` message answers.",
            },
            {
                "name": "ToolCallID",
                "signature": "string",
                "scope": "message",
                "doc": "The id of the tool call a `tool` message answers.",
            },
            {
                "name": "ID",
                "signature": "string",
                "scope": "tool call",
                "doc": "The tool call's id.",
            },
            {
                "name": "Function",
                "signature": "function",
                "scope": "tool call",
                "doc": "The called (or offered) function.",
            },
            {
                "name": "Index",
                "signature": "int",
                "scope": "tool call",
                "doc": "The position of the call in the message's tool calls.",
            },
            {
                "name": "Name",
                "signature": "string",
                "scope": "tool call",
                "doc": "The function's name.",
            },
            {
                "name": "Arguments",
                "signature": "map",
                "scope": "tool call",
                "doc": "The call's arguments; prints as JSON.",
            },
            {
                "name": "Type",
                "signature": "string",
                "scope": "tool",
                "doc": "`function` for a tool; a JSON-schema type for a parameter.",
            },
            {
                "name": "Items",
                "signature": "schema",
                "scope": "tool",
                "doc": "The schema of list items.",
            },
            {
                "name": "Description",
                "signature": "string",
                "scope": "tool",
                "doc": "What the function or parameter does.",
            },
            {
                "name": "Parameters",
                "signature": "schema",
                "scope": "tool",
                "doc": "The function's parameters as a JSON schema.",
            },
            {
                "name": "Defs",
                "signature": "map",
                "scope": "tool",
                "doc": "Schema definitions (`$defs`).",
            },
            {
                "name": "Required",
                "signature": "list",
                "scope": "tool",
                "doc": "Names of the required properties.",
            },
            {
                "name": "Properties",
                "signature": "map",
                "scope": "tool",
                "doc": "Property name to schema (`.Type`, `.Description`, `.Enum`, ...).",
            },
            {
                "name": "Enum",
                "signature": "list",
                "scope": "tool",
                "doc": "The allowed values of a property.",
            },
            {
                "name": "AnyOf",
                "signature": "list",
                "scope": "tool",
                "doc": "Alternative schemas of a property.",
            },
        ],
        "functions": [
            {
                "name": "and",
                "signature": "and x y...",
                "scope": "function",
                "doc": "The first empty argument, or the last one.",
            },
            {
                "name": "or",
                "signature": "or x y...",
                "scope": "function",
                "doc": "The first non-empty argument, or the last one.",
            },
            {
                "name": "not",
                "signature": "not x",
                "scope": "function",
                "doc": "The boolean negation of its argument.",
            },
            {
                "name": "len",
                "signature": "len x",
                "scope": "function",
                "doc": "The length of a string, list or map.",
            },
            {
                "name": "index",
                "signature": "index x i...",
                "scope": "function",
                "doc": "The element of a list or map at the given keys.",
            },
            {
                "name": "slice",
                "signature": "slice x i j",
                "scope": "function",
                "doc": "A slice of a string or list.",
            },
            {
                "name": "eq",
                "signature": "eq x y...",
                "scope": "function",
                "doc": "Whether x equals any of the other arguments.",
            },
            {
                "name": "ne",
                "signature": "ne x y",
                "scope": "function",
                "doc": "Whether x differs from y.",
            },
            {"name": "lt", "signature": "lt x y", "scope": "function", "doc": "Whether x < y."},
            {"name": "le", "signature": "le x y", "scope": "function", "doc": "Whether x <= y."},
            {"name": "gt", "signature": "gt x y", "scope": "function", "doc": "Whether x > y."},
            {"name": "ge", "signature": "ge x y", "scope": "function", "doc": "Whether x >= y."},
            {
                "name": "print",
                "signature": "print x...",
                "scope": "function",
                "doc": "Go's fmt.Sprint of the arguments.",
            },
            {
                "name": "printf",
                "signature": "printf format x...",
                "scope": "function",
                "doc": "Go's fmt.Sprintf.",
            },
            {
                "name": "println",
                "signature": "println x...",
                "scope": "function",
                "doc": "Go's fmt.Sprintln.",
            },
            {
                "name": "html",
                "signature": "html x",
                "scope": "function",
                "doc": "HTML-escaped text.",
            },
            {
                "name": "js",
                "signature": "js x",
                "scope": "function",
                "doc": "JavaScript-escaped text.",
            },
            {
                "name": "urlquery",
                "signature": "urlquery x",
                "scope": "function",
                "doc": "Text escaped for a URL query.",
            },
            {
                "name": "call",
                "signature": "call f x...",
                "scope": "function",
                "doc": "Calls a function value with the arguments.",
            },
            {
                "name": "json",
                "signature": "json x",
                "scope": "Ollama function",
                "doc": "The JSON encoding of a value.",
            },
            {
                "name": "currentDate",
                "signature": "currentDate",
                "scope": "Ollama function",
                "doc": "Today's date as `YYYY-MM-DD` (arguments are ignored).",
            },
            {
                "name": "yesterdayDate",
                "signature": "yesterdayDate",
                "scope": "Ollama function",
                "doc": "Yesterday's date as `YYYY-MM-DD`.",
            },
            {
                "name": "toTypeScriptType",
                "signature": "toTypeScriptType p",
                "scope": "Ollama function",
                "doc": "A tool property's type as a TypeScript type.",
            },
        ],
        "actions": [
            {
                "name": "if",
                "signature": "{{ if pipeline }} ... {{ else }} ... {{ end }}",
                "scope": "action",
                "doc": "Runs its body when non-empty.",
            },
            {
                "name": "else",
                "signature": "{{ else }}",
                "scope": "action",
                "doc": "The alternative branch of `if`, `range` or `with`.",
            },
            {
                "name": "end",
                "signature": "{{ end }}",
                "scope": "action",
                "doc": "Closes `if`, `range`, `with`, `define` or `block`.",
            },
            {
                "name": "range",
                "signature": "{{ range $i, $m := .Messages }} ... {{ end }}",
                "scope": "action",
                "doc": "Runs its body per element.",
            },
            {
                "name": "with",
                "signature": "{{ with pipeline }} ... {{ end }}",
                "scope": "action",
                "doc": "Runs its body with `.` set to the value.",
            },
            {
                "name": "define",
                "signature": '{{ define "name" }} ... {{ end }}',
                "scope": "action",
                "doc": "Defines a named template.",
            },
            {
                "name": "template",
                "signature": '{{ template "name" . }}',
                "scope": "action",
                "doc": "Runs a named template; Ollama requires the `.`.",
            },
            {
                "name": "block",
                "signature": '{{ block "name" . }} ... {{ end }}',
                "scope": "action",
                "doc": "Defines a named template and runs it.",
            },
            {
                "name": "break",
                "signature": "{{ break }}",
                "scope": "action",
                "doc": "Leaves the innermost `range`.",
            },
            {
                "name": "continue",
                "signature": "{{ continue }}",
                "scope": "action",
                "doc": "Skips to the next element of the innermost `range`.",
            },
        ],
    }
