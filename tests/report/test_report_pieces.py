"""The text and json reports' C passes (`report/_blocks.c`, built into `syntax._scan`)
give what the steps give in Python."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from modelfile_ls.syntax._scan import json_piece, plain_lines, text_piece

ONE = range(10**9)
"""Stands for the cells of a line of printable ASCII (`text._ONE_CELL_EACH`)."""


def template(key: Any) -> tuple[str, str]:
    """A template that shows its key, so each block shows which one it was given."""
    return f"<{key!r}>", f"[{key!r}]\n"


def placed(start: int, end: int, layout: Any) -> tuple[str, int, int]:
    """An excerpt, indent and width that show what they were asked."""
    return f"placed {start} {end} {layout[4]}", start % 3, end % 4 - 1


FIELDS = (0, 1, 2, 3, 4, 5, 0)
"""A finding stand-in's fields: (code, severity, message, ollama, notes, fixes); a fix's
title first."""


def python_piece(
    head: str,
    findings: list[tuple[Any, ...]],
    spans: list[tuple[int, int]],
    columns: list[int],
    layouts: list[Any],
    templates: dict[Any, tuple[str, str]],
) -> str:
    """`text_piece` written the plain way."""
    blocks = []
    for finding, (start, end), column, layout in zip(
        findings, spans, columns, layouts, strict=True
    ):
        line_start, line_end, excerpt, cells, label = layout
        if line_start <= start <= end <= line_end and cells is ONE and excerpt is not None:
            indent, width = start - line_start, end - start
        else:
            excerpt, indent, width = placed(start, end, layout)
        code, severity, message, ollama, notes, fixes = finding
        titles = fixes[0][0] if len(fixes) == 1 else tuple(fix[0] for fix in fixes)
        key = (code, severity, message, ollama, notes, titles, len(label), indent, max(width, 1))
        if key not in templates:
            templates[key] = template(key)
        message, rest = templates[key]
        blocks.append(f"{head}{label}:{column + 1}{message}{excerpt}{rest}\n")
    return "".join(blocks)


@st.composite
def pieces(draw: st.DrawFn) -> tuple[list[Any], ...]:
    """Findings' shapes, spans, columns and line layouts, usual and not."""
    count = draw(st.integers(0, 12))
    fixes = st.lists(st.sampled_from([("f", ()), ("g", ("edit",))]), max_size=3).map(tuple)
    findings = [
        (
            draw(st.sampled_from(["MF101", "MF108"])),
            draw(st.integers(1, 4)),
            draw(st.sampled_from(["m", "other 漢"])),
            draw(st.sampled_from([None, "ollama says"])),
            draw(st.sampled_from([(), (("span", "note"),)])),
            draw(fixes),
        )
        for _ in range(count)
    ]
    spans, columns, layouts = [], [], []
    for _ in range(count):
        line_start = draw(st.integers(0, 40))
        line_end = line_start + draw(st.integers(0, 20))
        start = draw(st.integers(line_start - 2, line_end + 2))
        spans.append((start, start + draw(st.integers(-2, 10))))
        columns.append(draw(st.sampled_from([0, 4, 255, 256, 10**6])))
        excerpt = draw(st.sampled_from([None, "  1 | x", "  12 | 漢字 y"]))
        cells = draw(st.sampled_from([ONE, [0, 1, 2]]))
        layouts.append((line_start, line_end, excerpt, cells, str(draw(st.integers(1, 12000)))))
    return findings, spans, columns, layouts


@settings(max_examples=300, deadline=None)
@given(pieces(), st.sampled_from(["M:", "\x1b[1mA 漢:"]))
def test_text_piece_is_the_plain_loop(parts: tuple[list[Any], ...], head: str) -> None:
    made: dict[Any, tuple[str, str]] = {}
    expected: dict[Any, tuple[str, str]] = {}
    findings, *rest = parts
    got = text_piece(head, findings, FIELDS, *rest, made, template, placed, ONE)
    assert got == python_piece(head, *parts, expected)
    assert made == expected


