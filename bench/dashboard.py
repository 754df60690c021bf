"""Dashboard benchmark: first paint of the models view with 10,000 models, in headless Chromium.

    python bench/dashboard.py [--models 10000] [--runs 15]

Target (issue 13): first paint under 300 ms with 10,000 models on this machine, the page
paged from the API. Each run opens a new browser page on `/` and reads two marks the page
sets itself: `first-contentful-paint` (the header and "Loading…") and `painted:ready` (two
animation frames after the models table with its first 50 rows is in the DOM, i.e. on
screen). The anchor, measured in the same run and the same way, is the seeded registry's 140
models: the ratio shows what 10,000 models cost over the shipped catalog.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import threading
from pathlib import Path

from playwright.sync_api import Browser, sync_playwright
from stats import percentile

from modelfile_ls.registry import ModelEntry, Variant, open_registry
from modelfile_ls.registry.http_api import make_server

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from tests.dashboard.conftest import CHROMIUM_ARGS, chromium_path  # noqa: E402

FAMILIES = ("Llama", "Qwen", "Gemma", "Mistral", "Phi", "Granite", "DeepSeek", "SmolLM")


def build(path: Path, models: int) -> None:
    """A registry with the seed plus `models - 140` synthetic models of four tags each."""
    with open_registry(path) as registry:
        extra = max(0, models - registry.stats()["models"])
        entries = [
            ModelEntry(
                name=f"bench-{FAMILIES[i % len(FAMILIES)].lower()}-{i:05d}",
                display_name=f"Bench {i}",
                family=FAMILIES[i % len(FAMILIES)],
                description=f"Synthetic model {i} for the dashboard benchmark, " * 3,
                capabilities=("completion", "chat") + (("tools",) if i % 3 == 0 else ()),
                tags=("small",) if i % 2 else ("large", "long-context"),
                variants=tuple(
                    Variant(tag=f"{size}b", parameters_b=float(size), context_length=8192 * size)
                    for size in (1, 3, 8, 70)
                ),
            )
            for i in range(extra)
        ]
        registry.import_entries(entries)
        assert registry.stats()["models"] == max(models, 140)


def measure(browser: Browser, url: str, runs: int) -> tuple[list[float], list[float]]:
    """(first contentful paint, table painted) in ms for `runs` fresh page loads."""
    fcp, painted = [], []
    for _ in range(runs + 1):  # the first load warms the browser's and the server's caches
        context = browser.new_context()
        page = context.new_page()
        page.goto(url)
        # wait_for_function evaluates a string, which the page's CSP rightly forbids.
        page.locator("main[data-state=ready]").wait_for()
        while not page.evaluate("performance.getEntriesByName('painted:ready').length"):
            page.wait_for_timeout(5)
        fcp.append(
            page.evaluate("performance.getEntriesByName('first-contentful-paint')[0].startTime")
        )
        painted.append(page.evaluate("performance.getEntriesByName('painted:ready')[0].startTime"))
        context.close()
    return fcp[1:], painted[1:]


def serve(path: Path) -> tuple[object, str]:
    """Start the registry server on a free loopback port."""
    api = make_server(path, "127.0.0.1", 0, ollama_hosts=["127.0.0.1:9"])
    threading.Thread(target=api.serve_forever, daemon=True).start()
    return api, api.url


def main() -> None:
    """Measure and print a Markdown table for bench/RESULTS.md."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--models", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=15)
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as playwright:
        anchor_path, big_path = Path(tmp, "seed.sqlite3"), Path(tmp, "big.sqlite3")
        build(anchor_path, 140)
        build(big_path, options.models)
        browser = playwright.chromium.launch(
            executable_path=chromium_path(), headless=True, args=CHROMIUM_ARGS
        )
        results = {}
        for label, path in (
            ("140 models (anchor)", anchor_path),
            (f"{options.models:,} models", big_path),
        ):
            _, url = serve(path)
            results[label] = measure(browser, url + "/", options.runs)
        browser.close()
    anchor = statistics.median(results["140 models (anchor)"][1])
    print("| registry | first contentful paint p50 | table painted p50 / p90 | ratio to anchor |")
    print("|---|---|---|---|")
    for label, (fcp, painted) in results.items():
        p50 = statistics.median(painted)
        print(
            f"| {label} | {statistics.median(fcp):.0f} ms | {p50:.0f} / "
            f"{percentile(painted, 0.9):.0f} ms | {p50 / anchor:.2f} |"
        )


if __name__ == "__main__":
    main()
