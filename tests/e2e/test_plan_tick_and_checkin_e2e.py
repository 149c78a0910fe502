"""Issue 14 item 7 in chromium, on a phone and a laptop, with and without JavaScript: tick off a
planned session (and untick it), and check in on a goal in its own unit ("3 of 8")."""

from __future__ import annotations

import json
import re
from datetime import date, timedelta
from pathlib import Path

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

AXE = (Path(__file__).parent / "vendor" / "axe-core-4.14.1.min.js").read_text(encoding="utf-8")
VIEWPORTS = {"phone": {"width": 390, "height": 844}, "laptop": {"width": 1280, "height": 800}}


@pytest.fixture(scope="module")
def site(module_server, module_browser):
    """Signed in, two focus skills chosen, one goal of 8 one-to-ones; yields (storage state, goal path)."""
    context = module_browser.new_context(viewport=VIEWPORTS["laptop"])
    page = context.new_page()
    page.goto(module_server.sign_in_link)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(f"{module_server.base_url}/")  # signing in lands on Today
    page.goto(f"{module_server.base_url}/practice/plan/")
    for name in ("Active Listening", "Mediation"):
        page.get_by_label(name, exact=True).check()
    page.get_by_role("button", name="Save focus").click()
    expect(page.get_by_text("Your focus skills are saved")).to_be_visible()
    page.goto(f"{module_server.base_url}/goals/")
    page.get_by_label("Goal", exact=True).fill("Ask before advising")
    page.get_by_label("Skill it builds (specific)").select_option(label="Active Listening")
    page.get_by_label("What you will count (measurable)").fill("one-to-ones")
    page.get_by_label("Target number").fill("8")
    page.get_by_label("Due date (time-bound)").fill((date.today() + timedelta(days=45)).isoformat())
    page.get_by_role("button", name="Set goal").click()
    page.wait_for_url(re.compile(r"/goals/\d+/$"))
    goal = page.url.removeprefix(module_server.base_url)
    state = context.storage_state()
    context.close()
    return state, goal


def _axe(page) -> list[dict]:
    page.add_script_tag(content=AXE)
    return page.evaluate(
        """async () => (await axe.run(document, {resultTypes: ["violations"]})).violations
            .map(v => ({id: v.id, help: v.help, nodes: v.nodes.slice(0, 3).map(n => n.target.join(" "))}))"""
    )


def _context(browser, site, viewport: str, javascript: bool):
    state, _goal = site
    # bypass_csp only so the test can inject axe; the app's own pages need no inline script
    return browser.new_context(
        viewport=VIEWPORTS[viewport], storage_state=state, java_script_enabled=javascript, bypass_csp=True
    )


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
@pytest.mark.parametrize("viewport", list(VIEWPORTS))
def test_tick_off_a_planned_session_and_undo_it(module_server, module_browser, site, viewport, javascript):
    context = _context(module_browser, site, viewport, javascript)
    page = context.new_page()
    page.goto(f"{module_server.base_url}/practice/plan/")
    today = date.today()
    expect(page.get_by_role("heading", level=1)).to_contain_text(f"{today.day} {today:%b}")
    mark = page.get_by_role("button", name=re.compile("^Mark done")).first
    session = page.locator("li.planned-session").filter(has=mark).first
    key = session.get_attribute("id")
    title = session.locator("a, span").first.inner_text()
    mark.click()
    row = page.locator(f"#{key}")
    expect(row).to_contain_text("✓ Done")
    undo = row.get_by_role("button", name=re.compile("^Undo"))
    expect(undo).to_be_visible()
    if javascript:
        expect(undo).to_be_focused()  # the same control, now "Undo", keeps the keyboard's place
        expect(page.locator("#live-status")).to_contain_text(f"Done: {title}")
    assert page.evaluate("() => document.scrollingElement.scrollWidth <= innerWidth")
    if javascript:  # axe is a script: without JavaScript the same markup was checked in the other run
        violations = _axe(page)
        assert violations == [], json.dumps(violations, indent=1)
    page.goto(f"{module_server.base_url}/goals/review/")
    expect(page.locator("#practised-heading + p + ul")).to_contain_text(title)  # a tick is practice
    page.goto(f"{module_server.base_url}/practice/plan/")
    page.locator(f"#{key}").get_by_role("button", name=re.compile("^Undo")).click()
    expect(page.locator(f"#{key}")).not_to_contain_text("✓ Done")
    expect(page.locator(f"#{key}").get_by_role("button", name=re.compile("^Mark done"))).to_be_visible()
    context.close()


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
@pytest.mark.parametrize("viewport", list(VIEWPORTS))
def test_check_in_on_a_goal_in_its_unit(module_server, module_browser, site, viewport, javascript):
    context = _context(module_browser, site, viewport, javascript)
    page = context.new_page()
    page.goto(module_server.base_url + site[1])
    field = page.get_by_label("Done so far (of 8 one-to-ones)")
    field.fill("2.5" if javascript else "3")
    page.get_by_role("button", name="Save check-in").click()
    done = "2.5" if javascript else "3"
    expect(page.get_by_text(f"Progress: {done} of 8 one-to-ones")).to_be_visible()
    page.get_by_label("Done so far (of 8 one-to-ones)").fill("-1")
    page.get_by_role("button", name="Save check-in").click()
    expect(page.get_by_text("how many one-to-ones so far").first).to_be_visible()
    assert page.evaluate("() => document.scrollingElement.scrollWidth <= innerWidth")
    if javascript:  # axe is a script: without JavaScript the same markup was checked in the other run
        violations = _axe(page)
        assert violations == [], json.dumps(violations, indent=1)
    context.close()
