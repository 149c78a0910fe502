"""A conversation scenario in a real browser: start, answer with htmx, see feedback, reach the debrief."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


def test_play_a_scenario_to_its_debrief(live_server_with_note, browser):
    server = live_server_with_note
    page = browser.new_page()
    page.goto(server.sign_in_link)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(f"{server.base_url}/")  # signing in lands on Today

    page.get_by_role("link", name="Scenarios").click()
    page.get_by_role("link", name="Forty comments: mediating two teammates").click()
    page.get_by_role("button", name="Start the conversation").click()

    choices = page.get_by_role("group", name="What do you do or say?")
    expect(choices).to_be_visible()
    choices.get_by_role("button", name="Let's just clear the air. Who wants to start?").click()
    expect(page.get_by_role("heading", name="Feedback on your last choice")).to_be_visible()
    expect(page.get_by_text("Without any structure")).to_be_visible()
    choices.get_by_role("button", name="Let's pause.", exact=False).click()
    for label in (
        "So the number and the tone",
        "I'm hearing two needs",
        "So what would a good review look like",
        "Nobody needs cuddly.",
    ):
        expect(page.get_by_text("Decision")).to_be_visible()
        page.get_by_role("button", name=label, exact=False).click()

    expect(page.get_by_role("heading", name="Debrief: A working agreement")).to_be_visible()
    expect(page.get_by_role("table").get_by_role("link", name="Mediation")).to_be_visible()
    expect(page.get_by_role("heading", name="Your biggest missed chance")).to_be_visible()