def test_text_piece_reuses_the_templates_it_is_given() -> None:
    finding = ("MF1", 1, "m", None, (), (("title", ()),))
    templates = {("MF1", 1, "m", None, (), "title", 1, 0, 1): ("<known>", "[known]\n")}
    got = text_piece("M:", [finding], FIELDS, [(5, 5)], [5], [(5, 9, "  1 | x", ONE, "1")],
                     templates, template, placed, ONE)  # fmt: skip
    assert got == "M:1:6<known>  1 | x[known]\n\n"


@pytest.mark.parametrize(
    ("change", "error"),
    [
        ({"spans": [(1,)]}, TypeError),
        ({"spans": [("1", 2)]}, TypeError),
        ({"layouts": [(0, 9, "x", ONE)]}, TypeError),
        ({"layouts": [(0, 9, "x", ONE, 1)]}, TypeError),
        ({"columns": [1, 2]}, ValueError),
        ({"findings": [("MF1", 1)]}, TypeError),
        ({"findings": ["MF1"]}, TypeError),
        ({"findings": [("MF1", 1, "m", None, (), "not a tuple")]}, TypeError),
        ({"findings": [("MF1", 1, "m", None, (), ("not a fix",))]}, TypeError),
        ({"findings": [("MF1", 1, "m", None, (), ((),))]}, TypeError),
        ({"fields": (0, 1, 2)}, ValueError),
        ({"fields": (0, 1, 2, 3, 4, -5, 0)}, ValueError),
        ({"template": lambda key: "not a pair"}, TypeError),
        ({"template": lambda key: 1 / 0}, ZeroDivisionError),
        ({"placed": lambda *_: ("x", "no", 1), "layouts": [(0, 9, None, ONE, "1")]}, TypeError),
    ],
)
def test_text_piece_rejects_malformed_parts(change: dict[str, Any], error: type) -> None:
    """Malformed parts raise (the report then fails whole, as `write_atomically` expects)
    and never crash the process."""
    given_parts: dict[str, Any] = {
        "findings": [("MF1", 1, "m", None, (), ())],
        "fields": FIELDS,
        "spans": [(1, 2)],
        "columns": [1],
        "layouts": [(0, 9, "x", ONE, "1")],
        "template": template,
        "placed": placed,
        **change,
    }
    with pytest.raises(error):
        text_piece(
            "M:",
            given_parts["findings"],
            given_parts["fields"],
            given_parts["spans"],
            given_parts["columns"],
            given_parts["layouts"],
            {},
            given_parts["template"],
            given_parts["placed"],
            ONE,
        )


LINES = st.sampled_from(["", "PARAMETER top_k 1", "a  ", "   ", "x" * 130, "\t", "é", "\x7f", "~"])


def python_lines(
    text: str, starts: list[int], ends: list[int], numbers: list[int], width: int
) -> list[Any] | None:
    """`plain_lines` written the plain way."""
    if not all(
        text[s:e].isascii() and text[s:e].isprintable() for s, e in zip(starts, ends, strict=True)
    ):
        return None
    laid_out = []
    for start, end, number in zip(starts, ends, numbers, strict=True):
        tail = text[start:end].rstrip()
        excerpt = f"  {number + 1} |" + (f" {tail}" if tail else "")
        laid_out.append(
            (start, end, None if end - start > width else excerpt, ONE, f"{number + 1}")
        )
    return laid_out


@settings(max_examples=300, deadline=None)
@given(st.lists(LINES, max_size=8), st.data())
def test_plain_lines_is_the_plain_layout(lines: list[str], data: st.DataObject) -> None:
    text = "\n".join(lines)
    bounds, at = [], 0
    for line in lines:
        bounds.append((at, at + len(line)))
        at += len(line) + 1
    chosen = data.draw(st.lists(st.sampled_from(range(len(lines))), max_size=6)) if lines else []
    starts, ends = [bounds[i][0] for i in chosen], [bounds[i][1] for i in chosen]
    width = data.draw(st.sampled_from([0, 3, 120]))
    got = plain_lines(text, starts, ends, chosen, "  ", " |", ONE, width)
    assert got == python_lines(text, starts, ends, chosen, width)


