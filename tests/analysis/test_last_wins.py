"""No error where `ollama create` succeeds: what a later instruction replaces is never sent.

The CLI builds the create request command by command (spec section 8): FROM model names,
TEMPLATE, SYSTEM, ADAPTER, REQUIRES, RENDERER and PARSER are last-wins, PARAMETER scalars
too, MESSAGE, LICENSE and DRAFT accumulate. What it validates as it goes (REQUIRES, every
PARAMETER's conversion, every path) fails even when replaced later; what only the server
checks (the model name, the template, GGUF files) or what only fails when encoded (an `inf`)
matters only for the value that is sent.
"""

from __future__ import annotations

from pathlib import Path

from modelfile_ls.analysis import Severity
from modelfile_ls.analysis.rules import ALL_RULES
from tests.analysis.helpers import findings

AUDIT = {
    "MF001": "parser error: every line",
    "MF002": "parser error: every line",
    "MF003": "parser error: every line",
    "MF004": "parser error: every line",
    "MF005": "parser error: every MESSAGE",
    "MF006": "no FROM at all",
    "MF013": "the CLI validates every REQUIRES as it meets it",
    "MF101": "the CLI converts every PARAMETER (FormatParams per command)",
    "MF102": "the CLI converts every PARAMETER (FormatParams per command)",
    "MF103": "the CLI converts every PARAMETER (FormatParams per command)",
    "MF105": "the CLI converts every PARAMETER (FormatParams per command)",
    "MF106": "only the value sent fails JSON encoding: earlier ones are warnings",
    "MF201": "only the FROM sent as `from` is checked by the server: earlier ones are warnings",
    "MF202": "the CLI stats every ADAPTER and DRAFT path",
    "MF203": "DRAFT files merge; the CLI compares each with the local FROMs",
    "MF205": "the CLI selects files in every FROM/ADAPTER/DRAFT directory",
    "MF206": "the CLI expands every path",
    "MF208": "only the FROM that is sent decides whether the model is remote",
    "MF210": "the server reads only the files it uses: ignored ones are warnings",
    "MF211": "the CLI selects files in every directory",
    "MF212": "the CLI sniffs the files of every FROM/ADAPTER/DRAFT directory it selects",
    "MF302": "only the last TEMPLATE is sent: earlier ones are warnings",
}


def test_every_error_rule_is_audited_for_last_wins() -> None:
    errors = {rule.code for rule in ALL_RULES if rule.severity is Severity.ERROR}
    assert errors == set(AUDIT)


def test_an_overridden_invalid_from_is_a_warning_that_it_is_ignored() -> None:
    (finding,) = findings("FROM llama3 # base\nFROM llama3.2\n", "MF201")
    assert finding.severity is Severity.WARNING and "ignored" in finding.message
    assert finding.ollama_message is None
    assert [f.severity for f in findings("FROM llama3.2\nFROM llama3 # base\n", "MF201")] == [
        Severity.ERROR
    ]


def test_an_invalid_from_before_a_local_file_is_still_sent(tmp_path: Path) -> None:
    (tmp_path / "model.gguf").write_bytes(b"GGUF\x03\x00\x00\x00")
    (finding,) = findings("FROM my model\nFROM ./model.gguf\n", "MF201", tmp_path)
    assert finding.severity is Severity.ERROR


def test_an_overridden_cloud_from_takes_no_draft_error(tmp_path: Path) -> None:
    (tmp_path / "draft.gguf").write_bytes(b"GGUF\x03\x00\x00\x00")
    text = "FROM gpt-oss:120b-cloud\nFROM llama3.2\nDRAFT ./draft.gguf\n"
    assert findings(text, "MF208", tmp_path) == []
    text = "FROM llama3.2\nFROM gpt-oss:120b-cloud\nDRAFT ./draft.gguf\n"
    assert len(findings(text, "MF208", tmp_path)) == 1


