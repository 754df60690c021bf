"""Go's `strconv.FormatFloat` for float64, every format `fmt` asks of it.

`%v` prints the shortest digits that round-trip (`1e+06`, `0.1`); `%e`, `%f` and `%g` with a
precision are correctly rounded, as Python's own formatting is; `%x` is the hexadecimal form
(`0x1.8p+01`) and `%b` the binary exponent form (`6755399441055744p-52`), ported from
strconv's ftoa.go.
"""

import math
import struct
from decimal import Decimal

_MANTISSA_BITS = 52
_BIAS = -1023
_WORD = (1 << 64) - 1


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


def non_finite(value: float) -> str:
    """How `strconv.FormatFloat` spells a NaN or an infinity, in every format."""
    if math.isnan(value):
        return "NaN"
    return "+Inf" if value > 0 else "-Inf"


def format_g(value: float) -> str:
    """`strconv.FormatFloat(value, 'g', -1, 64)`: `%v` of a float64."""
    if not math.isfinite(value):
        return non_finite(value)
    sign = "-" if math.copysign(1.0, value) < 0 else ""
    if value == 0:
        return sign + "0"
    digits, point = shortest_digits(value)
    exponent = point - 1
    # Shortest formatting decides on precision 6 (strconv's `eprec`).
    if exponent < -4 or exponent >= 6:
        return sign + _exponent_form(digits, exponent, "e")
    if point <= 0:
        return f"{sign}0.{'0' * -point}{digits}"
    if point >= len(digits):
        return sign + digits + "0" * (point - len(digits))
    return f"{sign}{digits[:point]}.{digits[point:]}"


def _exponent_form(digits: str, exponent: int, letter: str) -> str:
    mantissa = digits[0] + ("." + digits[1:] if len(digits) > 1 else "")
    return f"{mantissa}{letter}{'-' if exponent < 0 else '+'}{abs(exponent):02d}"


def _bits(value: float) -> tuple[bool, int, int]:
    """Sign, mantissa and unbiased exponent as strconv's `genericFtoa` unpacks them."""
    (bits,) = struct.unpack("<Q", struct.pack("<d", value))
    exponent = (bits >> _MANTISSA_BITS) & 0x7FF
    mantissa = bits & ((1 << _MANTISSA_BITS) - 1)
    if exponent == 0:
        exponent += 1  # a denormal
    else:
        mantissa |= 1 << _MANTISSA_BITS
    return bool(bits >> 63), mantissa, exponent + _BIAS


def _format_b(value: float) -> str:
    """strconv's `fmtB`: `-ddddp±ddd`, the mantissa in decimal and a binary exponent."""
    negative, mantissa, exponent = _bits(value)
    exponent -= _MANTISSA_BITS
    return f"{'-' if negative else ''}{mantissa}p{'+' if exponent >= 0 else ''}{exponent}"


def _format_x(value: float, precision: int, verb: str) -> str:
    """strconv's `fmtX`: `-0x1.hhhhp±dd`, rounded to `precision` hex digits (-1: exact)."""
    negative, mantissa, exponent = _bits(value)
    if mantissa == 0:
        exponent = 0
    # The leading 1 (if any) at bit 60, as Go shifts its uint64.
    mantissa <<= 60 - _MANTISSA_BITS
    while mantissa != 0 and mantissa & (1 << 60) == 0:
        mantissa = (mantissa << 1) & _WORD
        exponent -= 1
    if 0 <= precision < 15:
        shift = precision * 4
        extra = (mantissa << shift) & ((1 << 60) - 1)
        mantissa >>= 60 - shift
        if extra | (mantissa & 1) > 1 << 59:
            mantissa += 1
        mantissa = (mantissa << (60 - shift)) & _WORD
        if mantissa & (1 << 61):
            mantissa >>= 1
            exponent += 1
    digits = "0123456789ABCDEF" if verb == "X" else "0123456789abcdef"
    out = ["-" if negative else "", "0", verb, str((mantissa >> 60) & 1)]
    mantissa = (mantissa << 4) & _WORD
    if precision < 0 and mantissa != 0:
        out.append(".")
        while mantissa != 0:
            out.append(digits[(mantissa >> 60) & 15])
            mantissa = (mantissa << 4) & _WORD
    elif precision > 0:
        out.append(".")
        for _ in range(precision):
            out.append(digits[(mantissa >> 60) & 15])
            mantissa = (mantissa << 4) & _WORD
    out.append("P" if verb == "X" else "p")
    out.append("-" if exponent < 0 else "+")
    out.append(f"{abs(exponent):02d}")
    return "".join(out)


def format_float(value: float, verb: str, precision: int) -> str:
    """`strconv.FormatFloat(value, verb, precision, 64)` for what fmt asks of it: `b`; `x`,
    `X`, `g` and `G` with a precision or -1 (the shortest); `e`, `E` and `f` with a precision
    (fmt's default is 6, and it asks `f` for `%F`)."""
    if not math.isfinite(value):
        return non_finite(value)
    if verb == "b":
        return _format_b(value)
    if verb in "xX":
        return _format_x(value, precision, verb)
    if precision < 0:
        text = format_g(value)
        return text.replace("e", "E") if verb == "G" else text
    return f"{value:.{precision}{verb}}"
