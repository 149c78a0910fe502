"""State across web requests: a play's flags come back from its stored path, so what the other person
says, which choices are offered and how the play ends follow what was said pages earlier."""

from __future__ import annotations

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def _answer(client, play, node: str, choice: int) -> str:
    response = client.post(reverse("scenarios:play", args=[play.pk]), {"node": node, "choice": str(choice)})
    assert response.status_code == 302, response.content[:300]
    play.refresh_from_db()
    return client.get(response["Location"]).content.decode()


def test_the_date_you_proposed_is_the_date_confirmed_pages_later(owner, owner_client):
    from peoplecraft.scenarios import services

    play = services.play_start(owner=owner, scenario_id="boundary-with-manager")
    _answer(owner_client, play, "opening", 1)  # "Sure, no problem." -> two weeks later
    body = _answer(owner_client, play, "yes-trap", 0)  # propose the 22nd
    assert "moves to the 22nd" in body and "29th" not in body
    assert play.path == [["opening", 1], ["yes-trap", 0]] and play.node_id == "choose"


def test_guarded_choices_and_the_ending_follow_the_stored_path(owner, owner_client):
    from peoplecraft.scenarios import services

    play = services.play_start(owner=owner, scenario_id="boundary-with-manager")
    # the path of issue 16 up to the test message: no agreement on evenings, no date moved
    for node, choice in [("opening", 2), ("blurted", 1), ("yes-trap", 2), ("defensive", 0), ("evenings", 1)]:
        body = _answer(owner_client, play, node, choice)
    assert "So what would work for you?" in body  # Daniel answers the line you actually said
    body = _answer(owner_client, play, "agreement", 1)
    assert "Nothing was settled about evenings" in body and "as agreed" not in body.lower()
    assert body.count('class="scenario-choice"') == 3
    response = owner_client.post(reverse("scenarios:play", args=[play.pk]), {"node": "tested", "choice": "1"})
    play.refresh_from_db()
    assert play.is_finished and play.node_id == "end-respected"
    debrief = owner_client.get(response["Location"]).content.decode()
    assert "Evenings protected, workload still unspoken" in debrief and "lands on the new date" not in debrief
