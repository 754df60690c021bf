"""Would-be comments and path-like references found without regular expressions, against the
patterns they replaced."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from modelfile_ls.analysis.inline_comment import find_inline_comment
from modelfile_ls.analysis.references import looks_like_path

INLINE = re.compile(r"[ \t]+#")
PATH_LIKE = re.compile(
    r"^(?:\.{1,2}(?:[/\\]|$)|[/\\~]|[A-Za-z]:[/\\])|\\|\.(?:gguf|safetensors|bin|pth)$",
    re.IGNORECASE | re.ASCII,
)


@settings(max_examples=1500, deadline=None)
@given(
    st.text(alphabet=st.sampled_from("a# \t\n\u00a0\u3000x"), max_size=24),
    st.integers(0, 26),
    st.one_of(st.none(), st.integers(0, 26)),
)
def test_inline_comments_are_where_the_pattern_finds_them(
    text: str, start: int, end: int | None
) -> None:
    match = INLINE.search(text, start, len(text) if end is None else end)
    found = find_inline_comment(text, start, end)
    expected = (match.start(), match.end()) if match else None
    assert ((found.start, found.end) if found else None) == expected


@settings(max_examples=3000, deadline=None)
@given(
    st.text(
        alphabet=st.sampled_from("./\\~:Cz\n ggufGGUFsafetnorbiph\u00e9\u212a\u017f"), max_size=14
    )
)
def test_paths_look_as_the_pattern_says(text: str) -> None:
    assert looks_like_path(text) == bool(PATH_LIKE.search(text)), text


def test_weight_suffixes_in_any_ascii_case() -> None:
    assert looks_like_path("Llama.GGUF")
    assert looks_like_path("model.SafeTensors")
    assert not looks_like_path("model.\u017fafetensors")  # ſ folds to s only outside ASCII
    assert not looks_like_path("\u212a:/weights")  # the Kelvin sign is no drive letter
