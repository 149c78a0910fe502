"""The home page (``/``) is Today: the next actions, each one click away, the skill map one more."""

from __future__ import annotations

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


def _nav_current(body: str) -> list[str]:
    return [part.split(">", 1)[1].split("<", 1)[0] for part in body.split('aria-current="page"')[1:]]


def test_signed_out_visitors_are_sent_to_sign_in():
    response = Client().get("/")
    assert response.status_code == 302 and response["Location"].startswith("/accounts/sign-in/")


def test_a_new_learner_is_pointed_to_the_first_step(owner_client, imported_guide):
    response = owner_client.get("/")
    body = response.content.decode()
    assert response.status_code == 200 and "<h1>Today</h1>" in body
    assert '<h2><a href="/assess/">Take a self-assessment</a></h2>' in body
    assert '<a href="/skills/">Your skill map</a>' in body
    assert _nav_current(body) == ["Today"]


def test_without_a_note_the_page_asks_for_one(client, teammate):
    client.force_login(teammate)
    body = client.get("/").content.decode()
    assert 'href="/skills/import/">Import your skill note</a>' in body
    assert "today-action" not in body


def test_nothing_due_says_so(owner_client, imported_guide, monkeypatch):
    monkeypatch.setattr("peoplecraft.dashboard.today.today_actions", lambda owner, day: [])
    body = owner_client.get("/").content.decode()
    assert "Nothing is due right now" in body and "today-action" not in body and "Import your" not in body


def test_at_most_three_actions_and_other_pages_keep_their_section(owner_client, owner, imported_guide):
    from peoplecraft.learning.services import reading_add_own
    from peoplecraft.skillmap.selectors import skill_find
    from peoplecraft.skillmap.services import skill_mark

    skill_mark(skill=skill_find(guide=imported_guide, name="Active Listening"), status="active", source="web")
    reading_add_own(owner=owner, title="A book on listening")
    body = owner_client.get("/").content.decode()
    assert 1 < body.count('class="card today-action') <= 3
    assert body.index("Take a self-assessment") < body.index("Cards due:")  # same urgency: the method's order
    assert _nav_current(owner_client.get("/journal/").content.decode()) == ["Reflect"]
    assert _nav_current(owner_client.get("/accounts/password/").content.decode()) == []


def test_post_is_refused(owner_client, imported_guide):
    assert owner_client.post("/").status_code == 405
