"""The values Ollama's templates see: messages, tool calls and tools as Go types.

Mirrors Ollama's template/template.go (`templateMessage`, `templateToolCall`, `templateTool`,
the JSON-printing `templateTools`, `templateArgs`, `templateProperties`) and api/types.go
(`ToolProperty`, `PropertyType`, the insertion-ordered `ToolPropertiesMap`), built from the
JSON of a chat request (`messages`, `tools`) as Ollama's API decodes it.
"""

from __future__ import annotations

import base64
from typing import Any

from modelfile_ls.template.gofmt import print_value
from modelfile_ls.template.gojson import encode_string, marshal
from modelfile_ls.template.govalues import (
    ANY,
    ANY_MAP,
    ANY_SLICE,
    INT,
    STRING,
    STRING_SLICE,
    UINT8,
    Byte,
    GoMap,
    GoPtr,
    GoSlice,
    GoStruct,
    GoType,
    pointer_to,
)


def _json_string(value: Any) -> str:
    return marshal(_plain(value))


def _plain(value: Any) -> Any:
    """The same value without its String/MarshalJSON methods (so marshal does not recurse)."""
    if isinstance(value, GoSlice):
        return GoSlice(GoType(value.type.name, "slice", value.type.elem), value.items)
    if isinstance(value, GoMap):
        return GoMap(GoType(value.type.name, "map", value.type.elem), value.entries)
    if isinstance(value, GoStruct):
        return GoStruct(GoType(value.type.name, "struct", fields=value.type.fields), value.values)
    return value


def _empty_object_if_nil(value: Any) -> str:
    return "{}" if value.entries is None else _json_string(value)


def _property_type_string(value: Any) -> str:
    items = value.items or []
    if not items:
        return ""
    return str(items[0]) if len(items) == 1 else print_value(GoSlice(STRING_SLICE, items))


def _property_type_json(value: Any) -> str:
    items = value.items
    if items is not None and len(items) == 1:
        return encode_string(items[0])
    return marshal(GoSlice(STRING_SLICE, items))


def _ordered_json(value: Any) -> str:
    if value.target is None:
        return "null"
    entries = value.target.values["om"]
    return "{" + ",".join(f"{encode_string(k)}:{marshal(v)}" for k, v in entries.items()) + "}"


IMAGE_DATA = GoType("api.ImageData", "slice", UINT8)
PROPERTY_TYPE = GoType(
    "api.PropertyType", "slice", STRING, stringer=_property_type_string, json=_property_type_json
)
_PROPERTIES_MAP = GoType("api.ToolPropertiesMap", "struct", fields=(("om", ANY, "-"),))
PROPERTIES_MAP_PTR = GoType("*api.ToolPropertiesMap", "ptr", _PROPERTIES_MAP, json=_ordered_json)


def _zero_property() -> GoStruct:
    return GoStruct(
        TOOL_PROPERTY,
        {
            "AnyOf": GoSlice(PROPERTY_SLICE, None),
            "Type": GoSlice(PROPERTY_TYPE, None),
            "Items": None,
            "Description": "",
            "Enum": GoSlice(ANY_SLICE, None),
            "Properties": GoPtr(PROPERTIES_MAP_PTR, None),
            "Required": GoSlice(STRING_SLICE, None),
        },
    )


