"""The writing editor in a real browser: findings appear as you type; a suggestion applies in place."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


def test_live_findings_and_apply_suggestion(live_server_with_note, signed_in_page):
    server, page = live_server_with_note, signed_in_page
    page.get_by_role("link", name="Write").click()

    page.get_by_label("Your text", exact=True).press_sequentially(
        "We need to utilize the budget. The plan was approved by Ana. 🎉", delay=5
    )
    page.wait_for_selector("mark:has-text('utilize')")
    assert page.locator("mark", has_text="was approved").count() == 1

    page.locator("mark", has_text="utilize").click()
    page.get_by_role("button", name="Apply").first.click()
    expect(page.locator("#analysis")).not_to_contain_text("utilize")
    assert (
        page.get_by_label("Your text", exact=True).input_value()
        == "We need to use the budget. The plan was approved by Ana. 🎉"
    )

    page.get_by_role("button", name="Save as practice").click()
    page.wait_for_url(f"{server.base_url}/write/*/")
    assert page.get_by_text("Draft saved").is_visible()
