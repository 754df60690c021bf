"""The dashboard in a real browser: each view renders the registry's data, never an error or an
empty table where data exists, and a screenshot of each is written under test-output/."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, ConsoleMessage, Page, expect

from modelfile_ls.registry.http_api import RegistryServer
from tests.dashboard.conftest import SCREENSHOTS


@pytest.fixture
def page(browser: Browser, server: RegistryServer) -> Iterator[Page]:
    """A fresh page on the dashboard; any script error or CSP violation fails the test."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.set_default_timeout(10_000)
    opened = context.new_page()
    problems: list[str] = []
    opened.on("pageerror", lambda error: problems.append(str(error)))

    def console(message: ConsoleMessage) -> None:
        if message.type == "error":
            problems.append(message.text)

    opened.on("console", console)
    yield opened
    context.close()
    assert problems == [], f"the page reported errors: {problems}"


def ready(page: Page) -> None:
    """Wait until the current view has rendered, and fail if it rendered an error."""
    main = page.locator("main")
    # The address changes at once, the view is routed when its hashchange event runs: until
    # then data-state is the last view's.
    expect(main).to_have_attribute("data-route", page.evaluate("location.hash"))
    expect(main).not_to_have_attribute("data-state", "loading")
    state = main.get_attribute("data-state")
    assert state == "ready", f"view rendered {state}: {main.inner_text()}"


