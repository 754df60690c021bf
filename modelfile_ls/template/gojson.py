"""Go's `encoding/json` `Marshal` of template values (what Ollama's `json` function returns).

As Go: HTML-significant characters escaped (`<` is `\\u003c`), map keys sorted, struct
fields by json tag with `omitempty`, nil slices and maps `null`, `[]byte` as base64, floats
in Go's shortest form, and the types' own `MarshalJSON` where they have one.
"""

from __future__ import annotations

import base64
import math
from typing import Any

from modelfile_ls.template.gofloat import shortest_digits
from modelfile_ls.template.govalues import GoMap, GoPtr, GoSlice, GoStruct, Iface, type_of, unwrap

_ESCAPES = {
    '"': '\\"',
    "\\": "\\\\",
    "\n": "\\n",
    "\r": "\\r",
    "\t": "\\t",
    "\b": "\\b",
    "\f": "\\f",
}


def encode_string(text: str) -> str:
    """A JSON string as Go writes it (with HTML escaping)."""
    out = ['"']
    for char in text:
        if char in _ESCAPES:
            out.append(_ESCAPES[char])
        elif char < " " or char in "<>&\u2028\u2029":
            out.append(f"\\u{ord(char):04x}")
        else:
            out.append(char)
    out.append('"')
    return "".join(out)


def encode_float(value: float) -> str:
    """A float64 as Go's encoder writes it: `f` form, `e` form outside [1e-6, 1e21)."""
    if math.isinf(value) or math.isnan(value):
        raise ValueError(f"json: unsupported value: {value}")
    if value == 0:
        return "-0" if math.copysign(1.0, value) < 0 else "0"
    sign = "-" if value < 0 else ""
    digits, point = shortest_digits(value)
    if abs(value) < 1e-6 or abs(value) >= 1e21:
        mantissa = digits[0] + ("." + digits[1:] if len(digits) > 1 else "")
        exponent = point - 1
        return f"{sign}{mantissa}e{'-' if exponent < 0 else '+'}{abs(exponent):02d}".replace(
            "e-0", "e-"
        )
    if point <= 0:
        return f"{sign}0.{'0' * -point}{digits}"
    if point >= len(digits):
        return sign + digits + "0" * (point - len(digits))
    return f"{sign}{digits[:point]}.{digits[point:]}"


def is_empty(value: Any) -> bool:
    """Go's `isEmptyValue` for `omitempty`."""
    value = unwrap(value)
    if value is None:
        return True
    if isinstance(value, GoPtr):
        return value.target is None
    if isinstance(value, GoSlice | GoMap):
        return len(value) == 0
    if isinstance(value, str | bool | int | float):
        return not value
    return False


def marshal(value: Any) -> str:
    """`json.Marshal(value)`."""
    if isinstance(value, Iface):
        return marshal(value.value)
    if value is None:
        return "null"
    custom = type_of(value).json
    if custom is not None:
        return custom(value)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return encode_string(value)
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return encode_float(value)
    if isinstance(value, GoPtr):
        return "null" if value.target is None else marshal(value.target)
    if isinstance(value, GoSlice):
        if value.items is None:
            return "null"
        if value.type.elem is not None and value.type.elem.name == "uint8":
            return encode_string(base64.b64encode(bytes(value.items)).decode())
        return "[" + ",".join(marshal(item) for item in value.items) + "]"
    if isinstance(value, GoMap):
        if value.entries is None:
            return "null"
        entries = value.entries
        return (
            "{"
            + ",".join(f"{encode_string(k)}:{marshal(entries[k])}" for k in sorted(entries))
            + "}"
        )
    if isinstance(value, GoStruct):
        parts = []
        for name, _, tag in value.type.fields:
            key, _, options = tag.partition(",")
            if key == "-":
                continue
            if "omitempty" in options.split(",") and is_empty(value.values[name]):
                continue
            parts.append(f"{encode_string(key or name)}:{marshal(value.values[name])}")
        return "{" + ",".join(parts) + "}"
    return "null"
