"""The card review queue and the habit calendar in chromium, on a phone (390×844) and a laptop (1280×800).

The queue: keys 1–4 grade with JavaScript, the buttons grade without it, and "Undo the last grade"
puts the card back (it is due again). The calendar: a real table that fits the screen, month
navigation, axe-core finds nothing. The module's learner has one focus skill, so one card is due.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

AXE = (Path(__file__).parent / "vendor" / "axe-core-4.14.1.min.js").read_text(encoding="utf-8")
VIEWPORTS = {"phone": {"width": 390, "height": 844}, "laptop": {"width": 1280, "height": 800}}


@pytest.fixture(scope="module")
def signed_in_state(module_server, module_browser):
    context = module_browser.new_context(viewport=VIEWPORTS["laptop"])
    page = context.new_page()
    page.goto(module_server.sign_in_link)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(f"{module_server.base_url}/")
    page.goto(f"{module_server.base_url}/practice/plan/")
    for box in page.locator('input[name="skills"]:checked').all():
        box.uncheck()
    page.get_by_label("Active Listening").check()
    page.get_by_role("button", name="Save focus").click()
    expect(page.locator(".messages")).to_contain_text("focus skills are saved")
    state = context.storage_state()
    context.close()
    return state


def _context(module_browser, state, viewport, *, javascript=True):
    return module_browser.new_context(
        viewport=VIEWPORTS[viewport], storage_state=state, java_script_enabled=javascript, bypass_csp=True
    )


def _fits_and_axe_clean(page) -> None:
    width = page.evaluate("() => [document.scrollingElement.scrollWidth, window.innerWidth]")
    assert width[0] <= width[1], width
    page.add_script_tag(content=AXE)
    violations = page.evaluate(
        """async () => (await axe.run(document, {resultTypes: ["violations"]})).violations
            .map(v => ({id: v.id, nodes: v.nodes.slice(0, 3).map(n => n.target.join(" "))}))"""
    )
    assert violations == [], json.dumps(violations, indent=1)


@pytest.mark.parametrize("viewport", list(VIEWPORTS))
def test_review_queue_keys_with_javascript_and_undo(module_server, module_browser, signed_in_state, viewport):
    context = _context(module_browser, signed_in_state, viewport)
    page = context.new_page()
    page.goto(f"{module_server.base_url}/practice/cards/review/")
    expect(page.get_by_text("1 card left")).to_be_visible()
    expect(page.get_by_text("Keyboard: press 1 (Missed), 2 (Hard), 3 (Good) or 4 (Easy)")).to_be_visible()
    expect(page.get_by_role("button", name="3 Good")).to_have_attribute("aria-keyshortcuts", "3")
    _fits_and_axe_clean(page)
    page.keyboard.press("3")
    expect(page.get_by_text("0 cards left")).to_be_visible()
    expect(page.get_by_text("Graded good")).to_be_visible()
    _fits_and_axe_clean(page)
    page.get_by_role("button", name="Undo the last grade").click()
    expect(page.get_by_text("the card is back as it was")).to_be_visible()
    expect(page.get_by_text("1 card left")).to_be_visible()
    expect(page.get_by_role("button", name="Undo the last grade")).to_have_count(0)
    context.close()


@pytest.mark.parametrize("viewport", list(VIEWPORTS))
def test_review_queue_buttons_without_javascript_and_undo(module_server, module_browser, signed_in_state, viewport):
    context = _context(module_browser, signed_in_state, viewport, javascript=False)
    page = context.new_page()
    page.goto(f"{module_server.base_url}/practice/cards/review/")
    expect(page.get_by_text("1 card left")).to_be_visible()
    expect(page.get_by_text("Keyboard: press 1")).to_be_hidden()  # no JavaScript, no shortcuts to announce
    page.keyboard.press("4")  # and the key does nothing
    expect(page.get_by_text("1 card left")).to_be_visible()
    page.get_by_role("button", name="2 Hard").click()
    expect(page.get_by_text("0 cards left")).to_be_visible()
    expect(page.get_by_text("Graded hard")).to_be_visible()
    page.get_by_role("button", name="Undo the last grade").click()
    expect(page.get_by_text("1 card left")).to_be_visible()
    context.close()


@pytest.mark.parametrize("viewport", list(VIEWPORTS))
def test_habit_calendar_fits_navigates_and_is_axe_clean(module_server, module_browser, signed_in_state, viewport):
    context = _context(module_browser, signed_in_state, viewport)  # the page has no script; axe needs one
    page = context.new_page()
    page.goto(f"{module_server.base_url}/practice/")
    page.get_by_role("link", name="Habit calendar").click()
    table = page.get_by_role("table")
    expect(table).to_have_count(1)
    expect(table.locator("caption")).to_contain_text("Active Listening")
    expect(table.get_by_role("columnheader")).to_have_count(7)
    expect(page.locator('td[aria-current="date"]')).to_contain_text("not practised")
    _fits_and_axe_clean(page)
    title = page.get_by_role("heading", level=1).inner_text()
    page.get_by_role("link", name="Previous month").click()
    expect(page.get_by_role("heading", level=1)).not_to_have_text(title)
    expect(page.get_by_role("link", name="This month")).to_be_visible()
    _fits_and_axe_clean(page)
    page.get_by_role("link", name="Next month").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(title)
    response = page.goto(f"{module_server.base_url}/practice/calendar/?month=2026-13")
    assert response.status == 400
    expect(page.get_by_role("alert")).to_contain_text("“2026-13” is not a month")
    _fits_and_axe_clean(page)
    context.close()
