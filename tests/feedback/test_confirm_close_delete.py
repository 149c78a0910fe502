"""A 360 request asks before closing or deleting; deleting has no undo (the sealed answers go at once)."""

from __future__ import annotations

import pytest
from django.urls import reverse

from peoplecraft.core.models import TrashedItem
from peoplecraft.feedback.models import FeedbackRequest

pytestmark = pytest.mark.django_db

NO_UNDO = "This cannot be undone: answers are destroyed at once so nobody can recover who said what."


def test_delete_page_says_plainly_there_is_no_undo(owner_client, peer_request):
    feedback_request, _links = peer_request
    response = owner_client.get(reverse("feedback:delete", args=[feedback_request.pk]))
    assert response.status_code == 200 and NO_UNDO in response.content.decode()
    assert FeedbackRequest.objects.filter(pk=feedback_request.pk).exists()


def test_delete_destroys_at_once_and_keeps_nothing_to_undo(owner_client, peer_request):
    feedback_request, _links = peer_request
    body = owner_client.post(reverse("feedback:delete", args=[feedback_request.pk]), follow=True).content.decode()
    assert not FeedbackRequest.objects.filter(pk=feedback_request.pk).exists()
    assert not TrashedItem.objects.exists() and "/undo/" not in body


def test_close_asks_first(owner_client, peer_request):
    feedback_request, _links = peer_request
    body = owner_client.get(reverse("feedback:close", args=[feedback_request.pk])).content.decode()
    assert "Close feedback request" in body and "cannot be undone" in body
    feedback_request.refresh_from_db()
    assert feedback_request.closed_at is None


def test_detail_page_holds_both_dialogs(owner_client, peer_request):
    feedback_request, _links = peer_request
    body = owner_client.get(reverse("feedback:detail", args=[feedback_request.pk])).content.decode()
    assert body.count("<dialog ") == 2 and NO_UNDO in body


def test_outsider_gets_404_on_the_confirmation_pages(client, outsider, peer_request):
    feedback_request, _links = peer_request
    client.force_login(outsider)
    for name in ("feedback:delete", "feedback:close"):
        assert client.get(reverse(name, args=[feedback_request.pk])).status_code == 404
