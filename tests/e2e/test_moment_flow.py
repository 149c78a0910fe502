"""Micro-feedback in a real browser: the learner asks one question for three links; three people answer
on a phone-sized screen with big touch targets. Links the learner passes on could be answered by the
learner, so their answers alone never release the pool (issue 13): the page says so, and shows nothing."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

PHONE = {"width": 375, "height": 667}


def _answer_on_a_phone(browser, link: str, choice: str, comment: str) -> None:
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.goto(link)
    expect(page.get_by_role("group", name="How did I listen in today's retro?")).to_be_visible()
    assert page.url.endswith("/r/moment/")  # the token was swapped for a cookie
    option = page.get_by_label(choice, exact=True)
    box = page.locator("label.moment-point", has=option).bounding_box()
    assert box["height"] >= 44 and box["width"] >= 300  # a thumb-sized, full-width target
    send = page.get_by_role("button", name="Send")
    send_box = send.bounding_box()
    assert send_box["y"] + send_box["height"] <= PHONE["height"]  # everything fits on one screen
    option.tap()
    page.get_by_label("One thing you noticed").fill(comment)
    send.tap()
    expect(page.get_by_role("heading", name="Thank you")).to_be_visible()
    context.close()


def test_three_people_answer_one_question_on_a_phone(live_server_with_note, browser):
    server = live_server_with_note
    page = browser.new_page()
    page.goto(server.sign_in_link)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(f"{server.base_url}/")  # signing in lands on Today

    page.goto(f"{server.base_url}/feedback/")
    form = page.locator("#moment-form")
    form.get_by_label("Skill").select_option(label="Active Listening")
    form.get_by_label("Your question").fill("How did I listen in today's retro?")
    form.get_by_label("Links to pass on yourself").fill("3")
    form.get_by_role("button", name="Ask one question").click()
    expect(page.get_by_role("heading", name="Links — shown only now")).to_be_visible()
    links = [page.get_by_label(f"Link {n}", exact=True).input_value() for n in (1, 2, 3)]
    moment_url = page.url

    _answer_on_a_phone(browser, links[0], "Well", "You let Priya finish her point")
    _answer_on_a_phone(browser, links[1], "OK", "You summarised the decision")
    page.goto(moment_url)
    expect(page.get_by_text("Not enough answers yet")).to_be_visible()
    expect(page.get_by_text("You let Priya finish her point")).to_have_count(0)

    _answer_on_a_phone(browser, links[2], "Very well", "You asked the quiet people first")
    page.goto(moment_url)
    expect(page.get_by_text("Not enough answers yet")).to_be_visible()  # three pass-on answers: not enough
    expect(page.get_by_text("do not count toward the three answers")).to_be_visible()
    expect(page.get_by_text("You asked the quiet people first")).to_have_count(0)
