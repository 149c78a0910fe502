"""The catalogue's search, filters and pages in chromium, on a phone and a laptop, with and
without JavaScript (it is a plain GET form): the count, the results, page links, and axe clean."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

AXE = (Path(__file__).parent / "vendor" / "axe-core-4.14.1.min.js").read_text(encoding="utf-8")
VIEWPORTS = {"phone": {"width": 390, "height": 844}, "laptop": {"width": 1280, "height": 800}}


def _axe(page, checker) -> list[dict]:
    """axe-core's violations for what ``page`` shows; without JavaScript the same URL is loaded
    in ``checker`` (a page with JavaScript, same session and size) since axe is a script."""
    if checker is not None:
        checker.set_viewport_size(page.viewport_size)
        checker.goto(page.url)
        page = checker
    page.add_script_tag(content=AXE)
    return page.evaluate(
        """async () => (await axe.run(document, {resultTypes: ["violations"]})).violations
            .map(v => ({id: v.id, nodes: v.nodes.slice(0, 3).map(n => n.target.join(" "))}))"""
    )


def _fits(page) -> None:
    widths = page.evaluate("() => [document.scrollingElement.scrollWidth, window.innerWidth]")
    assert widths[0] <= widths[1], widths


@pytest.fixture(scope="module")
def signed_in_state(module_server, module_browser) -> dict:
    """Sign in once (the link works once) and share the session with every context."""
    context = module_browser.new_context()
    page = context.new_page()
    page.goto(module_server.sign_in_link)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(f"{module_server.base_url}/")
    state = context.storage_state()
    context.close()
    return state


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
@pytest.mark.parametrize("viewport", list(VIEWPORTS))
def test_search_filter_and_pages(module_server, module_browser, signed_in_state, viewport, javascript):
    server = module_server
    context = module_browser.new_context(
        viewport=VIEWPORTS[viewport], java_script_enabled=javascript, bypass_csp=True, storage_state=signed_in_state
    )
    page = context.new_page()
    checker = None
    if not javascript:
        checker = module_browser.new_context(bypass_csp=True, storage_state=signed_in_state).new_page()

    page.goto(f"{server.base_url}/learn/catalogue/")
    expect(page.locator("#result-count")).to_contain_text(re.compile(r"1–20 of \d+ resources"))
    assert page.locator("h2.resource-title").count() == 20

    # Search plus filters: a GET form, so the URL carries them and the count says how many.
    page.get_by_label("Search title, author or summary").fill("listen")
    page.get_by_label("Type").select_option("talk")
    page.get_by_label("Cost").select_option("free")
    page.get_by_role("button", name="Search").click()
    page.wait_for_url(re.compile(r".*q=listen.*type=talk.*cost=free"))
    titles = page.locator("h2.resource-title").all_inner_texts()
    assert "5 ways to listen better" in titles and len(titles) < 20
    expect(page.locator("#result-count")).to_have_text(re.compile(rf"1–{len(titles)} of {len(titles)} resources?"))
    _fits(page)
    assert (violations := _axe(page, checker)) == [], json.dumps(violations)

    # Pages keep the filter: books, page 2 via Next, then page 1 via its number.
    page.goto(f"{server.base_url}/learn/catalogue/?type=book")
    page.get_by_role("navigation", name="Pages").get_by_role("link", name="Next").click()
    page.wait_for_url(re.compile(r".*type=book&page=2"))
    expect(page.locator("#result-count")).to_contain_text("21–40 of")
    expect(page.get_by_label("Type")).to_have_value("book")
    facts = page.locator("ul.catalogue li.card > p:first-of-type").all_inner_texts()
    assert len(facts) == 20 and all(line.startswith("Book") for line in facts), facts
    _fits(page)
    assert (violations := _axe(page, checker)) == [], json.dumps(violations)
    page.get_by_role("navigation", name="Pages").get_by_role("link", name="Page 1", exact=True).click()
    expect(page.locator("#result-count")).to_contain_text("1–20 of")

    # A bad value: 400, a message naming it, and the page still passes axe.
    response = page.goto(f"{server.base_url}/learn/catalogue/?length=epic")
    assert response is not None and response.status == 400
    expect(page.locator(".error-summary")).to_contain_text("Unknown length 'epic'")
    assert (violations := _axe(page, checker)) == [], json.dumps(violations)
    context.close()
    if checker is not None:
        checker.context.close()