def screenshot(page: Page, name: str) -> None:
    """Write the view's screenshot under test-output/dashboard/."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)


def test_models_table_lists_the_registry_and_filters_by_family(
    page: Page, server: RegistryServer
) -> None:
    page.goto(server.url + "/")
    ready(page)
    rows = page.locator("#models tbody tr")
    expect(rows).to_have_count(50)
    expect(page.locator("#count")).to_contain_text("of 140 models")
    screenshot(page, "models")

    page.get_by_label("Family").select_option("Qwen")
    expect(page).to_have_url(f"{server.url}/#/?family=Qwen")
    ready(page)
    families = page.locator("#models tbody tr td:nth-child(3)").all_inner_texts()
    assert families and set(families) == {"Qwen"}
    screenshot(page, "models-qwen")


def test_installed_filter_and_sorting(page: Page, server: RegistryServer) -> None:
    page.goto(server.url + "/#/?installed=true")
    ready(page)
    expect(page.locator("#models tbody tr")).to_have_count(1)
    expect(page.locator("#models tbody tr").first).to_have_attribute("data-model", "llama3.2")

    page.goto(server.url + "/#/?sort=context&order=desc")
    ready(page)
    first = page.locator("#models tbody tr td:nth-child(5)").first.inner_text()
    last = page.locator("#models tbody tr td:nth-child(5)").last.inner_text()
    assert int(first.replace(",", "")) >= int(last.replace(",", "").replace("–", "0"))


def test_search_for_nothing_says_so(page: Page, server: RegistryServer) -> None:
    page.goto(server.url + "/")
    ready(page)
    page.get_by_label("Search").fill("no-such-model-anywhere")
    page.get_by_label("Search").press("Enter")
    expect(page.locator("#no-models")).to_be_visible()


def test_model_page_shows_facts_installs_metrics_and_modelfiles(
    page: Page, server: RegistryServer
) -> None:
    page.goto(server.url + "/#/?search=llama3.2")
    ready(page)
    page.get_by_role("link", name="llama3.2", exact=True).click()
    expect(page).to_have_url(f"{server.url}/#/model/llama3.2")
    ready(page)
    expect(page.get_by_role("heading", level=2)).to_contain_text("llama3.2")
    expect(page.locator("main")).to_contain_text("http://127.0.0.1:11434")
    # A bar chart per hardware type, and a history line where there are several measurements.
    expect(page.locator("svg.bar-chart")).to_have_count(2)
    expect(page.locator("svg.line-chart")).to_have_count(1)
    expect(page.locator("svg.bar-chart rect")).to_have_count(3)
    screenshot(page, "model")

    page.goto(server.url + "/#/model/qwen2.5-coder")
    ready(page)
    expect(page.locator("main")).to_contain_text("You review code.")


def test_comparing_two_models_highlights_differences(page: Page, server: RegistryServer) -> None:
    page.goto(server.url + "/#/?search=llama3.2")
    ready(page)
    page.get_by_label("select llama3.2 for comparison").check()
    compare = page.get_by_role("button", name="Compare selected (1)")
    expect(compare).to_be_disabled()
    page.goto(server.url + "/#/?search=qwen2.5-coder")
    ready(page)
    page.get_by_label("select qwen2.5-coder for comparison").check()
    page.get_by_role("button", name="Compare selected (2)").click()
    ready(page)
    table = page.locator("#comparison")
    expect(table.locator("thead th")).to_have_count(3)
    family = table.locator("tbody tr", has=page.get_by_role("rowheader", name="Family"))
    expect(family).to_have_attribute("data-differs", "true")
    expect(page.locator("svg.bar-chart rect")).to_have_count(4)
    screenshot(page, "compare")


def test_performance_hosts_and_statistics_views(page: Page, server: RegistryServer) -> None:
    page.goto(server.url + "/#/performance")
    ready(page)
    expect(page.locator("svg.bar-chart")).to_have_count(1)
    expect(page.locator("main table tbody tr")).to_have_count(3)
    screenshot(page, "performance")

    page.goto(server.url + "/#/hosts")
    ready(page)
    rows = page.locator("main table tbody tr")
    expect(rows).to_have_count(2)
    expect(rows.first).to_contain_text("unreachable")
    screenshot(page, "hosts")

    page.goto(server.url + "/#/stats")
    ready(page)
    expect(page.locator("#stats")).to_contain_text("140")
    screenshot(page, "stats")


def test_the_dashboard_is_keyboard_navigable(page: Page, server: RegistryServer) -> None:
    page.goto(server.url + "/")
    ready(page)
    page.keyboard.press("Tab")
    expect(page.get_by_role("link", name="Skip to content")).to_be_focused()
    page.keyboard.press("Enter")
    # The skip link lands in the view without routing to a view called "main".
    expect(page.locator("main")).to_be_focused()
    expect(page).to_have_url(server.url + "/")
    expect(page.locator("#models tbody tr")).to_have_count(50)
    for _ in range(3):
        page.keyboard.press("Tab")
        focused = page.evaluate(
            "[document.activeElement.tagName,"
            " document.getElementById('main').contains(document.activeElement)]"
        )
        assert focused[0] in {"INPUT", "SELECT", "BUTTON", "A"} and focused[1], focused
    page.get_by_role("link", name="Statistics").focus()
    page.keyboard.press("Enter")
    ready(page)
    expect(page.locator("#stats")).to_be_visible()


def test_an_in_page_anchor_is_not_a_view(page: Page, server: RegistryServer) -> None:
    page.goto(server.url + "/#main")
    ready(page)
    expect(page.locator("#models tbody tr")).to_have_count(50)
    page.goto(server.url + "/#/stats")
    ready(page)
    # The app's hashchange listener was added first, so it has run when this one resolves.
    page.evaluate(
        "new Promise((done) => {"
        " addEventListener('hashchange', () => done(), {once: true});"
        " location.hash = '#main'; })"
    )
    expect(page.locator("#stats")).to_be_visible()
    assert page.locator("main").get_attribute("data-state") == "ready"


def test_an_unknown_model_renders_a_clear_error(browser: Browser, server: RegistryServer) -> None:
    context = browser.new_context()
    opened = context.new_page()
    opened.goto(server.url + "/#/model/no-such-model")
    main = opened.locator("main")
    expect(main).to_have_attribute("data-state", "error")
    expect(opened.get_by_role("alert")).to_contain_text("no model 'no-such-model'")
    context.close()


def test_dark_mode_is_readable(browser: Browser, server: RegistryServer) -> None:
    context = browser.new_context(color_scheme="dark", viewport={"width": 1280, "height": 900})
    opened = context.new_page()
    opened.goto(server.url + "/#/compare/llama3.2,qwen2.5-coder")
    ready(opened)
    background = opened.evaluate("getComputedStyle(document.body).backgroundColor")
    text = opened.evaluate("getComputedStyle(document.body).color")
    assert background == "rgb(15, 19, 23)" and text == "rgb(230, 233, 237)"
    screenshot(opened, "compare-dark")
    context.close()
