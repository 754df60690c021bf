"""Number syntax read without regular expressions, against the patterns it replaced (taken
from Go's `readFloat`, `special` and `ParseInt` grammar), and Go's ASCII-only case folding."""

from __future__ import annotations

import math
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from modelfile_ls.analysis.values import parse_int
from modelfile_ls.gostrconv import StrconvError, parse_float

DECIMAL = re.compile(r"[+-]?(?=\.?[0-9])[0-9_]*(?:\.[0-9_]*)?(?:[eE][+-]?[0-9][0-9_]*)?")
HEX = re.compile(
    r"[+-]?0[xX](?=\.?[0-9a-fA-F_])[0-9a-fA-F_]*(?:\.[0-9a-fA-F_]*)?[pP][+-]?[0-9][0-9_]*"
)
SPECIAL = re.compile(r"[+-]?(?:inf|infinity)|nan", re.IGNORECASE | re.ASCII)
NUMBERS = st.text(alphabet=st.sampled_from("0123456789_.eE+-xXpPaAfFiInNtTyY \u0661"), max_size=12)


def _accepted(text: str) -> bool:
    try:
        parse_float(text)
    except StrconvError:
        return False
    return True


@settings(max_examples=3000, deadline=None)
@given(NUMBERS)
def test_float_syntax_is_the_pattern_s(text: str) -> None:
    syntax = bool(SPECIAL.fullmatch(text) or HEX.fullmatch(text) or DECIMAL.fullmatch(text))
    if _accepted(text):
        assert syntax, text
    elif syntax and not SPECIAL.fullmatch(text):
        # Well-formed but refused: misplaced `_` (Go's underscoreOK) or out of range.
        with pytest.raises(StrconvError, match=r"invalid syntax|value out of range"):
            parse_float(text)
    else:
        assert not syntax, text


@pytest.mark.parametrize(
    ("text", "expected"),
    [("inf", math.inf), ("+Inf", math.inf), ("-INFINITY", -math.inf), ("NaN", math.nan)],
)
def test_special_values(text: str, expected: float) -> None:
    value = parse_float(text)
    assert value == expected or (math.isnan(value) and math.isnan(expected))


@pytest.mark.parametrize("text", ["\u0131nf", "\u0130nf", "+\u0131nfinity", "na\u0144", "+nan"])
def test_only_ascii_letters_fold(text: str) -> None:
    """Go's commonPrefixLenIgnoreCase folds ASCII only: a dotless ı is no `i`."""
    with pytest.raises(StrconvError, match="invalid syntax"):
        parse_float(text)


@settings(max_examples=2000, deadline=None)
@given(st.text(alphabet=st.sampled_from("0123456789+-_ x\u0661\uff11"), max_size=8))
def test_int_syntax_is_the_pattern_s(text: str) -> None:
    syntax = re.fullmatch(r"[+-]?[0-9]+", text) is not None
    number = parse_int(text)
    if not syntax:
        assert number is None
    else:
        assert number == (int(text) if -(2**63) <= int(text) < 2**63 else None)
