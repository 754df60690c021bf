"""Go's `fmt` printing of template values: `Sprint`, `Sprintln`, `Sprintf` and `%v`.

Ported from Go's fmt (print.go, format.go) for the values a template sees: strings, bools,
ints, float64 (shortest `%g`), slices `[a b]`, maps `map[k:v]` in key order, structs `{a b}`,
`<nil>`, and `String()` methods (Ollama's tool lists and argument maps print as JSON).
"""

from __future__ import annotations

import math
import re
from decimal import Decimal
from typing import Any, NamedTuple

from modelfile_ls.template.gostrconv import quote, quote_rune
from modelfile_ls.template.govalues import GoMap, GoPtr, GoSlice, GoStruct, Iface, type_of

# Where Go prints a pointer nested inside another value it prints the address, which differs
# on every run; this stands in for it.
POINTER_ADDRESS = "0xc000010000"


def shortest_digits(value: float) -> tuple[str, int]:
    """The shortest decimal digits that round-trip and the decimal point position."""
    _, digits, exponent = Decimal(repr(abs(value))).as_tuple()
    assert isinstance(exponent, int), "finite values only"
    text = "".join(map(str, digits))
    significant = text.lstrip("0")
    point = len(text) + exponent  # the decimal point's place, counted from text's start
    point -= len(text) - len(significant)
    stripped = significant.rstrip("0")
    return (stripped or "0"), (point if stripped else 1)


def _non_finite(value: float) -> str:
    """How `strconv.FormatFloat` spells a NaN or an infinity, in every format."""
    if math.isnan(value):
        return "NaN"
    return "+Inf" if value > 0 else "-Inf"


def format_g(value: float) -> str:
    """`strconv.FormatFloat(value, 'g', -1, 64)`: `%v` of a float64."""
    if not math.isfinite(value):
        return _non_finite(value)
    sign = "-" if math.copysign(1.0, value) < 0 else ""
    if value == 0:
        return sign + "0"
    digits, point = shortest_digits(value)
    exponent = point - 1
    # Shortest formatting decides on precision 6 (strconv's `eprec`).
    if exponent < -4 or exponent >= 6:
        mantissa = digits[0] + ("." + digits[1:] if len(digits) > 1 else "")
        return f"{sign}{mantissa}e{'-' if exponent < 0 else '+'}{abs(exponent):02d}"
    if point <= 0:
        return f"{sign}0.{'0' * -point}{digits}"
    if point >= len(digits):
        return sign + digits + "0" * (point - len(digits))
    return f"{sign}{digits[:point]}.{digits[point:]}"


def format_complex(value: complex) -> str:
    """`%v` of a complex128: `(1+2i)`."""
    imaginary = format_g(value.imag)
    if not imaginary.startswith(("-", "+")):
        imaginary = "+" + imaginary
    return f"({format_g(value.real)}{imaginary}i)"


def print_value(value: Any, depth: int = 0) -> str:
    """Go's `%v` of a value (`handleMethods` first, as fmt does)."""
    if isinstance(value, Iface):
        return "<nil>" if value.value is None else print_value(value.value, depth)
    if value is None:
        return "<nil>"
    stringer = type_of(value).stringer
    if stringer is not None:
        return stringer(value)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return value
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return format_g(value)
    if isinstance(value, complex):
        return format_complex(value)
    if isinstance(value, GoSlice):
        return "[" + " ".join(print_value(v, depth + 1) for v in value.items or []) + "]"
    if isinstance(value, GoMap):
        entries = value.entries or {}
        inner = " ".join(f"{k}:{print_value(entries[k], depth + 1)}" for k in sorted(entries))
        return f"map[{inner}]"
    if isinstance(value, GoStruct):
        parts = (print_value(value.values[name], depth + 1) for name, _, _ in value.type.fields)
        return "{" + " ".join(parts) + "}"
    if isinstance(value, GoPtr):
        if value.target is None:
            return "<nil>"
        if depth == 0:
            return "&" + print_value(value.target, depth + 1)
        return POINTER_ADDRESS
    return str(value)


def _is_string(value: Any) -> bool:
    return isinstance(value, str) or (isinstance(value, Iface) and isinstance(value.value, str))


def sprint(args: list[Any]) -> str:
    """`fmt.Sprint`: spaces between operands when neither side is a string."""
    out = []
    for index, arg in enumerate(args):
        if index > 0 and not _is_string(arg) and not _is_string(args[index - 1]):
            out.append(" ")
        out.append(print_value(arg))
    return "".join(out)


def sprintln(args: list[Any]) -> str:
    """`fmt.Sprintln`: operands separated by spaces, then a newline."""
    return " ".join(print_value(arg) for arg in args) + "\n"


_VERB = re.compile(r"%([-+# 0]*)(\*|\d+)?(?:\.(\*|\d+)?)?(.)", re.DOTALL)


