"""A hostile registry (markup, quotes and huge strings in names, descriptions and Modelfiles)
renders as text, never as markup, in every view."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Dialog, Page, expect

from modelfile_ls.registry import Metric, ModelEntry, Variant, open_registry
from modelfile_ls.registry.http_api import RegistryServer
from modelfile_ls.syntax import parse_bytes
from tests.dashboard.conftest import serve

SCRIPT = "<script>window.pwned = 1</script>"
IMAGE = '<img src=x onerror="window.pwned = 2">'
QUOTES = "\"' ` </td></tr></table> &amp; ${window.pwned = 3}"
HUGE = "x" * 10_000
NAME = f"evil{SCRIPT}"
SYSTEM = f'SYSTEM """{SCRIPT}{IMAGE}{QUOTES}"""\n'.encode()


@pytest.fixture
def hostile_server(registry_file: Path) -> Iterator[RegistryServer]:
    """A registry whose every free-text field is an attack or 10,000 characters long."""
    with open_registry(registry_file) as registry:
        registry.import_entries(
            [
                ModelEntry(
                    name=NAME,
                    display_name=IMAGE,
                    family=f"fam{QUOTES}",
                    publisher=SCRIPT,
                    description=f"{QUOTES}{IMAGE}{HUGE}",
                    license=HUGE,
                    source=f"javascript:window.pwned = 4//{HUGE}",
                    capabilities=("chat", SCRIPT),
                    tags=(IMAGE,),
                    metadata={SCRIPT: IMAGE},
                    variants=(Variant(tag=f"t{IMAGE}", parameters_b=1.0, context_length=4096),),
                )
            ]
        )
        registry.add_metric(Metric(NAME, f"t{IMAGE}", SCRIPT, "tokens_per_second", 10.0))
        registry.add_metric(Metric(NAME, f"t{IMAGE}", SCRIPT, "tokens_per_second", 12.0))
        text = b"FROM llama3.2\n" + SYSTEM
        registry.save_modelfile(f"m{SCRIPT}", f"{IMAGE}/Modelfile", text, parse_bytes(text))
    yield from serve(registry_file)


def visit(page: Page, url: str) -> None:
    """Open a view and wait for it to finish rendering, successfully."""
    page.goto(url)
    main = page.locator("main")
    # The address changes at once, the view is routed when its hashchange event runs: until
    # then data-state is the last view's.
    expect(main).to_have_attribute("data-route", page.evaluate("location.hash"))
    expect(main).not_to_have_attribute("data-state", "loading")
    assert main.get_attribute("data-state") == "ready", main.inner_text()[:500]


def no_markup_ran(page: Page) -> None:
    """Nothing from the data became an element or ran as script."""
    assert page.evaluate("window.pwned") is None
    assert page.locator("main img").count() == 0
    assert page.locator("script").count() == 1  # the dashboard's own module
    assert page.locator("a[href^='javascript:']").count() == 0


def test_hostile_data_renders_as_text_in_every_view(
    browser: Browser, hostile_server: RegistryServer
) -> None:
    context = browser.new_context()
    context.set_default_timeout(10_000)
    page = context.new_page()
    dialogs: list[str] = []

    def dialog(opened: Dialog) -> None:
        dialogs.append(opened.message)
        opened.dismiss()

    page.on("dialog", dialog)
    base = hostile_server.url

    visit(page, f"{base}/#/?search=evil")
    expect(page.locator("#models tbody tr")).to_have_count(1)
    expect(page.get_by_role("link", name=NAME)).to_be_visible()
    no_markup_ran(page)

    visit(page, f"{base}/#/model/{NAME}")
    main = page.locator("main")
    expect(main).to_contain_text(SCRIPT)
    expect(main).to_contain_text(IMAGE)
    expect(main).to_contain_text(QUOTES)
    assert HUGE in main.inner_text()
    no_markup_ran(page)

    visit(page, f"{base}/#/model/llama3.2")
    expect(main).to_contain_text(f"m{SCRIPT}")
    expect(main.locator("pre")).to_contain_text(f"{SCRIPT}{IMAGE}")
    no_markup_ran(page)

    for view in (f"/#/compare/{NAME},llama3.2", "/#/performance", "/#/stats", "/#/hosts"):
        visit(page, base + view)
        no_markup_ran(page)
    assert dialogs == []
    context.close()


def test_every_answer_carries_the_content_security_policy(hostile_server: RegistryServer) -> None:
    import httpx

    for path in ("/", "/assets/app.js", "/api/models", "/api/models/nope"):
        response = httpx.get(hostile_server.url + path)
        policy = response.headers["content-security-policy"]
        assert "script-src 'self'" in policy and "default-src 'none'" in policy
        assert "unsafe-inline" not in policy
        assert response.headers["x-content-type-options"] == "nosniff"
