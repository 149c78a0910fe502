"""360° feedback in a real browser: ask four peers, three answer without an account, results are released
as aggregates with self versus others, and a fourth answer waits for the next batch."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


def _rate(browser, link: str, point: int, comment: str) -> None:
    """Answer every statement with the same scale point (items have their own labels)."""
    context = browser.new_context()  # a fresh browser: no session, no sign-in
    page = context.new_page()
    page.goto(link)
    expect(page.get_by_role("heading", name="How your answers are used")).to_be_visible()
    assert page.url.endswith("/r/")  # the token was swapped for a cookie
    questions = page.locator("fieldset.assess-item")
    for index in range(questions.count()):
        questions.nth(index).locator(f'input[type="radio"][value="{point}"]').check()
    page.get_by_label("What should they keep doing?").fill(comment)
    page.get_by_role("button", name="Send my feedback").click()
    expect(page.get_by_role("heading", name="Thank you")).to_be_visible()
    context.close()


def test_peers_answer_by_link_and_the_learner_sees_released_aggregates(live_server_with_note, browser):
    server = live_server_with_note
    page = browser.new_page()
    page.goto(server.sign_in_link)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(f"{server.base_url}/")  # signing in lands on Today

    page.get_by_role("link", name="Feedback", exact=True).click()
    page.get_by_role("link", name="Ask for feedback").click()
    page.get_by_label("Active Listening").check()
    for number in range(1, 5):
        page.get_by_label(f"Rater {number} e-mail").fill(f"peer{number}@example.org")
        page.get_by_label(f"Rater {number} group").select_option("peer")
    page.get_by_label("Deadline", exact=True).fill((date.today() + timedelta(days=7)).isoformat())
    page.get_by_label("Your message to raters").fill("How do I listen in meetings?")
    # No mail server here: passing the links on is preselected, and the page says what that costs.
    expect(page.get_by_label("I pass the links on myself")).to_be_checked()
    page.get_by_role("button", name="Send invitations").click()

    expect(page.get_by_role("heading", name="Rater links — shown only now")).to_be_visible()
    expect(page.get_by_text("depends on your honesty")).to_be_visible()
    links = [page.get_by_label(f"Link for peer{n}@example.org").input_value() for n in range(1, 5)]
    detail_url = page.url

    for link, point, comment in zip(
        links[:3],
        [2, 3, 4],
        ["Asks follow-up questions", "Summarises", "Lets people finish"],
        strict=True,
    ):
        _rate(browser, link, point, comment)

    page.goto(detail_url)
    expect(page.get_by_text("These results combine the answers of 3 raters.")).to_be_visible()
    table = page.locator("table.feedback-table").first
    expect(table.get_by_role("row", name="Active Listening")).to_contain_text("50")  # mean of 25, 50, 75
    expect(page.get_by_text("Asks follow-up questions")).to_be_visible()
    asked = page.locator("section", has=page.get_by_role("heading", name="Who you asked")).locator("table").inner_text()
    assert "peer1@example.org" in asked  # whom you asked is shown…
    assert "answered" not in asked.lower() and "declined" not in asked.lower()  # …but never who answered

    _rate(browser, links[3], 5, "The fourth comment")
    page.goto(detail_url)
    expect(page.get_by_text("These results combine the answers of 3 raters.")).to_be_visible()
    expect(page.get_by_text("The fourth comment")).to_have_count(0)
