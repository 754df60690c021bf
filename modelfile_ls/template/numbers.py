"""Number constants as Go's `parse.newNumber` reads them (node.go, Go 1.26)."""

from __future__ import annotations

from modelfile_ls.gostrconv import (
    StrconvError,
    parse_float,
    parse_int,
    parse_uint,
    quote,
    unquote_char,
)
from modelfile_ls.lazy_pattern import LazyPattern
from modelfile_ls.template.nodes import NodeType, NumberNode
from modelfile_ls.template.tokens import ItemType

_INT64_MIN = -(1 << 63)
_INT64_MAX = (1 << 63) - 1
_UINT64_MAX = (1 << 64) - 1
_COMPLEX = LazyPattern(r"([+-]?[^+-]+(?:[eEpP][+-][^+-]*)?)([+-].*)i")


def new_number(pos: int, text: str, typ: ItemType) -> NumberNode:
    """A NumberNode with every interpretation Go accepts, or Go's error."""
    number = NumberNode(NodeType.NUMBER, pos, text)
    if typ == ItemType.CHAR_CONSTANT:
        char, tail = unquote_char(text[1:], text[0])
        if tail != "'":
            raise StrconvError(f"malformed character constant: {text}")
        value = ord(char)
        number.is_char = True
        number.is_int = number.is_uint = number.is_float = True
        number.int64 = number.uint64 = value
        number.float64 = float(value)
        return number
    if typ == ItemType.COMPLEX:
        number.complex128 = _scan_complex(text)
        number.is_complex = True
        _simplify_complex(number)
        return number
    if text.endswith("i"):
        try:
            imaginary = parse_float(text[:-1])
        except StrconvError:
            pass
        else:
            number.is_complex = True
            number.complex128 = complex(0, imaginary)
            _simplify_complex(number)
            return number
    _integers(number, text)
    if not (number.is_int or number.is_uint or number.is_float):
        raise StrconvError(f"illegal number syntax: {quote(text)}")
    return number


def _integers(number: NumberNode, text: str) -> None:
    unsigned = None
    try:
        unsigned = parse_uint(text)
        number.is_uint, number.uint64 = True, unsigned
    except StrconvError:
        pass
    try:
        signed = parse_int(text)
    except StrconvError:
        pass
    else:
        number.is_int, number.int64 = True, signed
        if signed == 0:
            number.is_uint, number.uint64 = True, unsigned or 0  # the case of -0
    if number.is_int:
        number.is_float, number.float64 = True, float(number.int64)
    elif number.is_uint:
        number.is_float, number.float64 = True, float(number.uint64)
    else:
        try:
            value = parse_float(text)
        except StrconvError:
            return
        if not any(c in text for c in ".eEpP"):
            raise StrconvError(f"integer overflow: {quote(text)}")
        number.is_float, number.float64 = True, value
        if _INT64_MIN <= value <= _INT64_MAX and float(int(value)) == value:
            number.is_int, number.int64 = True, int(value)
        if 0 <= value <= _UINT64_MAX and float(int(value)) == value:
            number.is_uint, number.uint64 = True, int(value)


def _scan_complex(text: str) -> complex:
    """`fmt.Sscan` of a complex literal `1+2i` the lexer accepted."""
    match = _COMPLEX.fullmatch(text)
    if match is None:
        raise StrconvError("expected integer")
    return complex(parse_float(match.group(1)), parse_float(match.group(2)))


def _simplify_complex(number: NumberNode) -> None:
    number.is_float = number.complex128.imag == 0
    if number.is_float:
        real = number.complex128.real
        number.float64 = real
        number.is_int = _INT64_MIN <= real <= _INT64_MAX and float(int(real)) == real
        if number.is_int:
            number.int64 = int(real)
        number.is_uint = 0 <= real <= _UINT64_MAX and float(int(real)) == real
        if number.is_uint:
            number.uint64 = int(real)
