"""The feedback app's Today actions: an open 360 with its deadline and answers, then its journal prompt."""

from __future__ import annotations

from datetime import timedelta
from urllib.parse import urlparse

import pytest
from django.utils import timezone
from feedback_helpers import answer, make_request

from peoplecraft.core.contributions import Step, Urgency, today_actions
from peoplecraft.feedback import services

pytestmark = pytest.mark.django_db


def _feedback(owner, day=None):
    return [a for a in today_actions(owner, day or timezone.localdate()) if a.key.startswith("feedback:")]


def test_no_request_no_action(owner, imported_guide):
    assert _feedback(owner) == []


def test_an_open_request_counts_answers_and_names_its_deadline(owner, peer_request):
    feedback_request, paths = peer_request
    assert answer(paths["peer1@example.org"], feedback_request.item_ids).status_code == 302
    [action] = _feedback(owner)
    assert action.step == Step.FEEDBACK and action.urgency is Urgency.DEADLINE
    assert action.due == feedback_request.deadline
    assert action.title.endswith(": 1 of 5 answered") and action.url == f"/feedback/{feedback_request.pk}/"
    assert _feedback(owner, feedback_request.deadline - timedelta(days=1))[0].title.startswith(
        "Your 360 closes tomorrow:"
    )
    assert _feedback(owner, feedback_request.deadline + timedelta(days=1)) == []  # past its deadline


def test_a_closed_request_offers_its_prompt_until_it_is_written(owner, imported_guide, listening):
    from peoplecraft.journal.models import Entry

    raters = [("peer", f"p{i}@example.org") for i in range(1, 7)]  # two batches of three
    feedback_request, links = make_request(owner, imported_guide, [listening], raters)
    services.self_answers_save(feedback_request=feedback_request, answers=dict.fromkeys(feedback_request.item_ids, 5))
    for path in [urlparse(link.url).path for link in links]:
        assert answer(path, feedback_request.item_ids, value=1).status_code == 302
    services.request_close(feedback_request=feedback_request)
    [action] = _feedback(owner)
    assert action.step == Step.REFLECT and action.title == "A journal prompt from your closed 360"
    assert action.url.startswith("/journal/new/?prompt=feedback%3A")
    Entry.objects.create(owner=owner, entry_date=timezone.localdate(), title="t", body="b", prompt_ref=action.key)
    assert _feedback(owner) == []
    later = timezone.localdate() + timedelta(days=15)
    Entry.objects.all().delete()
    assert _feedback(owner, later) == []  # two weeks after its release it is the journal's business


def test_no_prompt_action_from_a_release_below_the_thresholds(owner, peer_request):
    feedback_request, paths = peer_request
    for path in list(paths.values())[:2]:
        assert answer(path, feedback_request.item_ids, value=1).status_code == 302
    services.request_close(feedback_request=feedback_request)
    assert services.Release.objects.filter(request=feedback_request).exists()
    assert _feedback(owner) == []