def sprintf(template: str, args: list[Any]) -> str:
    """`fmt.Sprintf` for the verbs templates use, with Go's `%!verb(...)` error forms."""
    out: list[str] = []
    position = 0
    used = 0
    while True:
        found = template.find("%", position)
        if found < 0:
            out.append(template[position:])
            break
        out.append(template[position:found])
        match = _VERB.match(template, found)
        if match is None:
            out.append("%!(NOVERB)")
            break
        flags, width, precision, verb = match.groups()
        position = match.end()
        if verb == "%":
            out.append("%")
            continue
        if used >= len(args):
            out.append(f"%!{verb}(MISSING)")
            continue
        arg = args[used]
        used += 1
        formatted = _format_verb(verb, arg, precision)
        if isinstance(formatted, _BadVerb):
            # Go's badVerb prints the value with the verb's width and flags: `%!d(string=ab  )`.
            out.append(formatted.text(flags, width))
        else:
            out.append(_pad(formatted, flags, width))
    if used < len(args):
        extra = ", ".join(
            "<nil>" if unwrapped(a) is None else f"{type_of(unwrapped(a)).name}={print_value(a)}"
            for a in args[used:]
        )
        out.append(f"%!(EXTRA {extra})")
    return "".join(out)


def unwrapped(value: Any) -> Any:
    """The dynamic value of an interface."""
    return value.value if isinstance(value, Iface) else value


def _pad(text: str, flags: str, width: str | None) -> str:
    if not width or width == "*":
        return text
    size = int(width)
    if "-" in flags:
        return text.ljust(size)
    if "0" in flags and text[:1] in "-+0123456789":
        sign = text[0] if text[0] in "+-" else ""
        return sign + text[len(sign) :].rjust(size - len(sign), "0")
    return text.rjust(size)


class _BadVerb(NamedTuple):
    """A verb that does not suit its operand: `%!verb(type=value)`."""

    verb: str
    type_name: str
    value: str

    def text(self, flags: str = "", width: str | None = None) -> str:
        """The error form, the value padded as the verb's width asks."""
        return f"%!{self.verb}({self.type_name}={_pad(self.value, flags, width)})"


def _element(verb: str, arg: Any, precision: str | None) -> str:
    formatted = _format_verb(verb, arg, precision)
    return formatted.text() if isinstance(formatted, _BadVerb) else formatted


def _hex_float(value: float) -> str:
    """Go's `strconv.FormatFloat(value, 'x', -1, 64)`: the shortest hex mantissa and an
    exponent of at least two digits (`0x1.e848p+19`, `0x1p+00`)."""
    if not math.isfinite(value):
        return _non_finite(value)
    sign = "-" if math.copysign(1.0, value) < 0 else ""
    if value == 0:
        return f"{sign}0x0p+00"
    # frexp normalises subnormals too: |value| = 2m * 2^(e-1) with 2m in [1, 2).
    fraction_part, exponent = math.frexp(abs(value))
    mantissa = (fraction_part * 2).hex().partition("p")[0]
    whole, _, fraction = mantissa.partition(".")
    fraction = fraction.rstrip("0")
    power = exponent - 1
    point = f".{fraction}" if fraction else ""
    return f"{sign}{whole}{point}p{'+' if power >= 0 else '-'}{abs(power):02d}"


def _format_verb(verb: str, arg: Any, precision: str | None) -> str | _BadVerb:
    value = unwrapped(arg)
    prec = int(precision) if precision and precision != "*" else None
    if verb == "T":
        return "<nil>" if value is None else type_of(value).name
    if verb == "v":
        return print_value(arg)
    if value is None:
        return f"%!{verb}(<nil>)"
    if verb in "sq" and type_of(value).stringer is not None:
        text = print_value(value)
        return quote(text) if verb == "q" else text
    if isinstance(value, str):
        if verb == "s":
            return value if prec is None else value[:prec]
        if verb == "q":
            return quote(value)
        if verb in "xX":
            encoded = value.encode().hex()
            return encoded.upper() if verb == "X" else encoded
    elif isinstance(value, bool):
        if verb == "t":
            return "true" if value else "false"
    elif isinstance(value, int):
        integer_forms = {"d": str(value), "x": f"{value:x}", "X": f"{value:X}", "o": f"{value:o}"}
        if verb in integer_forms:
            return integer_forms[verb]
        if verb == "b":
            return f"{value:b}"
        if verb == "c":
            return chr(value)
        if verb == "U":
            return f"U+{value:04X}"
        if verb == "q":
            return quote_rune(chr(value))
    elif isinstance(value, float):
        if verb in "fF":
            return f"{value:.{6 if prec is None else prec}f}"
        if verb in "eE":
            text = f"{value:.{6 if prec is None else prec}e}"
            return text.upper() if verb == "E" else text
        if verb in "gG":
            return format_g(value) if prec is None else f"{value:.{prec}g}"
        if verb in "xX" and prec is None:
            text = _hex_float(value)
            return text.upper() if verb == "X" else text
    elif isinstance(value, GoSlice):
        return "[" + " ".join(_element(verb, v, precision) for v in value.items or []) + "]"
    elif isinstance(value, GoMap):
        # fmt applies the verb to each key and each value, in sorted key order.
        entries = value.entries or {}
        pairs = (
            f"{_element(verb, k, precision)}:{_element(verb, entries[k], precision)}"
            for k in sorted(entries)
        )
        return "map[" + " ".join(pairs) + "]"
    return _BadVerb(verb, type_of(value).name, print_value(arg))
