"""Ollama's CLI text conventions, mirrored: tablewriter's columns and `format.HumanTime`."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from modelfile_ls.commands.ollama.text import human_duration, human_time, parse_time, table

NOW = datetime(2026, 11, 20, 12, 0, 0, tzinfo=UTC)


def test_table_pads_columns_four_spaces_apart_without_trailing_space() -> None:
    text = table(["NAME", "ID"], [["llama3.2:latest", "a80c4f17acd5"], ["x:1", "b"]])
    assert text == (
        "NAME               ID\nllama3.2:latest    a80c4f17acd5\nx:1                b\n"
    )


def test_table_with_an_empty_first_column_indents_as_ollama_show() -> None:
    text = table([], [["", "architecture", "llama"], ["", "completion"]])
    assert text == "    architecture    llama\n    completion\n"


def test_table_of_nothing_is_the_header_alone() -> None:
    assert table(["NAME", "ID"], []) == "NAME    ID\n"


def test_ollama_timestamps_with_nanoseconds_parse() -> None:
    parsed = parse_time("2026-11-01T10:00:00.123456789Z")
    assert parsed == datetime(2026, 11, 1, 10, 0, 0, 123456, tzinfo=UTC)
    assert parse_time("2024-06-04T14:38:31.83753-07:00") is not None
    assert parse_time("") is None and parse_time("yesterday") is None


@pytest.mark.parametrize(
    ("seconds", "words"),
    [
        (0.5, "Less than a second"),
        (1, "1 second"),
        (30, "30 seconds"),
        (90, "About a minute"),
        (600, "10 minutes"),
        (3600, "About an hour"),
        (5 * 3600, "5 hours"),
        (3 * 86400, "3 days"),
        (20 * 86400, "2 weeks"),
        (90 * 86400, "3 months"),
        (800 * 86400, "2 years"),
    ],
)
def test_durations_as_ollama_words_them(seconds: float, words: str) -> None:
    assert human_duration(seconds) == words


def test_human_time_past_future_forever_and_zero() -> None:
    assert human_time((NOW - timedelta(days=3)).isoformat(), "Never", NOW) == "3 days ago"
    assert human_time((NOW + timedelta(minutes=4)).isoformat(), "Never", NOW) == (
        "4 minutes from now"
    )
    assert human_time("2318-01-01T00:00:00Z", "Never", NOW) == "Forever"
    assert human_time("", "Never", NOW) == "Never"
    assert human_time("0001-01-01T00:00:00Z", "Never", NOW) == "Never"
