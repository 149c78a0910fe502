"""Learn and practice in a real browser: add a book, choose focus, grade a card, log, see the chart."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


def test_focus_grade_log_and_see_strength(live_server_with_note, browser):
    server = live_server_with_note
    page = browser.new_page()
    page.goto(server.sign_in_link)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(f"{server.base_url}/")  # signing in lands on Today

    page.get_by_role("navigation").get_by_role("link", name="Learn").click()
    page.get_by_role("link", name="Browse the catalogue").click()
    page.get_by_label("Skill").select_option(label="Active Listening")
    page.get_by_role("button", name="Search").click()
    page.get_by_role("button", name="5 ways to listen better").click()
    expect(page.locator("#add-ted-treasure-listen").get_by_role("link", name="On your list")).to_be_visible()

    page.get_by_role("navigation").get_by_role("link", name="Practice").click()
    page.get_by_role("link", name="Weekly plan").click()
    page.get_by_label("Active Listening").check()
    page.get_by_role("button", name="Save focus").click()
    expect(page.get_by_text("level 1 of 3, 3 sessions")).to_be_visible()

    page.get_by_role("navigation").get_by_role("link", name="Practice").click()
    card = page.locator("#card-active-listening-1")
    card.get_by_role("button", name="Good").click()
    expect(page.locator("#card-active-listening-1")).to_contain_text("Graded good")

    page.get_by_role("link", name="Log practice").click()
    page.get_by_label("Skill").select_option(label="Active Listening")
    page.get_by_label("Situation or exercise").fill("Listened to my neighbour's worries")
    page.get_by_label("How did it go? (1 poorly – 5 very well)").select_option("4")
    page.get_by_role("button", name="Log it").click()
    expect(page.get_by_role("cell", name="Listened to my neighbour's worries", exact=True)).to_be_visible()

    page.get_by_role("link", name="Active Listening").first.click()
    chart = page.get_by_role("img", name="Habit strength of Active Listening")
    expect(chart).to_be_visible()
    expect(chart).to_have_js_property("complete", True)
    assert chart.evaluate("image => image.naturalWidth") > 0
    expect(page.locator(".skill-practice")).to_contain_text(
        "Habit strength: 5/100"
    )  # two sessions today count once: 4.8
