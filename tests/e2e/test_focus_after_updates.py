"""Keyboard users keep their place after htmx updates, and a polite live region says what happened:
skill status change, card grade, board move and scenario choice, all done with Tab-focus and Enter."""

from __future__ import annotations

import re
from datetime import date, timedelta

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


def _active(page) -> dict:
    return page.evaluate(
        """() => { const e = document.activeElement;
            const holder = e.closest("[data-focus-key]");
            return {tag: e.tagName.toLowerCase(), text: e.textContent.trim(), pressed: e.getAttribute("aria-pressed"),
                    key: holder ? holder.dataset.focusKey : null, cls: e.className}; }"""
    )


def test_focus_stays_put_and_the_result_is_announced(signed_in_page, live_server_with_note):
    page, base = signed_in_page, live_server_with_note.base_url
    live = page.locator("#live-status")

    # Skill status: the pressed button keeps focus and shows its new state.
    page.goto(base + "/skills/")
    page.locator('a[href^="/skills/area/"]').first.click()
    row = page.locator("li.skill-row").first
    key = row.get_attribute("data-focus-key")
    name = row.locator("strong").first.inner_text()
    row.get_by_role("button", name="In focus").focus()
    page.keyboard.press("Enter")
    expect(row.get_by_role("button", name="In focus")).to_have_attribute("aria-pressed", "true")
    expect(live).to_have_text(f"{name}: In focus.")
    assert _active(page) | {"cls": None} == {
        "tag": "button",
        "text": "In focus",
        "pressed": "true",
        "key": key,
        "cls": None,
    }

    # Card grade: focus moves to the graded card, whose sentence says when it comes back.
    page.goto(base + "/practice/plan/")
    page.get_by_label("Active Listening").check()
    page.get_by_role("button", name="Save focus").click()
    expect(page.get_by_text("Your focus skills are saved")).to_be_visible()
    page.goto(base + "/practice/cards/")
    card = page.locator("li.practice-card").first
    card.get_by_role("button", name="Good").focus()
    page.keyboard.press("Enter")
    expect(card).to_contain_text("Graded good")
    expect(card).to_be_focused()

    # Board move: focus follows the card to its new quadrant; the move is announced.
    page.goto(base + "/goals/")
    page.get_by_label("Goal", exact=True).fill("Ask before advising")
    page.get_by_label("Skill it builds (specific)").select_option(label="Active Listening")
    page.get_by_label("What you will count (measurable)").fill("one-to-ones where I asked first")
    page.get_by_label("Target number").fill("8")
    page.get_by_label("Due date (time-bound)").fill((date.today() + timedelta(days=45)).isoformat())
    page.get_by_role("button", name="Set goal").click()
    page.wait_for_url(re.compile(r"/goals/\d+/$"))
    goal_key = "goal-" + page.url.rstrip("/").rsplit("/", 1)[1]
    page.goto(base + "/goals/board/")
    page.locator("section.quadrant-schedule").get_by_role("button", name=re.compile(r"^Move to Do first")).focus()
    page.keyboard.press("Enter")
    moved = page.locator(f'section.quadrant-do [data-focus-key="{goal_key}"]')
    expect(moved).to_be_visible()
    expect(live).to_have_text(re.compile(r"^“Ask before advising” moved to Do first"))
    assert _active(page)["key"] == goal_key and _active(page)["tag"] in {"a", "button"}

    # Scenario choice: focus moves to the next prompt, not back to the top of the page.
    page.goto(base + "/practice/scenarios/")
    page.get_by_role("link", name="Forty comments: mediating two teammates").click()
    page.get_by_role("button", name="Start the conversation").click()
    page.get_by_role("button", name="Let's just clear the air. Who wants to start?").focus()
    page.keyboard.press("Enter")
    prompt = page.locator(".scenario-prompt")
    expect(prompt).to_have_text("Decision 2")
    expect(prompt).to_be_focused()
    expect(live).to_contain_text("Without any structure")
    page.keyboard.press("Tab")  # the next Tab reaches the choices, not the 13 menu links
    assert "scenario-choice" in _active(page)["cls"]
