"""The float helpers that replaced `math` and `struct` on the check path answer as they did:
`is_finite`/`is_nan` as `math.isfinite`/`math.isnan`, and `parse_float32`'s rounding to float32
as `struct.pack("f")`, overflow to infinity included."""

from __future__ import annotations

import math
import struct

from hypothesis import given
from hypothesis import strategies as st

from modelfile_ls.analysis.values import parse_float32
from modelfile_ls.gostrconv import INFINITY, is_finite, is_nan

SPECIAL = [0.0, -0.0, 1.0, math.inf, -math.inf, math.nan, 3.4028235e38, 3.4028236e38, 1e-46]


@given(st.floats(allow_nan=True, allow_infinity=True) | st.sampled_from(SPECIAL))
def test_the_float_classes_agree_with_math(number: float) -> None:
    assert is_finite(number) == math.isfinite(number)
    assert is_nan(number) == math.isnan(number)
    assert math.inf == INFINITY


def struct_float32(text: str) -> float | None:
    """What `parse_float32` returned when it rounded through `struct`."""
    number = float(text)
    if not math.isfinite(number):
        return number
    (rounded,) = struct.unpack("f", struct.pack("f", number))
    return float(rounded) if math.isfinite(rounded) else None


@given(
    st.floats(allow_nan=False, allow_infinity=False) | st.sampled_from(SPECIAL[:4] + SPECIAL[6:])
)
def test_float32_rounding_is_structs(number: float) -> None:
    text = repr(number)
    assert parse_float32(text) == struct_float32(text)


def test_float32_edges() -> None:
    assert parse_float32("3.4028235e38") == 3.4028234663852886e38
    assert parse_float32("3.5e38") is None  # Go: value out of range
    assert parse_float32("1e-50") == 0.0
    negative_zero = parse_float32("-0")
    assert negative_zero == 0.0
    assert math.copysign(1.0, negative_zero) == -1.0
    assert parse_float32("inf") == math.inf
    assert is_nan(parse_float32("nan") or 0.0)
