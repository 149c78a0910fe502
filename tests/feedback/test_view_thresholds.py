"""Raising a sent request's anonymity thresholds: only up, only the owner, web and CLI alike."""

from __future__ import annotations

import pytest
from django.urls import reverse
from typer.testing import CliRunner

from peoplecraft.cli.main import app
from peoplecraft.feedback.models import FeedbackRequest

pytestmark = pytest.mark.django_db


def _thresholds(feedback_request) -> dict:
    return FeedbackRequest.objects.get(pk=feedback_request.pk).thresholds


def _post(client, feedback_request, **changes):
    data = {**feedback_request.thresholds, **changes}
    return client.post(reverse("feedback:thresholds", args=[feedback_request.pk]), data)


def test_raise_a_threshold(owner_client, peer_request):
    feedback_request, _links = peer_request
    response = _post(owner_client, feedback_request, peer=5)
    assert response.status_code == 302 and response["Location"] == reverse(
        "feedback:detail", args=[feedback_request.pk]
    )
    assert _thresholds(feedback_request)["peer"] == 5


def test_lowering_is_refused_and_nothing_changes(owner_client, peer_request):
    feedback_request, _links = peer_request
    before = _thresholds(feedback_request)
    response = _post(owner_client, feedback_request, peer=2, comments=9)
    assert response.status_code == 302
    assert _thresholds(feedback_request) == before
    page = owner_client.get(response["Location"]).content.decode()
    assert "can only be raised" in page


def test_htmx_post_navigates_back_to_the_request(owner_client, peer_request):
    feedback_request, _links = peer_request
    data = {**feedback_request.thresholds, "all": 6}
    response = owner_client.post(
        reverse("feedback:thresholds", args=[feedback_request.pk]), data, HTTP_HX_REQUEST="true"
    )
    assert response.status_code == 204 and response["HX-Redirect"] == reverse(
        "feedback:detail", args=[feedback_request.pk]
    )
    assert _thresholds(feedback_request)["all"] == 6


def test_outsider_gets_404(client, outsider, peer_request):
    feedback_request, _links = peer_request
    client.force_login(outsider)
    assert _post(client, feedback_request, peer=9).status_code == 404
    assert _thresholds(feedback_request)["peer"] != 9


def test_cli_raises_and_refuses_the_same_way(owner, peer_request):
    feedback_request, _links = peer_request
    runner = CliRunner()
    raised = runner.invoke(app, ["feedback", "thresholds", str(feedback_request.pk), "--threshold", "peer=4"])
    assert raised.exit_code == 0 and "peer=4" in raised.stdout
    lowered = runner.invoke(app, ["feedback", "thresholds", str(feedback_request.pk), "--threshold", "peer=3"])
    assert lowered.exit_code == 2 and "only be raised" in lowered.stderr
    assert _thresholds(feedback_request)["peer"] == 4
