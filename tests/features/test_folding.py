"""folding_ranges(): multi-line values and comment blocks."""

from __future__ import annotations

from modelfile_ls.features import Fold, folding_ranges
from modelfile_ls.syntax import parse


def test_multi_line_values_and_comment_blocks() -> None:
    text = (
        "# licence 😀\n# second\n\nFROM x\n"
        'TEMPLATE """{{ .System }}\r\n{{ .Prompt }}\r\n"""\r\n'
        "# lone\nSYSTEM one line\n# a\n# b\n# c"
    )
    assert folding_ranges(parse(text)) == [
        Fold(0, 1, "comment"),
        Fold(4, 6),
        Fold(9, 11, "comment"),
    ]


def test_unterminated_value_folds_to_the_end() -> None:
    assert folding_ranges(parse('SYSTEM "open\nmore\nend')) == [Fold(0, 2)]


def test_nothing_to_fold() -> None:
    assert folding_ranges(parse("FROM x\n# one\nSYSTEM y\n")) == []
