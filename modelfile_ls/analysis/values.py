"""PARAMETER value conversion exactly as Ollama's CLI does it (`api.FormatParams`).

int uses Go `strconv.ParseInt(v, 10, 64)`, float `strconv.ParseFloat(v, 32)`, bool
`strconv.ParseBool`; a stop string is kept verbatim. Ollama prints failures as
`invalid <type> value [<v>]`.
"""

import math
import re
import struct
from functools import lru_cache

from modelfile_ls.facts import ParameterType
from modelfile_ls.lazy_pattern import LazyPattern
from modelfile_ls.static_types import NamedTuple

_INT = re.compile(r"[+-]?[0-9]+")
_DEC = r"[0-9]+(?:_[0-9]+)*"
_HEX = r"_?[0-9a-fA-F]+(?:_[0-9a-fA-F]+)*"
_FLOAT_DEC = re.compile(rf"[+-]?(?:{_DEC}(?:\.(?:{_DEC})?)?|\.{_DEC})(?:[eE][+-]?{_DEC})?")
_FLOAT_HEX = LazyPattern(rf"[+-]?0[xX](?:{_HEX}(?:\.(?:{_HEX})?)?|\.{_HEX})[pP][+-]?{_DEC}")
_SPECIAL = re.compile(r"[+-]?(?:inf|infinity)|nan", re.IGNORECASE)
_BOOLS = {
    **dict.fromkeys(("1", "t", "T", "TRUE", "true", "True"), True),
    **dict.fromkeys(("0", "f", "F", "FALSE", "false", "False"), False),
}
_INT64 = (-(2**63), 2**63 - 1)


class Converted(NamedTuple):
    """A converted value, or the reason Ollama's CLI rejects it."""

    value: int | float | bool | str | None
    error: str | None = None


@lru_cache(maxsize=4096)
def convert(kind: ParameterType, text: str) -> Converted:
    """Convert a PARAMETER value the way `ollama create` does (remembered: several rules ask
    for every PARAMETER, and few-shot files repeat the same values thousands of times)."""
    if kind == "int":
        return Converted(parse_int(text), None) if parse_int(text) is not None else _bad(kind, text)
    if kind == "float":
        number = parse_float32(text)
        return Converted(number) if number is not None else _bad(kind, text)
    if kind == "bool":
        flag = _BOOLS.get(text)
        return Converted(flag) if flag is not None else _bad(kind, text)
    return Converted(text)


def _bad(kind: ParameterType, text: str) -> Converted:
    return Converted(None, f"invalid {kind} value [{text}]")


def parse_int(text: str) -> int | None:
    """Go `ParseInt(text, 10, 64)`: optional sign, decimal digits, int64 range."""
    if not _INT.fullmatch(text):
        return None
    number = int(text)
    return number if _INT64[0] <= number <= _INT64[1] else None


def parse_float32(text: str) -> float | None:
    """Go `ParseFloat(text, 32)`: decimal or hex literals with `_` separators, inf and NaN;
    None when the syntax is wrong or the value overflows float32."""
    if _SPECIAL.fullmatch(text):
        return float(text.lower().replace("infinity", "inf"))
    if _FLOAT_DEC.fullmatch(text):
        number = float(text.replace("_", ""))
    elif _FLOAT_HEX.fullmatch(text):
        number = float.fromhex(text.replace("_", ""))
    else:
        return None
    try:
        (rounded,) = struct.unpack("f", struct.pack("f", number))
    except OverflowError:
        return None
    # Go reports ErrRange when a finite literal rounds beyond float32's range.
    return float(rounded) if math.isfinite(rounded) else None
