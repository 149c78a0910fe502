"""The debrief: skill scores, key moments, what to try next with skill links; past plays with best score."""

from __future__ import annotations

import pytest
from django.urls import reverse

from peoplecraft.scenarios import services

pytestmark = pytest.mark.django_db


def _finish(play, path):
    for node, choice in path:
        play = services.play_choose(play=play, node_id=node, choice=choice)
    return play


def test_debrief_shows_scores_moments_and_links(owner_client, imported_guide, play):
    play = _finish(play, [("opening", 1), ("defensive", 1), ("standoff", 1)])
    body = owner_client.get(reverse("scenarios:debrief", args=[play.pk])).content.decode()
    assert "Relationship strained, nothing changed" in body
    assert "Your biggest missed chance" in body and "Stronger:" in body
    skill = imported_guide.areas.get(number=14).skills.get(name="Providing Constructive Feedback")
    assert f'href="{reverse("skillmap:skill", args=[skill.pk])}"' in body
    assert play.total_score == -9 and play.result["skills"][0]["skill"] == "Providing Constructive Feedback"


def test_unfinished_debrief_redirects_to_the_play(owner_client, play):
    response = owner_client.get(reverse("scenarios:debrief", args=[play.pk]))
    assert response.status_code == 302 and response["Location"] == reverse("scenarios:play", args=[play.pk])


def test_past_plays_and_best_score_on_the_detail_page(owner_client, owner, play):
    _finish(play, [("opening", 1), ("defensive", 1), ("standoff", 2)])
    second = services.play_start(owner=owner, scenario_id="feedback-to-a-peer")
    _finish(second, [("opening", 1), ("defensive", 1), ("standoff", 1)])
    body = owner_client.get(reverse("scenarios:detail", args=["feedback-to-a-peer"])).content.decode()
    assert body.count("Relationship strained") == 2 and "Best score: -7" in body
