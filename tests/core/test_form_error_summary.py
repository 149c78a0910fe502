"""Errors where you look: every form that comes back with errors shows them all in one summary at
the top (each linked to its field) and each next to its own field; no bare 4xx from plain navigation."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def _summary(html: str) -> str:
    match = re.search(r'<div class="error-summary".*?</div>', html, re.S)
    assert match, "no error summary on the page"
    return match.group(0)


def test_a_journal_title_over_200_characters_says_so_in_the_summary_and_next_to_the_title(owner_client):
    response = owner_client.post(
        reverse("journal:new"), {"entry_date": "2026-05-01", "template": "free", "title": "t" * 201}
    )
    html = response.content.decode()
    assert response.status_code == 400
    summary = _summary(html)
    assert 'href="#id_title"' in summary and "at most 200 characters" in summary
    assert "autofocus" in summary.split(">")[0]  # the summary takes focus on load
    title_field = html[html.index('id="id_title"') :]
    assert title_field.index("at most 200 characters") < title_field.index('id="id_body"')  # next to the field


def test_the_htmx_journal_form_returns_the_summary_in_the_swapped_part(owner_client):
    response = owner_client.post(
        reverse("journal:new"),
        {"entry_date": "not a date", "template": "free", "title": "t" * 201},
        headers={"HX-Request": "true"},
    )
    summary = _summary(response.content.decode())
    assert response.status_code == 400
    assert 'href="#id_entry_date"' in summary and 'href="#id_title"' in summary  # all errors together


def test_every_goal_error_is_listed_at_once(owner_client, imported_guide):
    response = owner_client.post(
        reverse("goals:create"), {"title": "", "measure": "", "target": "", "due_date": "", "reminder_days": "7"}
    )
    summary = _summary(response.content.decode())
    assert response.status_code == 400
    links = re.findall(r'href="#(id_\w+)"', summary)
    assert {"id_title", "id_measure", "id_target", "id_due_date"} <= set(links), links


def test_opening_goals_new_directly_shows_the_form_instead_of_a_bare_405(owner_client):
    response = owner_client.get(reverse("goals:create"))
    assert response.status_code == 302 and response["Location"] == reverse("goals:home") + "#goal-form"
    assert 'id="goal-form"' in owner_client.get(response["Location"]).content.decode()


def test_an_out_of_range_review_week_is_a_400_with_the_message_in_the_summary(owner_client):
    response = owner_client.get(reverse("goals:review"), {"week": "9999-12-31"})
    assert response.status_code == 400
    assert "2199-12-31" in _summary(response.content.decode())


def test_a_checkbox_group_error_links_to_its_first_box(owner_client, imported_guide):
    response = owner_client.post(reverse("practice:focus"), {"skills": ["999999"]})
    assert response.status_code == 400, response.status_code
    assert re.search(r'href="#id_skills_0"', _summary(response.content.decode()))


@pytest.mark.parametrize(
    ("post_target", "form_page"),
    [
        ("goals:create", "/goals/#goal-form"),
        ("assessment:start", "/assess/"),
        ("learning:add", "/learn/catalogue/"),
        ("practice:focus", "/practice/plan/#focus-form"),
        ("skillmap:import", "/skills/"),
        ("writing:analyze", "/write/"),
    ],
)
def test_reloading_a_form_target_after_an_error_shows_the_form_again(owner_client, post_target, form_page):
    """Without JavaScript the address bar keeps the POST target; a reload (GET) must not be a bare 405."""
    response = owner_client.get(reverse(post_target))
    assert response.status_code == 302 and response["Location"] == form_page
    assert owner_client.put(reverse(post_target)).status_code == 405  # other methods are still refused