# ToolProperty is recursive (AnyOf); the slice type is named without its element type.
PROPERTY_SLICE = GoType("[]api.ToolProperty", "slice")
TOOL_PROPERTY = GoType(
    "api.ToolProperty",
    "struct",
    fields=(
        ("AnyOf", PROPERTY_SLICE, "anyOf,omitempty"),
        ("Type", PROPERTY_TYPE, "type,omitempty"),
        ("Items", ANY, "items,omitempty"),
        ("Description", STRING, "description,omitempty"),
        ("Enum", ANY_SLICE, "enum,omitempty"),
        ("Properties", PROPERTIES_MAP_PTR, "properties,omitempty"),
        ("Required", STRING_SLICE, "required,omitempty"),
    ),
    zero=_zero_property,
)
TEMPLATE_PROPERTIES = GoType(
    "template.templateProperties", "map", TOOL_PROPERTY, stringer=_empty_object_if_nil
)
TEMPLATE_ARGS = GoType("template.templateArgs", "map", ANY, stringer=_empty_object_if_nil)
_PARAMETERS = GoType(
    "template.templateToolFunctionParameters",
    "struct",
    fields=(
        ("Type", STRING, "type"),
        ("Defs", ANY, "$defs,omitempty"),
        ("Items", ANY, "items,omitempty"),
        ("Required", STRING_SLICE, "required,omitempty"),
        ("Properties", TEMPLATE_PROPERTIES, "properties"),
    ),
)
_TOOL_FUNCTION = GoType(
    "template.templateToolFunction",
    "struct",
    fields=(
        ("Name", STRING, "name"),
        ("Description", STRING, "description"),
        ("Parameters", _PARAMETERS, "parameters"),
    ),
)
TEMPLATE_TOOL = GoType(
    "template.templateTool",
    "struct",
    fields=(
        ("Type", STRING, "type"),
        ("Items", ANY, "items,omitempty"),
        ("Function", _TOOL_FUNCTION, "function"),
    ),
    stringer=_json_string,
)
TEMPLATE_TOOLS = GoType("template.templateTools", "slice", TEMPLATE_TOOL, stringer=_json_string)
_CALL_FUNCTION = GoType(
    "template.templateToolCallFunction",
    "struct",
    fields=(("Index", INT, ""), ("Name", STRING, ""), ("Arguments", TEMPLATE_ARGS, "")),
)
TOOL_CALL = GoType(
    "template.templateToolCall",
    "struct",
    fields=(("ID", STRING, ""), ("Function", _CALL_FUNCTION, "")),
)
_IMAGES = GoType("[]api.ImageData", "slice", IMAGE_DATA)
_TOOL_CALLS = GoType("[]template.templateToolCall", "slice", TOOL_CALL)
MESSAGE = GoType(
    "template.templateMessage",
    "struct",
    fields=(
        ("Role", STRING, ""),
        ("Content", STRING, ""),
        ("Thinking", STRING, ""),
        ("Images", _IMAGES, ""),
        ("ToolCalls", _TOOL_CALLS, ""),
        ("ToolName", STRING, ""),
        ("ToolCallID", STRING, ""),
    ),
)
MESSAGE_POINTER = pointer_to(MESSAGE)
MESSAGES = GoType("[]*template.templateMessage", "slice", MESSAGE_POINTER)


def json_value(value: Any) -> Any:
    """A decoded JSON value as Go's `any` holds it: objects are `map[string]interface {}`."""
    if isinstance(value, dict):
        return GoMap(ANY_MAP, {k: json_value(v) for k, v in value.items()})
    if isinstance(value, list):
        return GoSlice(ANY_SLICE, [json_value(v) for v in value])
    if isinstance(value, int) and not isinstance(value, bool):
        return float(value)  # encoding/json decodes every number into a float64
    return value


def _string_list(value: Any) -> GoSlice:
    return GoSlice(STRING_SLICE, None if value is None else [str(v) for v in value])


def tool_property(spec: dict[str, Any]) -> GoStruct:
    """An `api.ToolProperty` from its JSON schema."""
    kinds = spec.get("type")
    kind_list = None if kinds is None else ([kinds] if isinstance(kinds, str) else list(kinds))
    nested = spec.get("properties")
    return GoStruct(
        TOOL_PROPERTY,
        {
            "AnyOf": GoSlice(
                PROPERTY_SLICE,
                [tool_property(p) for p in spec["anyOf"]] if "anyOf" in spec else None,
            ),
            "Type": GoSlice(PROPERTY_TYPE, kind_list),
            "Items": json_value(spec.get("items")),
            "Description": str(spec.get("description", "")),
            "Enum": GoSlice(
                ANY_SLICE, None if "enum" not in spec else [json_value(v) for v in spec["enum"]]
            ),
            "Properties": _properties_map(nested)
            if isinstance(nested, dict)
            else GoPtr(PROPERTIES_MAP_PTR, None),
            "Required": _string_list(spec.get("required")),
        },
    )


