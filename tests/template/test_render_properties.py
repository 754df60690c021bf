"""Properties of rendering: Go's trim markers, whitespace, and no crash on any input."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from modelfile_ls.template import TemplateError, check_template, parse_template
from modelfile_ls.template.execute import ExecError, execute
from modelfile_ls.template.govalues import ANY_MAP, GoMap
from modelfile_ls.template.render import render_prompt

GO_SPACES = " \t\r\n"
# Text around actions: Go trims only its four ASCII spaces, never U+00A0 or U+2003.
text = st.text(alphabet=" \t\r\nab.\u00a0\u2003é", max_size=12)
marker_space = st.sampled_from(list(GO_SPACES))


def _run(source: str, **values: str) -> str:
    template = parse_template(source)
    return execute(template.trees, "", GoMap(ANY_MAP, dict(values)), {}, True)


@given(text, text, st.booleans(), st.booleans(), marker_space, marker_space, text)
def test_trim_markers_remove_exactly_go_spaces(
    left: str, right: str, trim_left: bool, trim_right: bool, s1: str, s2: str, value: str
) -> None:
    source = (
        left
        + "{{"
        + (f"-{s1}" if trim_left else " ")
        + ".X"
        + (f"{s2}-" if trim_right else " ")
        + "}}"
        + right
    )
    expected = (
        (left.rstrip(GO_SPACES) if trim_left else left)
        + value
        + (right.lstrip(GO_SPACES) if trim_right else right)
    )
    assert _run(source, X=value) == expected


@given(text, text, st.booleans(), st.booleans())
def test_comments_trim_like_actions_and_print_nothing(
    left: str, right: str, trim_left: bool, trim_right: bool
) -> None:
    opening = "{{- " if trim_left else "{{"
    closing = " -}}" if trim_right else "}}"
    source = f"{left}{opening}/* note */{closing}{right}"
    expected = (left.rstrip(GO_SPACES) if trim_left else left) + (
        right.lstrip(GO_SPACES) if trim_right else right
    )
    assert _run(source) == expected


@given(st.text(alphabet=st.characters(blacklist_characters="{"), max_size=40))
def test_text_without_actions_renders_verbatim(source: str) -> None:
    assert _run(source) == source


@given(st.lists(st.sampled_from([" ", "\n", "\t", "x"]), max_size=6).map("".join))
def test_whitespace_between_trimmed_actions_disappears(between: str) -> None:
    source = "{{ .A -}}" + between + "{{- .B }}"
    assert _run(source, A="1", B="2") == "1" + between.strip(GO_SPACES) + "2"


_PIECES = st.sampled_from(
    [
        "{{", "}}", "{{- ", " -}}", " ", "\n", ".Prompt", ".Messages", "$x", "$", ":=", "=",
        "if", "else", "end", "range", "with", "define", '"x"', "`r`", "'c'", "(", ")", "|",
        "printf", "len", "index", "slice", "eq", "1", "-2", "3.5", "nil", "true", ".", ",",
        "break", "continue", "template", "block", "/*", "*/", "json", "hello", "\ufeff", "\u00a0",
    ]
)  # fmt: skip


@settings(max_examples=400)
@given(st.lists(_PIECES, max_size=24).map("".join))
def test_any_text_parses_or_fails_with_a_go_error(source: str) -> None:
    error = check_template(source)
    assert error is None or error.message.startswith(("template: :", "undefined template"))


@settings(max_examples=300)
@given(st.lists(_PIECES, max_size=24).map("".join))
def test_any_parsed_template_renders_or_fails_with_a_go_error(source: str) -> None:
    if check_template(source) is not None:
        return
    try:
        prompt = render_prompt(source, [{"role": "user", "content": "hi"}], system="sys")
    except ExecError as error:
        assert str(error).startswith("template: ") or "interface conversion" in str(error)
    except TemplateError:
        raise AssertionError("parsed once, must parse again") from None
    else:
        assert isinstance(prompt, str)


def test_deep_nesting_parses_as_in_go() -> None:
    # Go's parser takes 10,000 nested parentheses and stops at the next level.
    def parens(depth: int) -> str:
        return "{{ " + "(" * depth + "1" + ")" * depth + " }}"

    assert check_template(parens(10_000)) is None
    error = check_template(parens(10_001))
    assert error is not None and error.message == "template: :1: max expression depth exceeded"
    assert check_template("{{ if .A }}" * 3000 + "{{ end }}" * 3000) is None


def test_endless_template_recursion_is_gos_depth_error() -> None:
    source = '{{ define "a" }}{{ template "a" . }}{{ end }}{{ template "a" . }}{{ .Messages }}'
    try:
        render_prompt(source, [{"role": "user", "content": "hi"}])
    except ExecError as error:
        assert str(error).endswith("exceeded maximum template depth (100000)")
    else:
        raise AssertionError("must fail")
