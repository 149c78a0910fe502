"""Today in chromium: signing in lands on it, its actions are one click away and the skill map one more;
on a phone and a laptop, with and without JavaScript; axe-core finds nothing."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

AXE = (Path(__file__).parent / "vendor" / "axe-core-4.14.1.min.js").read_text(encoding="utf-8")
VIEWPORTS = {"phone": {"width": 390, "height": 844}, "laptop": {"width": 1280, "height": 800}}


@pytest.fixture(scope="module")
def signed_in_state(module_server, module_browser):
    """Sign in once through the link ``peoplecraft serve`` printed; signing in lands on Today."""
    context = module_browser.new_context()
    page = context.new_page()
    page.goto(module_server.sign_in_link)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(f"{module_server.base_url}/")
    expect(page.get_by_role("heading", name="Today", level=1)).to_be_visible()
    state = context.storage_state()
    context.close()
    return state


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
@pytest.mark.parametrize("viewport", list(VIEWPORTS))
def test_today_shows_the_next_action_and_follows_it(
    module_server, module_browser, signed_in_state, viewport, javascript
):
    base = module_server.base_url
    context = module_browser.new_context(
        viewport=VIEWPORTS[viewport], storage_state=signed_in_state, java_script_enabled=javascript, bypass_csp=True
    )
    page = context.new_page()
    page.goto(base + "/")
    actions = page.get_by_role("list", name="Next actions").get_by_role("listitem")
    expect(actions).to_have_count(1)  # a new learner with a note: the first step only
    expect(actions.first.get_by_role("heading", name="Take a self-assessment")).to_be_visible()
    if javascript:  # no sideways scroll, and axe-core finds nothing (both need scripts in the page)
        assert page.evaluate("document.documentElement.scrollWidth") <= VIEWPORTS[viewport]["width"]
        page.add_script_tag(content=AXE)
        violations = page.evaluate(
            """async () => (await axe.run(document, {resultTypes: ["violations"]})).violations.map(v => v.id)"""
        )
        assert violations == []

    actions.first.get_by_role("link", name="Take a self-assessment").click()
    page.wait_for_url(f"{base}/assess/")
    expect(page.get_by_role("heading", level=1)).to_be_visible()

    page.goto(base + "/")
    page.get_by_role("link", name="Your skill map").click()
    page.wait_for_url(f"{base}/skills/")
    expect(page.get_by_role("heading", name="Guide", exact=True)).to_be_visible()
    context.close()
