"""In a real browser, on a phone and a laptop, with and without JavaScript: opt in to the
installation pool on the settings page, then read the validity report it feeds."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

PHONE, LAPTOP = {"width": 390, "height": 844}, {"width": 1280, "height": 800}
SHARE = "Share my anonymised per-skill answers and scores with this installation"


@pytest.mark.parametrize("viewport", [PHONE, LAPTOP], ids=["phone", "laptop"])
@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
def test_opt_in_then_read_the_validity_report(live_server_with_note, browser, viewport, javascript):
    server = live_server_with_note
    context = browser.new_context(viewport=viewport, java_script_enabled=javascript)
    page = context.new_page()
    page.goto(server.sign_in_link)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(f"{server.base_url}/")  # signing in lands on Today

    page.goto(f"{server.base_url}/accounts/settings/")
    expect(page.get_by_text("You do not share scores now.")).to_be_visible()
    expect(page.get_by_text("Never shared: your name, journal entries")).to_be_visible()
    box = page.get_by_label(SHARE)
    assert not box.is_checked()
    box.check()
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.get_by_text("You share anonymised scores now.")).to_be_visible()
    assert page.get_by_label(SHARE).is_checked()

    page.goto(f"{server.base_url}/assess/validity/")
    expect(page.get_by_role("heading", name="Do scores mean something?")).to_be_visible()
    # the one member who shares has no self-assessment yet: a plain sentence, no table of numbers
    expect(page.get_by_text("No skills to report yet.")).to_be_visible()
    assert page.locator("main table").count() == 0
    page.get_by_role("link", name="Choose whether you share your anonymised scores").click()
    page.wait_for_url(f"{server.base_url}/accounts/settings/")
    context.close()
