"""The questionnaire in chromium, on a phone and a laptop, with and without JavaScript: the
progress bar counts answered statements, and the address follows the page shown, so reload (and,
with JavaScript, Back) keeps the learner's place (issue 14, item 7)."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

VIEWPORTS = {"phone": {"width": 390, "height": 844}, "laptop": {"width": 1280, "height": 800}}


@pytest.fixture(scope="module")
def state(module_server, module_browser):
    context = module_browser.new_context(viewport=VIEWPORTS["laptop"])
    page = context.new_page()
    page.goto(module_server.sign_in_link)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(f"{module_server.base_url}/")  # signing in lands on Today
    saved = context.storage_state()
    context.close()
    return saved


def _bar(page) -> tuple[int, int]:
    return tuple(page.locator("#take-form progress").evaluate("bar => [bar.value, bar.max]"))


def _answer_page(page) -> int:
    radios = page.locator('fieldset.assess-item input[type="radio"][value="3"]').all()
    for radio in radios:
        radio.check()
    return len(radios)


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
@pytest.mark.parametrize("viewport", ["phone", "laptop"])
def test_progress_counts_answers_and_the_address_follows_the_page(
    module_server, module_browser, state, viewport, javascript
):
    context = module_browser.new_context(
        viewport=VIEWPORTS[viewport], storage_state=state, java_script_enabled=javascript
    )
    page = context.new_page()
    page.goto(module_server.base_url + "/assess/")
    page.get_by_role("radio", name="Whole guide").check()
    page.get_by_role("button", name="Start").click()
    page.wait_for_url(re.compile(r"/assess/\d+/page/1/$"))
    total = int(re.search(r"0 of (\d+) statements answered", page.locator("#take-form").inner_text())[1])
    assert _bar(page) == (0, total)  # empty before any answer (was full on a one-page assessment)

    first_area = page.locator("#take-form h2").inner_text()
    answered = _answer_page(page)
    page.get_by_role("button", name="Save and continue").click()
    page.wait_for_url(re.compile(r"/page/2/$"))  # the address follows the page shown
    expect(page.locator("#take-form")).to_contain_text(f"Page 2 of 15 · {answered} of {total} statements answered")
    assert _bar(page) == (answered, total)
    second_area = page.locator("#take-form h2").inner_text()
    assert second_area != first_area
    expect(page).to_have_title(re.compile(re.escape(second_area.split(". ", 1)[-1])))  # the tab says so too

    page.reload()  # reload keeps the place
    expect(page.locator("#take-form h2")).to_have_text(second_area)
    assert page.url.endswith("/page/2/") and _bar(page) == (answered, total)

    answered += _answer_page(page)
    page.get_by_role("button", name="Save and continue").click()
    page.wait_for_url(re.compile(r"/page/3/$"))
    assert _bar(page) == (answered, total)
    page.go_back()  # Back returns to page 2, with the address and the form saying so
    page.wait_for_url(re.compile(r"/page/2/$"))
    expect(page.locator("#take-form h2")).to_have_text(second_area)
    page.get_by_role("button", name="Save and go back").click()
    page.wait_for_url(re.compile(r"/page/1/$"))
    expect(page.locator("#take-form h2")).to_have_text(first_area)
    assert page.evaluate("() => document.scrollingElement.scrollWidth") <= VIEWPORTS[viewport]["width"]
    context.close()
