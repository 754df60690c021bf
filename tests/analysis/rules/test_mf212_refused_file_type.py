"""Tests for MF212."""

from __future__ import annotations

from pathlib import Path

from tests.analysis.helpers import findings, located

GGUF = b"GGUF\x03\x00\x00\x00" + bytes(16)


def _model(tmp_path: Path, files: dict[str, bytes]) -> None:
    (tmp_path / "m").mkdir()
    (tmp_path / "m" / "model.gguf").write_bytes(GGUF)
    for name, data in files.items():
        path = tmp_path / "m" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)


def test_a_binary_json_fails_the_directory(tmp_path: Path) -> None:
    _model(tmp_path, {"tokenizer.json": b"\x00\x01binary"})
    text = "FROM ./m\n"
    (finding,) = findings(text, "MF212", tmp_path)
    assert located(text, finding) == "./m"
    refused = tmp_path / "m" / "tokenizer.json"
    expected = f"invalid content type: expected application/octet-stream for {refused}"
    assert finding.ollama_message == expected


def test_nested_json_and_chat_template_are_sniffed_too(tmp_path: Path) -> None:
    _model(tmp_path, {"sub/config.json": b"{}", "chat_template.jinja": b"<!-- a -->{{ x }}"})
    (finding,) = findings("ADAPTER ./m\nFROM x\n", "MF212", tmp_path)
    assert finding.ollama_message is not None and "expected text/html for" in finding.ollama_message
    assert "sniffs as text/html" in finding.message


def test_text_files_of_any_encoding_pass(tmp_path: Path) -> None:
    _model(tmp_path, {"config.json": '{"a": 1}'.encode("utf-16"), "x.txt": b"\x00"})
    assert findings("FROM ./m\n", "MF212", tmp_path) == []
    assert findings("FROM x\n", "MF212", tmp_path) == []


def test_no_weights_is_mf205s(tmp_path: Path) -> None:
    (tmp_path / "m").mkdir()
    (tmp_path / "m" / "config.json").write_bytes(b"\x00")
    assert findings("FROM ./m\n", "MF212", tmp_path) == []
    assert len(findings("FROM ./m\n", "MF205", tmp_path)) == 1


def test_an_entry_of_a_taken_name_that_cannot_be_read(tmp_path: Path) -> None:
    """Go's glob matches names, so a directory or a dangling link called config.json is read
    too, and fails the create."""
    _model(tmp_path, {})
    (tmp_path / "m" / "config.json").mkdir()
    (finding,) = findings("FROM ./m\n", "MF212", tmp_path)
    assert finding.ollama_message == f"read {tmp_path / 'm' / 'config.json'}: is a directory"
    assert finding.message.startswith("`ollama create` cannot read")
    (tmp_path / "m" / "config.json").rmdir()
    (tmp_path / "m" / "config.json").symlink_to(tmp_path / "nowhere")
    (finding,) = findings("ADAPTER ./m\nFROM x\n", "MF212", tmp_path)
    expected = f"open {tmp_path / 'm' / 'config.json'}: no such file or directory"
    assert finding.ollama_message == expected


def test_an_unreadable_weight_skips_its_rule_as_go_ignores_that_error(tmp_path: Path) -> None:
    (tmp_path / "m").mkdir()
    (tmp_path / "m" / "a.gguf").write_bytes(GGUF)
    (tmp_path / "m" / "b.gguf").symlink_to(tmp_path / "nowhere")
    assert findings("FROM ./m\n", "MF212", tmp_path) == []
    (finding,) = findings("FROM ./m\n", "MF205", tmp_path)  # no *.gguf, no *.bin: no weights
    assert finding.ollama_message == "no Modelfile or safetensors files found"


def test_a_dangling_link_of_an_exact_name_is_taken_too(tmp_path: Path) -> None:
    """`chat_template.jinja` has no wildcard, so Go's Glob keeps it when `Lstat` finds it: a
    dangling link of that name is read, and fails the create, as one called config.json does
    (pathlib's glob, which we used to follow, drops it)."""
    _model(tmp_path, {})
    (tmp_path / "m" / "chat_template.jinja").symlink_to(tmp_path / "nowhere")
    (finding,) = findings("FROM ./m\n", "MF212", tmp_path)
    expected = f"open {tmp_path / 'm' / 'chat_template.jinja'}: no such file or directory"
    assert finding.ollama_message == expected
