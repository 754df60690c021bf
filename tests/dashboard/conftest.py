"""Dashboard fixtures: a seeded registry with installs, metrics and a saved Modelfile, served on
loopback, and headless Chromium (Debian's `chromium`) driven by Playwright."""

from __future__ import annotations

import os
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, sync_playwright

from modelfile_ls.registry import InstalledModel, Metric, open_registry
from modelfile_ls.registry.http_api import RegistryServer, make_server
from modelfile_ls.syntax import parse_bytes

ROOT = Path(__file__).resolve().parents[2]
SCREENSHOTS = ROOT / "test-output" / "dashboard"
"""Where each view's screenshot is written (gitignored; CI keeps it as the test's output)."""
HOST = "http://127.0.0.1:11434"
CODER = b"FROM qwen2.5-coder:7b\nSYSTEM You review code.\nPARAMETER temperature 0.2\n"

# Chromium as root, offline: no sandbox, and none of the background connections this closed
# network refuses.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def chromium_path() -> str:
    """Debian's Chromium; outside CI a missing browser skips, in CI it fails."""
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if found is None:
        if os.environ.get("CI") == "true":
            pytest.fail("chromium is not installed (.ci/run installs Debian's chromium package)")
        pytest.skip("chromium is not installed (apt-get install chromium)")
    return found


def seed(path: Path) -> None:
    """Installs on one host, tokens/s history on two hardware types, one saved Modelfile."""
    with open_registry(path) as registry:
        registry.replace_installed(
            HOST,
            [
                InstalledModel(
                    host=HOST,
                    name="llama3.2:3b",
                    model="llama3.2",
                    tag="3b",
                    digest="a" * 64,
                    size=2_019_393_189,
                    modified_at="2026-11-01T10:00:00Z",
                    quantization_level="Q4_K_M",
                    context_length=131072,
                    capabilities=("completion", "tools"),
                )
            ],
        )
        for model, tag, hardware, value, day in [
            ("llama3.2", "3b", "cpu-x86_64", 21.0, "01"),
            ("llama3.2", "3b", "cpu-x86_64", 24.5, "08"),
            ("llama3.2", "3b", "nvidia-rtx-4090", 142.0, "09"),
            ("llama3.2", "1b", "cpu-x86_64", 48.0, "09"),
            ("qwen2.5-coder", "7b", "cpu-x86_64", 11.2, "05"),
            ("qwen2.5-coder", "7b", "nvidia-rtx-4090", 96.0, "06"),
        ]:
            registry.add_metric(
                Metric(
                    model,
                    tag,
                    hardware,
                    "tokens_per_second",
                    value,
                    4096,
                    measured_at=f"2026-11-{day}T12:00:00Z",
                )
            )
        registry.save_modelfile("coder", "coder/Modelfile", CODER, parse_bytes(CODER))


@pytest.fixture
def registry_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A seeded registry file of this test's own (never the user's)."""
    path = tmp_path / "registry.sqlite3"
    monkeypatch.setenv("MODELFILE_LS_REGISTRY", str(path))
    return path


def serve(path: Path) -> Iterator[RegistryServer]:
    """Serve `path` on a free loopback port until the test ends."""
    # No Ollama runs here: point the hosts view at a loopback port nothing listens on.
    api = make_server(path, "127.0.0.1", 0, ollama_hosts=["127.0.0.1:9"])
    thread = threading.Thread(target=api.serve_forever, kwargs={"poll_interval": 0.05})
    thread.start()
    try:
        yield api
    finally:
        api.shutdown()
        api.server_close()
        thread.join()


@pytest.fixture
def server(registry_file: Path) -> Iterator[RegistryServer]:
    """The dashboard over the seeded registry."""
    seed(registry_file)
    yield from serve(registry_file)


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    """One headless Chromium per test module.

    Not per session: Playwright's sync API keeps an event loop running while it is open, and
    the asyncio tests that follow (pytest-lsp) cannot start theirs inside it.
    """
    executable = chromium_path()
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=executable, headless=True, args=CHROMIUM_ARGS
        )
        yield launched
        launched.close()
