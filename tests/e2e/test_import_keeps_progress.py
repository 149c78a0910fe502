"""The README's next step in chromium: a fresh installation with the bundled guide and some progress, then
"Import a note" with the user's own note. Linking (the default) keeps the progress (issue 14 item 5)."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

SIZES = {"phone": {"width": 390, "height": 844}, "desktop": {"width": 1280, "height": 800}}
AXE = (Path(__file__).parent / "vendor" / "axe-core-4.14.1.min.js").read_text(encoding="utf-8")


def _axe_violations(page) -> list[str]:
    page.add_script_tag(content=AXE)
    return page.evaluate(
        """async () => (await axe.run(document, {resultTypes: ["violations"]})).violations
            .map(v => v.id + ": " + v.nodes.slice(0, 3).map(n => n.target.join(" ")).join(", "))"""
    )


@pytest.mark.parametrize(
    ("size", "javascript"), [("phone", True), ("desktop", True), ("desktop", False)], ids=["phone", "desktop", "no-js"]
)
def test_importing_my_note_links_it_and_keeps_my_progress(live_server_with_progress, browser, size, javascript):
    server = live_server_with_progress
    # The CSP is bypassed only so that axe can be injected into the page.
    context = browser.new_context(viewport=SIZES[size], bypass_csp=True, java_script_enabled=javascript)
    page = context.new_page()
    page.goto(server.sign_in_link)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(f"{server.base_url}/")  # signing in lands on Today
    page.get_by_role("link", name="Your skill map").click()
    page.wait_for_url(f"{server.base_url}/skills/")
    expect(page.get_by_role("heading", name="Interpersonal Skills", level=1)).to_be_visible()
    expect(page.get_by_text("Not linked to a note file.")).to_be_visible()

    page.get_by_text("Import a note").click()
    page.get_by_label("Path of a Dendron note on this computer").fill(str(server.note))
    page.get_by_role("button", name="Import and keep in sync").click()

    expect(page.get_by_role("heading", name="This note matches one of your guides")).to_be_visible()
    expect(page.get_by_text("the same 52 skills as your guide “Interpersonal Skills”")).to_be_visible()
    link = page.get_by_label("Link to your existing guide (keeps progress)")
    expect(link).to_be_checked()
    if javascript:
        assert _axe_violations(page) == []
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    expect(page.get_by_label("Import as a separate guide")).not_to_be_checked()
    page.get_by_role("button", name="Continue").click()

    page.wait_for_url(f"{server.base_url}/skills/")
    expect(page.get_by_text("your progress, assessments, practice and journal links are kept")).to_be_visible()
    expect(page.get_by_text("Struck through in your note (done in Peoplecraft): Empathy")).to_be_visible()
    expect(page.get_by_text(str(server.note.resolve())).first).to_be_visible()
    expect(page.locator(".skill-chips li.status-done", has_text="Empathy").first).to_be_visible()
    expect(page.locator(".skill-chips li.status-active", has_text="Negotiation Skills")).to_be_visible()
    expect(page.get_by_role("heading", name="Your guides")).to_have_count(0)  # no second guide

    page.goto(f"{server.base_url}/progress/")
    expect(page.get_by_text("In focus: Negotiation Skills")).to_be_visible()
    expect(page.locator("#p-skills-bar")).not_to_have_attribute("value", "0")
    assert "~~**Empathy**" in server.note.read_text(encoding="utf-8")
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    context.close()
