"""Self-assessment in a real browser: one area, keyboard-style answers, results with a radar chart."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


def test_assess_one_area_and_see_results_and_focus(live_server_with_note, signed_in_page):
    server, page = live_server_with_note, signed_in_page

    page.get_by_role("link", name="Assess").click()
    page.get_by_role("radio", name="One area").check()
    page.get_by_label("Area (for “One area”)").select_option(label="1. Communication Skills")
    page.get_by_role("button", name="Start").click()

    expect(page.get_by_role("heading", name="What did you do in the last month?")).to_be_visible()
    questions = page.locator("fieldset.assess-item")
    assert questions.count() == 24  # 6 skills × 4 statements
    # Each statement shows its own answers: occasions ("Most of them", "No such occasion") or counts.
    expect(page.get_by_label("Most of them", exact=True).first).to_be_visible()
    expect(page.get_by_label("No such occasion", exact=True).first).to_be_visible()
    expect(page.get_by_label("3–5 times", exact=True).first).to_be_visible()
    for index in range(questions.count()):
        questions.nth(index).locator('input[type="radio"][value="4"]').check()
    page.get_by_role("button", name="Save and finish").click()

    radar = page.get_by_role("img").first
    expect(radar).to_be_visible()
    expect(radar).to_have_js_property("complete", True)
    chart = page.request.get(server.base_url + radar.get_attribute("src"))
    assert chart.status == 200 and chart.headers["content-type"] == "image/svg+xml", chart.status
    assert radar.evaluate("image => image.naturalWidth") > 0  # the SVG rendered under the page's CSP
    expect(page.locator("table").get_by_text("Written Communication")).to_be_visible()
