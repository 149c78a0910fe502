"""Rehearse -> try -> ask in a real browser (issue 16): the learner logs a practice at 1280x800 and asks
for confirmation; the other person opens the pass-on link on a phone without JavaScript and says yes;
the learner sees "confirmed" and a higher habit strength."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

LAPTOP = {"width": 1280, "height": 800}
PHONE = {"width": 390, "height": 844}


def _strength_on_skill_page(page, base_url: str, skill_id: str) -> str:
    page.goto(f"{base_url}/skills/skill/{skill_id}/")
    return page.locator("#practice-heading + p strong").first.inner_text()


@pytest.mark.parametrize("javascript", [True, False], ids=["learner-js", "learner-no-js"])
def test_log_ask_confirm_on_a_phone_without_javascript(live_server_with_note, browser, javascript):
    server = live_server_with_note
    learner = browser.new_context(viewport=LAPTOP, java_script_enabled=javascript)
    page = learner.new_page()
    page.goto(server.sign_in_link)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(f"{server.base_url}/")

    page.goto(f"{server.base_url}/practice/log/")
    page.get_by_label("Skill").select_option(label="Active Listening")
    skill_id = page.get_by_label("Skill").input_value()
    page.get_by_label("Situation or exercise").fill("Sam's worry about the release")
    page.get_by_role("button", name="Save, then ask the other person to confirm").click()
    page.wait_for_url(re.compile(r"/feedback/confirm/\d+/$"))
    expect(page.get_by_role("heading", name="Ask the other person to confirm")).to_be_visible()
    page.get_by_label(re.compile("About this one conversation")).check()
    page.get_by_role("button", name="Create the question").click()
    expect(page.get_by_role("heading", name="Links — shown only now")).to_be_visible()
    link = page.get_by_label("Link 1", exact=True).input_value()
    before = _strength_on_skill_page(page, server.base_url, skill_id)

    other = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True, java_script_enabled=False)
    phone = other.new_page()
    phone.goto(link)
    assert phone.url.endswith("/r/moment/")
    expect(phone.get_by_text("will see your answer")).to_be_visible()
    expect(phone.get_by_text("one interaction")).to_be_visible()
    yes = phone.get_by_label("Yes", exact=True)
    box = phone.locator("label.moment-point", has=yes).bounding_box()
    assert box["height"] >= 44
    send = phone.get_by_role("button", name="Send")
    send_box = send.bounding_box()
    assert send_box["y"] + send_box["height"] <= PHONE["height"]  # one screen: 30 seconds
    yes.check()
    phone.get_by_label(re.compile("A short comment")).fill("You said it back word for word")
    send.click()
    expect(phone.get_by_role("heading", name="Thank you")).to_be_visible()
    phone.goto(link)
    expect(phone.locator("h1")).not_to_have_text("One question")  # used: the link does not work again
    other.close()

    page.goto(f"{server.base_url}/practice/log/")
    expect(page.locator("td strong", has_text="confirmed")).to_be_visible()
    expect(page.get_by_text("You said it back word for word")).to_be_visible()
    after = _strength_on_skill_page(page, server.base_url, skill_id)
    expect(page.locator(".skill-practice strong.confirmed")).to_be_visible()
    before_value, after_value = int(before.split("/")[0]), int(after.split("/")[0])
    assert after_value > before_value  # one practised day: 5 -> 7 of 100 (x1.5, confirmed)
    learner.close()
