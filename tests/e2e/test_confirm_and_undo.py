"""Deleting asks first and can be undone, in chromium, on a phone and a laptop, with and without JavaScript.

Without JavaScript "Delete" leads to a plain confirmation page; with it the same question opens in a
native <dialog> on the page. Either way the message after the deletion has an "Undo" button (a
plain form) that brings the journal entry back.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

AXE = (Path(__file__).parent / "vendor" / "axe-core-4.14.1.min.js").read_text(encoding="utf-8")
VIEWPORTS = {"phone": {"width": 390, "height": 844}, "laptop": {"width": 1280, "height": 800}}


@pytest.fixture(scope="module")
def signed_in_state(module_server, module_browser):
    context = module_browser.new_context()
    page = context.new_page()
    page.goto(module_server.sign_in_link)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(f"{module_server.base_url}/")  # signing in lands on Today
    state = context.storage_state()
    context.close()
    return state


def _new_entry(page, base_url: str, title: str) -> str:
    page.goto(f"{base_url}/journal/new/")
    page.get_by_label("Title").fill(title)
    page.get_by_label("Your reflection").fill("I asked before advising, and waited.")
    page.get_by_role("button", name="Save entry").click()
    page.wait_for_url(re.compile(r"/journal/\d+/$"))
    return page.url


def _axe_violations(page) -> list:
    page.add_script_tag(content=AXE)
    return page.evaluate(
        """async () => (await axe.run(document, {resultTypes: ["violations"]})).violations
            .map(v => v.id + ": " + v.nodes.map(n => n.target.join(" ")).join(", "))"""
    )


@pytest.mark.parametrize("viewport", list(VIEWPORTS))
@pytest.mark.parametrize("javascript", [False, True], ids=["no-js", "js"])
def test_delete_asks_then_undo_restores_the_entry(module_server, module_browser, signed_in_state, viewport, javascript):
    context = module_browser.new_context(
        viewport=VIEWPORTS[viewport], storage_state=signed_in_state, java_script_enabled=javascript, bypass_csp=True
    )
    page = context.new_page()
    base = module_server.base_url
    title = f"Asked first ({viewport}, {'js' if javascript else 'no js'})"
    entry_url = _new_entry(page, base, title)
    question = f"Delete the entry “{title}”?"

    # Cancel keeps it.
    page.get_by_role("link", name="Delete", exact=True).click()
    if javascript:
        dialog = page.get_by_role("dialog", name=question)
        expect(dialog).to_be_visible()
        assert page.url == entry_url  # the question opened in the page
        assert _axe_violations(page) == []
        dialog.get_by_role("button", name="Cancel").click()
        expect(dialog).to_be_hidden()
    else:
        expect(page.get_by_role("heading", level=1, name=question)).to_be_visible()
        assert page.url == entry_url + "delete/"
        page.get_by_role("link", name="Cancel").click()
    expect(page.get_by_role("heading", level=1, name=title)).to_be_visible()
    assert page.url == entry_url

    # Confirm deletes; Undo brings it back.
    page.get_by_role("link", name="Delete", exact=True).click()
    scope = page.get_by_role("dialog", name=question) if javascript else page
    scope.get_by_role("button", name="Delete entry").click()
    page.wait_for_url(f"{base}/journal/")
    expect(page.get_by_text("Entry deleted.")).to_be_visible()
    expect(page.get_by_role("link", name=title)).to_have_count(0)
    page.get_by_role("button", name="Undo").click()
    page.wait_for_url(entry_url)
    expect(page.get_by_text(f"Restored: {title}.")).to_be_visible()
    expect(page.get_by_role("heading", level=1, name=title)).to_be_visible()
    width = page.evaluate("() => [document.scrollingElement.scrollWidth, window.innerWidth]")
    assert width[0] <= width[1]
    context.close()
