"""The whole path in a real browser: printed link → sign in → mark a skill done → note on disk."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


def test_sign_in_with_printed_link_and_mark_written_communication_done(live_server_with_note, browser):
    server = live_server_with_note
    page = browser.new_page()
    csp_errors: list[str] = []
    page.on(
        "console",
        lambda message: csp_errors.append(message.text) if "Content Security Policy" in message.text else None,
    )

    page.goto(server.sign_in_link)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(f"{server.base_url}/")  # signing in lands on Today
    page.get_by_role("link", name="Your skill map").click()
    page.wait_for_url(f"{server.base_url}/skills/")
    assert page.get_by_role("heading", name="Guide", exact=True).is_visible()

    page.get_by_role("link", name="1. Communication Skills").click()
    area_url = page.url
    page.evaluate("window.__notReloaded = true")
    row = page.locator(".skill-row", has_text="Written Communication")
    row.get_by_role("button", name="Done").click()
    done_button = page.locator(".skill-row", has_text="Written Communication").get_by_role("button", name="Done")
    done_button.wait_for(state="visible")
    expect(page.locator("#area-progress")).to_have_attribute("value", "6")
    assert done_button.get_attribute("aria-pressed") == "true"
    assert page.url == area_url and page.evaluate("window.__notReloaded === true")  # htmx swap, no reload

    note = server.note.read_text(encoding="utf-8")
    assert (
        "   - ~~**Written Communication**: Writing clearly, concisely, and persuasively for different contexts "
        "(emails, reports, social media).~~" in note
    )
    assert csp_errors == []
