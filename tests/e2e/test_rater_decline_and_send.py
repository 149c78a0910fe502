"""Raters decline and send in a real browser, with and without JavaScript (issue 14, item 2).

Rater pages send ``Referrer-Policy: no-referrer``, so chromium posts plain forms with
``Origin: null``; Django's CSRF check refused them ("Origin checking failed - null").
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}


def _ask_three_peers(server, browser) -> list[str]:
    page = browser.new_page()
    page.goto(server.sign_in_link)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(f"{server.base_url}/")  # signing in lands on Today
    page.goto(f"{server.base_url}/feedback/new/")
    page.get_by_label("Active Listening").check()
    for number in range(1, 4):
        page.get_by_label(f"Rater {number} e-mail").fill(f"peer{number}@example.org")
        page.get_by_label(f"Rater {number} group").select_option("peer")
    page.get_by_label("Deadline", exact=True).fill((date.today() + timedelta(days=7)).isoformat())
    page.get_by_role("button", name="Send invitations").click()
    expect(page.get_by_role("heading", name="Rater links — shown only now")).to_be_visible()
    links = [page.get_by_label(f"Link for peer{n}@example.org").input_value() for n in range(1, 4)]
    page.close()
    return links


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
def test_a_rater_declines_and_another_sends_on_a_phone(live_server_with_note, browser, javascript):
    links = _ask_three_peers(live_server_with_note, browser)

    declining = browser.new_context(viewport=PHONE, java_script_enabled=javascript)
    page = declining.new_page()
    page.goto(links[0])
    page.get_by_role("button", name="I'd rather not give feedback (decline)").click()
    expect(page.get_by_text("Origin checking failed")).to_have_count(0)
    expect(page.get_by_role("heading", name="Thank you")).to_be_visible()
    declining.close()

    sending = browser.new_context(viewport=PHONE, java_script_enabled=javascript)
    page = sending.new_page()
    page.goto(links[1])
    questions = page.locator("fieldset.assess-item")
    for index in range(questions.count()):
        questions.nth(index).locator('input[type="radio"][value="4"]').check()
    page.get_by_role("button", name="Save draft").click()
    expect(page.get_by_text("Draft saved.")).to_be_visible()
    page.get_by_role("button", name="Send my feedback").click()
    expect(page.get_by_role("heading", name="Thank you")).to_be_visible()
    page.goto(links[1])  # the link is spent: it says so, to the rater only
    expect(page.get_by_role("heading", name="You have already answered — thank you")).to_be_visible()
    sending.close()