def test_an_overridden_template_with_a_syntax_error_is_a_warning() -> None:
    text = "FROM x\nTEMPLATE {{ if .System }}\nTEMPLATE {{ .Prompt }}\n"
    (finding,) = findings(text, "MF302")
    assert finding.severity is Severity.WARNING and "later TEMPLATE" in finding.message
    text = "FROM x\nTEMPLATE {{ .Prompt }}\nTEMPLATE {{ if .System }}\n"
    assert [f.severity for f in findings(text, "MF302")] == [Severity.ERROR]


def test_an_empty_last_template_still_replaces_a_broken_one() -> None:
    (finding,) = findings('FROM x\nTEMPLATE {{ if .System }}\nTEMPLATE ""\n', "MF302")
    assert finding.severity is Severity.WARNING


def test_an_overridden_infinite_parameter_is_a_warning() -> None:
    text = "FROM x\nPARAMETER temperature inf\nPARAMETER temperature 0.5\n"
    (finding,) = findings(text, "MF106")
    assert finding.severity is Severity.WARNING and finding.ollama_message is None
    text = "FROM x\nPARAMETER temperature 0.5\nPARAMETER temperature inf\n"
    assert [f.severity for f in findings(text, "MF106")] == [Severity.ERROR]


def test_gguf_files_the_server_ignores_are_warnings(tmp_path: Path) -> None:
    (tmp_path / "bad.gguf").write_bytes(b"not gguf")
    (tmp_path / "good.gguf").write_bytes(b"GGUF\x03\x00\x00\x00")
    (ignored,) = findings("FROM ./bad.gguf\nFROM llama3.2\n", "MF210", tmp_path)
    assert ignored.severity is Severity.WARNING and "ignored" in ignored.message
    text = "FROM llama3.2\nADAPTER ./bad.gguf\nADAPTER ./good.gguf\n"
    (replaced,) = findings(text, "MF210", tmp_path)
    assert replaced.severity is Severity.WARNING
    text = "FROM llama3.2\nADAPTER ./good.gguf\nADAPTER ./bad.gguf\n"
    assert [f.severity for f in findings(text, "MF210", tmp_path)] == [Severity.ERROR]


def test_every_requires_is_validated_even_when_replaced() -> None:
    text = "FROM x\nREQUIRES latest\nREQUIRES 0.14.0\n"
    assert [f.severity for f in findings(text, "MF013")] == [Severity.ERROR]


def test_every_parameter_is_converted_even_when_replaced() -> None:
    text = "FROM x\nPARAMETER num_ctx 4096.0\nPARAMETER num_ctx 4096\n"
    assert [f.severity for f in findings(text, "MF105")] == [Severity.ERROR]
    text = "FROM x\nPARAMETER temprature 1\nPARAMETER temperature 1\n"
    assert [f.severity for f in findings(text, "MF101")] == [Severity.ERROR]


def test_every_adapter_and_draft_path_must_exist(tmp_path: Path) -> None:
    (tmp_path / "lora.gguf").write_bytes(b"GGUF\x03\x00\x00\x00")
    text = "FROM llama3.2\nADAPTER ./missing.gguf\nADAPTER ./lora.gguf\n"
    assert [f.severity for f in findings(text, "MF202", tmp_path)] == [Severity.ERROR]


def test_a_refused_file_fails_even_in_an_overridden_from(tmp_path: Path) -> None:
    """The CLI runs its file selection for every local FROM it meets, so a directory it
    refuses fails the create even when a later FROM replaces it."""
    (tmp_path / "m").mkdir()
    (tmp_path / "m" / "model.gguf").write_bytes(b"GGUF\x03\x00\x00\x00")
    (tmp_path / "m" / "config.json").write_bytes(b"\x00\x01")
    (finding,) = findings("FROM ./m\nFROM llama3.2\n", "MF212", tmp_path)
    assert finding.severity is Severity.ERROR


def test_last_wins_instructions_without_error_rules_stay_below_error() -> None:
    text = (
        "FROM llama3.2\nSYSTEM a\nSYSTEM b\nRENDERER nope\nRENDERER qwen3.5\nPARSER x\n"
        "PARSER qwen3\nMESSAGE user a\nMESSAGE user b\nLICENSE a\nLICENSE b\n"
    )
    for code in ("MF014", "MF301"):
        assert all(f.severity < Severity.ERROR for f in findings(text, code))
