"""Starting a play: resume an unfinished one, restart on request; list and detail pages."""

from __future__ import annotations

import pytest
from django.urls import reverse

from peoplecraft.scenarios.models import ScenarioPlay

pytestmark = pytest.mark.django_db
START = reverse("scenarios:start", args=["feedback-to-a-peer"])


def test_start_creates_a_play_and_redirects_to_it(owner_client, owner):
    response = owner_client.post(START)
    play = ScenarioPlay.objects.get(owner=owner)
    assert response.status_code == 302 and response["Location"] == reverse("scenarios:play", args=[play.pk])
    assert play.node_id == "opening" and play.source == "web"


def test_start_resumes_and_restart_discards(owner_client, owner, play):
    owner_client.post(reverse("scenarios:play", args=[play.pk]), {"node": "opening", "choice": "0"})
    owner_client.post(START)
    assert list(ScenarioPlay.objects.values_list("pk", flat=True)) == [play.pk]
    owner_client.post(START, {"restart": "1"})
    fresh = ScenarioPlay.objects.get(owner=owner)
    assert fresh.pk != play.pk and fresh.path == []


def test_htmx_start_redirects_with_a_header(owner_client):
    response = owner_client.post(START, HTTP_HX_REQUEST="true")
    assert response.status_code == 204 and response["HX-Redirect"].startswith("/practice/scenarios/play/")


def test_unknown_scenario_is_404(owner_client):
    assert owner_client.post(reverse("scenarios:start", args=["no-such"])).status_code == 404
    assert owner_client.get(reverse("scenarios:detail", args=["no-such"])).status_code == 404


def test_list_and_detail_pages(owner_client, play):
    body = owner_client.get(reverse("scenarios:list")).content.decode()
    from peoplecraft.scenarios.catalogue import bundled_scenarios

    cards = body.count('class="card scenario-card"')
    assert cards == len(bundled_scenarios()) >= 10 and "Resume your unfinished play" in body
    detail = owner_client.get(reverse("scenarios:detail", args=["feedback-to-a-peer"])).content.decode()
    assert "Marco Ferreira" in detail and "Resume where you stopped" in detail


def test_another_users_play_is_not_resumed(client, teammate, play):
    client.force_login(teammate)
    client.post(START)
    assert ScenarioPlay.objects.filter(owner=teammate).exclude(pk=play.pk).count() == 1