def _properties_map(spec: dict[str, Any]) -> GoPtr:
    ordered = {name: tool_property(value) for name, value in spec.items()}
    return GoPtr(PROPERTIES_MAP_PTR, GoStruct(_PROPERTIES_MAP, {"om": ordered}))


def template_tools(tools: list[dict[str, Any]] | None) -> GoSlice:
    """Ollama's `convertToolsForTemplate`."""
    if tools is None:
        return GoSlice(TEMPLATE_TOOLS, None)
    converted = []
    for tool in tools:
        function = tool.get("function") or {}
        parameters = function.get("parameters") or {}
        properties = parameters.get("properties")
        converted.append(
            GoStruct(
                TEMPLATE_TOOL,
                {
                    "Type": str(tool.get("type", "")),
                    "Items": json_value(tool.get("items")),
                    "Function": GoStruct(
                        _TOOL_FUNCTION,
                        {
                            "Name": str(function.get("name", "")),
                            "Description": str(function.get("description", "")),
                            "Parameters": GoStruct(
                                _PARAMETERS,
                                {
                                    "Type": str(parameters.get("type", "")),
                                    "Defs": json_value(parameters.get("$defs")),
                                    "Items": json_value(parameters.get("items")),
                                    "Required": _string_list(parameters.get("required")),
                                    "Properties": GoMap(
                                        TEMPLATE_PROPERTIES,
                                        None
                                        if properties is None
                                        else {k: tool_property(v) for k, v in properties.items()},
                                    ),
                                },
                            ),
                        },
                    ),
                },
            )
        )
    return GoSlice(TEMPLATE_TOOLS, converted)


def _tool_call(call: dict[str, Any]) -> GoStruct:
    function = call.get("function") or {}
    arguments = function.get("arguments")
    return GoStruct(
        TOOL_CALL,
        {
            "ID": str(call.get("id", "")),
            "Function": GoStruct(
                _CALL_FUNCTION,
                {
                    "Index": int(function.get("index", 0)),
                    "Name": str(function.get("name", "")),
                    "Arguments": GoMap(
                        TEMPLATE_ARGS,
                        None
                        if arguments is None
                        else {k: json_value(v) for k, v in arguments.items()},
                    ),
                },
            ),
        },
    )


def template_messages(messages: list[dict[str, Any]] | None) -> GoSlice:
    """Ollama's `convertMessagesForTemplate` of collated messages."""
    if messages is None:
        return GoSlice(MESSAGES, None)
    converted = []
    for message in messages:
        images = message.get("images")
        calls = message.get("tool_calls")
        converted.append(
            GoPtr(
                MESSAGE_POINTER,
                GoStruct(
                    MESSAGE,
                    {
                        "Role": message.get("role", ""),
                        "Content": message.get("content", ""),
                        "Thinking": message.get("thinking", ""),
                        "Images": GoSlice(
                            _IMAGES,
                            None
                            if not images
                            else [
                                GoSlice(IMAGE_DATA, list(map(Byte, base64.b64decode(i))))
                                for i in images
                            ],
                        ),
                        "ToolCalls": GoSlice(
                            _TOOL_CALLS,
                            None if not calls else [_tool_call(c) for c in calls],
                        ),
                        "ToolName": message.get("tool_name", ""),
                        "ToolCallID": message.get("tool_call_id", ""),
                    },
                ),
            )
        )
    return GoSlice(MESSAGES, converted)
