"""Issue 16: the exercise page shows Rehearse (text, or a link to the scenario / card it names), Try and Ask."""

from __future__ import annotations

from dataclasses import replace

import pytest
from django.urls import reverse

from peoplecraft.practice import selectors
from peoplecraft.practice.content import bundled_cards

pytestmark = pytest.mark.django_db


def _exercise(**fields):
    return replace(selectors.exercises_list(skill="Active Listening")[0], **fields)


def test_rehearse_names_a_card_or_a_scenario_as_a_link_else_shows_the_text():
    card = bundled_cards()[0]
    linked = selectors.rehearsal(_exercise(rehearse=f"card: {card.id}"))
    assert linked.url == reverse("practice:cards") + f"#card-{card.id}" and linked.label == card.prompt
    scenario = selectors.rehearsal(_exercise(rehearse="scenario: forty-comments"))
    assert scenario.url == reverse("scenarios:detail", args=["forty-comments"])
    text = selectors.rehearsal(_exercise(rehearse="Say your opening line aloud twice."))
    assert text.url == "" and text.text == "Say your opening line aloud twice."
    assert selectors.rehearsal(_exercise(rehearse="card: no-such-card")).url == ""
    assert selectors.rehearsal(_exercise(rehearse="")) is None


def test_the_exercise_page_shows_the_three_steps_with_the_ask(owner_client, imported_guide, monkeypatch):
    exercise = _exercise(rehearse="Say your opening line aloud twice.", ask="Did I let you finish first?")
    monkeypatch.setattr(selectors, "exercise_get", lambda ident: exercise if ident == exercise.id else None)
    body = owner_client.get(reverse("practice:exercise", args=[exercise.id])).content.decode()
    for text in ("1. Rehearse", "2. Try it for real", "3. Ask the other person", "Say your opening line aloud twice."):
        assert text in body
    assert "Did I let you finish first?" in body
    assert body.index("1. Rehearse") < body.index("2. Try it for real") < body.index("3. Ask the other person")


def test_without_an_ask_the_question_comes_from_the_first_success_criterion(owner_client, imported_guide, monkeypatch):
    exercise = _exercise(ask="", success=("They finished every sentence.",))
    monkeypatch.setattr(selectors, "exercise_get", lambda ident: exercise if ident == exercise.id else None)
    body = owner_client.get(reverse("practice:exercise", args=[exercise.id])).content.decode()
    assert "did this happen: “They finished every sentence”?" in body
