"""The 360 request form in chromium: a wrong submission shows every problem at once in the error summary at
the top, which takes focus (instead of the view staying on the Send button at the bottom of a long form),
and each link in it moves to its field. Phone and laptop, with htmx and without JavaScript (issue 14 item 6)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

SIZES = {"phone": {"width": 390, "height": 844}, "laptop": {"width": 1280, "height": 800}}
AXE = (Path(__file__).parent / "vendor" / "axe-core-4.14.1.min.js").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def signed_in_state(module_server, module_browser):
    context = module_browser.new_context()
    page = context.new_page()
    page.goto(module_server.sign_in_link)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(f"{module_server.base_url}/")  # signing in lands on Today
    state = context.storage_state()
    context.close()
    return state


@pytest.mark.parametrize("javascript", [True, False], ids=["htmx", "no-js"])
@pytest.mark.parametrize("size", SIZES)
def test_the_360_form_error_summary_takes_focus_and_lists_every_problem(
    module_server, module_browser, signed_in_state, size, javascript
):
    context = module_browser.new_context(
        viewport=SIZES[size], storage_state=signed_in_state, java_script_enabled=javascript, bypass_csp=True
    )
    page = context.new_page()
    page.goto(module_server.base_url + "/feedback/new/")
    page.get_by_label("Rater 1 e-mail").fill("not-an-address")
    page.get_by_label("Rater 2 e-mail").fill("a@example.org")
    page.get_by_label("Rater 3 e-mail").fill("A@example.org")
    page.get_by_label("Deadline", exact=True).fill("2001-01-01")
    page.get_by_role("button", name="Send invitations").click()

    summary = page.get_by_role("group", name="There is a problem")
    expect(summary).to_be_visible()
    expect(summary).to_be_focused()
    expect(summary).to_be_in_viewport()
    links = summary.get_by_role("link")
    expect(links).to_have_count(4)  # skills, deadline, rater 1, rater 3: all at once, not one at a time
    expect(summary).to_contain_text("not-an-address is not a valid e-mail address")
    expect(summary).to_contain_text("A@example.org is listed twice")
    expect(summary).to_contain_text("in the past")
    expect(page.locator("#id_email-0-error-1")).to_contain_text("not a valid e-mail address")  # by the field
    summary.get_by_role("link", name=re.compile(r"^Rater 3 e-mail:")).click()
    expect(page.get_by_label("Rater 3 e-mail")).to_be_focused()
    assert page.evaluate("() => document.scrollingElement.scrollWidth <= innerWidth")
    if javascript:
        page.add_script_tag(content=AXE)
        violations = page.evaluate(
            """async () => (await axe.run(document, {resultTypes: ["violations"]})).violations
                .map(v => v.id + ": " + v.nodes.slice(0, 3).map(n => n.target.join(" ")).join(", "))"""
        )
        assert violations == []
    context.close()
