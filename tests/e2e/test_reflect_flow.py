"""Reflect and goals in a real browser: write a guided entry, find it by search, set a goal, move it on the board."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


def test_write_search_goal_and_board(live_server_with_note, browser):
    server = live_server_with_note
    page = browser.new_page()
    page.goto(server.sign_in_link)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(f"{server.base_url}/")  # signing in lands on Today

    page.get_by_role("navigation", name="Main").get_by_role("link", name="Reflect").click()
    page.get_by_role("link", name="What? So what? Now what?").click()
    body = page.get_by_label("Your reflection")
    expect(body).to_have_value(re.compile(r"## So what\?"))  # prefilled with the template
    body.fill(body.input_value() + "Priya pushed back on the roadmap and I listened before answering.\n")
    page.get_by_label("3 · okay").check()
    page.get_by_label("The feeling, named").select_option("relieved")
    page.get_by_label("Tags").fill("roadmap, one-to-one")
    page.get_by_role("button", name="Save entry").click()
    expect(page.get_by_role("heading", name="What? So what? Now what?")).to_be_visible()
    expect(page.get_by_text("#roadmap")).to_be_visible()

    page.get_by_role("navigation", name="Main").get_by_role("link", name="Reflect").click()
    page.get_by_label("Search your journal").fill('roadmap AND "listened')
    page.get_by_role("button", name="Search").click()
    expect(page.locator("#journal-results mark").first).to_have_text("roadmap")
    expect(page.get_by_text("read as plain words")).to_be_visible()

    page.get_by_role("navigation", name="Main").get_by_role("link", name="Goals").click()
    page.get_by_label("Goal", exact=True).fill("Ask before advising")
    page.get_by_label("Skill it builds (specific)").select_option(label="Active Listening")
    page.get_by_label("What you will count (measurable)").fill("one-to-ones where I asked first")
    page.get_by_label("Target number").fill("8")
    page.get_by_label("Due date (time-bound)").fill((timezone.localdate() + timedelta(days=45)).isoformat())
    page.get_by_role("button", name="Set goal").click()
    expect(page.get_by_role("heading", name="Ask before advising")).to_be_visible()

    page.goto(f"{server.base_url}/goals/board/")
    schedule = page.locator("section.quadrant-schedule")
    expect(schedule.get_by_role("link", name="Ask before advising")).to_be_visible()
    move = schedule.get_by_role("button", name=re.compile(r"^Move to Do first"))
    move.focus()
    page.keyboard.press("Enter")  # keyboard only
    expect(page.locator("section.quadrant-do").get_by_role("link", name="Ask before advising")).to_be_visible()
