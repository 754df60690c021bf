"""PARAMETER value conversion exactly as Ollama's CLI does it (`api.FormatParams`).

int uses Go `strconv.ParseInt(v, 10, 64)`, float `strconv.ParseFloat(v, 32)`, bool
`strconv.ParseBool`; a stop string is kept verbatim. Ollama prints failures as
`invalid <type> value [<v>]`.
"""

from modelfile_ls.facts import ParameterType
from modelfile_ls.gostrconv import StrconvError, is_finite, parse_float
from modelfile_ls.light_stdlib import lru_cache
from modelfile_ls.static_types import NamedTuple

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
    # Both fields given: a record built from every field is one C call (a default is read
    # in Python), and a few-shot file has hundreds of distinct values.
    if kind == "int":
        integer = parse_int(text)
        return Converted(integer, None) if integer is not None else _bad(kind, text)
    if kind == "float":
        number = parse_float32(text)
        return Converted(number, None) if number is not None else _bad(kind, text)
    if kind == "bool":
        flag = _BOOLS.get(text)
        return Converted(flag, None) if flag is not None else _bad(kind, text)
    return Converted(text, None)


def _bad(kind: ParameterType, text: str) -> Converted:
    return Converted(None, f"invalid {kind} value [{text}]")


def parse_int(text: str) -> int | None:
    """Go `ParseInt(text, 10, 64)`: optional sign, decimal digits, int64 range."""
    digits = text[1:] if text[:1] in ("+", "-") else text
    # `[+-]?[0-9]+`: ASCII digits only (`str.isdigit` alone would take other scripts' digits).
    if not (digits.isascii() and digits.isdigit()):
        return None
    number = int(text)
    return number if _INT64[0] <= number <= _INT64[1] else None


def parse_float32(text: str) -> float | None:
    """Go `ParseFloat(text, 32)`: decimal or hex literals with `_` separators, inf and NaN;
    None when the syntax is wrong or the value overflows float32."""
    try:
        number = parse_float(text)
    except StrconvError:
        return None
    if not is_finite(number):
        return number  # an inf or NaN literal
    # A C float of one: storing a Python float rounds it to float32 as a C cast does, what
    # `struct.pack("f")` did, without importing `struct` (~0.2 ms of every `--check`).
    single = memoryview(bytearray(4)).cast("f")
    single[0] = number
    rounded: float = single[0]
    # Go reports ErrRange when a finite literal rounds beyond float32's range.
    return rounded if is_finite(rounded) else None
