"""The play view: one decision per step, feedback on the next step, stale answers refused; ownership, htmx."""

from __future__ import annotations

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def _url(play):
    return reverse("scenarios:play", args=[play.pk])


def test_full_page_shows_the_line_and_choice_buttons_in_a_fieldset(owner_client, play):
    body = owner_client.get(_url(play)).content.decode()
    assert "<legend>What do you do or say?</legend>" in body
    assert body.count('class="scenario-choice"') == 3
    assert '<input type="hidden" name="node" value="opening">' in body and "<html" in body


def test_choice_moves_on_and_shows_its_feedback_on_the_next_step(owner_client, play):
    response = owner_client.post(_url(play), {"node": "opening", "choice": "0"})
    assert response.status_code == 302 and response["Location"] == _url(play)
    play.refresh_from_db()
    assert play.path == [["opening", 0]] and play.node_id == "checkout-shipped"
    body = owner_client.get(_url(play)).content.decode()
    assert "Feedback on your last choice" in body and "Asking permission" in body
    assert "Providing Constructive Feedback +2" in body


def test_htmx_answer_returns_the_step_partial(owner_client, play):
    response = owner_client.post(_url(play), {"node": "opening", "choice": "1"}, HTTP_HX_REQUEST="true")
    body = response.content.decode()
    assert response.status_code == 200 and "<html" not in body
    assert 'id="scenario-step"' in body and 'value="defensive"' in body


def test_double_submit_is_refused_and_the_path_is_unchanged(owner_client, play):
    owner_client.post(_url(play), {"node": "opening", "choice": "0"})
    response = owner_client.post(_url(play), {"node": "opening", "choice": "2"}, HTTP_HX_REQUEST="true")
    assert response.status_code == 409 and "already answered" in response.content.decode()
    play.refresh_from_db()
    assert play.path == [["opening", 0]]


def test_bad_choice_is_a_400_and_saves_nothing(owner_client, play):
    for data in ({"node": "opening", "choice": "7"}, {"node": "opening", "choice": "x"}):
        response = owner_client.post(_url(play), data)
        assert response.status_code == 400
    play.refresh_from_db()
    assert play.path == []


def test_last_choice_finishes_and_redirects_to_the_debrief(owner_client, play, best_path):
    path = best_path
    for node, choice in path[:-1]:
        owner_client.post(_url(play), {"node": node, "choice": str(choice)})
    node, choice = path[-1]
    response = owner_client.post(_url(play), {"node": node, "choice": str(choice)}, HTTP_HX_REQUEST="true")
    debrief = reverse("scenarios:debrief", args=[play.pk])
    assert response.status_code == 204 and response["HX-Redirect"] == debrief
    play.refresh_from_db()
    assert play.is_finished and play.total_score == play.best_total > 0
    assert owner_client.get(_url(play))["Location"] == debrief


def test_outsider_gets_404_and_nothing_changes(client, outsider, play):
    client.force_login(outsider)
    assert client.get(_url(play)).status_code == 404
    assert client.post(_url(play), {"node": "opening", "choice": "0"}).status_code == 404
    assert client.get(reverse("scenarios:debrief", args=[play.pk])).status_code == 404
    play.refresh_from_db()
    assert play.path == []


def test_outdated_play_offers_a_restart(owner_client, play):
    play.content_version = "0" * 16
    play.save()
    body = owner_client.get(_url(play)).content.decode()
    assert "was updated since you started" in body
    response = owner_client.post(_url(play), {"node": "opening", "choice": "0"})
    assert response.status_code == 400