def test_plain_lines_of_a_wide_text_and_colored_gutter() -> None:
    """A text that holds wide characters elsewhere, and a gutter in ANSI color."""
    text = "漢字\nPARAMETER x 1 \n"
    got = plain_lines(text, [3], [17], [1], "  \x1b[34m", " |\x1b[0m", ONE, 120)
    assert got == [(3, 17, "  \x1b[34m2 |\x1b[0m PARAMETER x 1", ONE, "2")]


@pytest.mark.parametrize(
    ("starts", "ends", "numbers"),
    [([0], [99], [0]), ([3], [1], [0]), ([-1], [1], [0]), ([0], [1], []), (["0"], [1], [0])],
)
def test_plain_lines_rejects_lines_outside_the_text(
    starts: list[Any], ends: list[Any], numbers: list[Any]
) -> None:
    with pytest.raises((ValueError, TypeError)):
        plain_lines("abc\n", starts, ends, numbers, "  ", " |", ONE, 120)


def head_of(key: Any) -> str:
    """An object's head that shows its key."""
    return f"  {{\n    {key!r}: "


def python_json(
    opening: str, findings: list[tuple[Any, ...]], regions: list[Any], heads: dict[Any, str]
) -> str:
    """`json_piece` written the plain way."""
    objects = []
    for finding, (line, column, end_line, end_column) in zip(findings, regions, strict=True):
        key = finding[:3]
        if key not in heads:
            heads[key] = head_of(key)
        objects.append(
            f"{heads[key]}{line},\n"
            f'    "column": {column},\n'
            f'    "end_line": {end_line},\n'
            f'    "end_column": {end_column}\n'
            "  }"
        )
    return opening + ",\n".join(objects)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(["MF101", "MF108"]),
            st.integers(1, 4),
            st.sampled_from(["m", '漢 "quoted"']),
            st.tuples(*[st.integers(0, 10**12)] * 4),
        ),
        max_size=10,
    ),
    st.sampled_from(["[\n", ",\n"]),
)
def test_json_piece_is_the_plain_loop(
    items: list[tuple[str, int, str, tuple[int, int, int, int]]], opening: str
) -> None:
    findings = [(code, severity, message, "span") for code, severity, message, _ in items]
    regions = [region for *_, region in items]
    made: dict[Any, str] = {}
    expected: dict[Any, str] = {}
    got = json_piece(opening, findings, (0, 1, 2), regions, made, head_of)
    assert got == python_json(opening, findings, regions, expected)
    assert made == expected


@pytest.mark.parametrize(
    ("change", "error"),
    [
        ({"regions": [(1, 2, 3)]}, TypeError),
        ({"regions": [(1, 2, 3, "4")]}, TypeError),
        ({"regions": []}, ValueError),
        ({"findings": [("MF1", 1)]}, TypeError),
        ({"findings": ["MF1"]}, TypeError),
        ({"fields": (0, 1)}, ValueError),
        ({"fields": (0, -1, 2)}, ValueError),
        ({"head": lambda key: 1}, TypeError),
        ({"head": lambda key: 1 / 0}, ZeroDivisionError),
    ],
)
def test_json_piece_rejects_malformed_parts(change: dict[str, Any], error: type) -> None:
    given_parts: dict[str, Any] = {
        "findings": [("MF1", 1, "m")],
        "fields": (0, 1, 2),
        "regions": [(1, 2, 3, 4)],
        "head": head_of,
        **change,
    }
    with pytest.raises(error):
        json_piece(
            "[\n",
            given_parts["findings"],
            given_parts["fields"],
            given_parts["regions"],
            {},
            given_parts["head"],
        )
