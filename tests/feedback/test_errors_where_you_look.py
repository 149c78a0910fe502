"""Form errors where you look (issue 14 item 6): the 360 request, micro-feedback and answer forms list every
problem at once in the error summary at the top (which takes focus), and each field shows its own."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from peoplecraft.feedback.models import FeedbackRequest, MomentRequest

pytestmark = pytest.mark.django_db


def _summary(body: str) -> str:
    start = body.index('class="error-summary"')
    return body[start : body.index("</div>", start)]


def test_the_360_form_shows_every_problem_at_once_each_next_to_its_field(owner_client, listening):
    data = {
        "deadline": (timezone.localdate() - timedelta(days=1)).isoformat(),
        "message": "",
        "reminder_days": "99",
        "email-0": "not-an-address",
        "email-1": "a@example.org",
        "email-2": "A@example.org",
    }
    response = owner_client.post(reverse("feedback:create"), data)
    assert response.status_code == 400
    body = response.content.decode()
    summary = _summary(body)
    assert "autofocus" in summary and "There is a problem" in summary
    for anchor, text in [
        ("#id_skills_0", "required"),
        ("#id_deadline", "in the past"),
        ("#id_reminder_days", "60"),
        ("#id_email-0", "not-an-address is not a valid e-mail address"),
        ("#id_email-2", "A@example.org is listed twice"),
    ]:
        assert f'href="{anchor}"' in summary and text in summary, anchor
    # next to the fields themselves
    for field in ("email-0", "email-2", "deadline"):
        assert f'id="id_{field}-error-1"' in body, field
    assert "Rater 1 e-mail: not-an-address" in summary  # the summary names which rater
    assert not FeedbackRequest.objects.exists()


def test_the_360_form_without_raters_says_so_next_to_the_first_one(owner_client, listening):
    data = {"skills": [listening.pk], "deadline": (timezone.localdate() + timedelta(days=9)).isoformat()}
    body = owner_client.post(reverse("feedback:create"), {**data, "reminder_days": "3"}).content.decode()
    assert 'href="#id_email-0"' in _summary(body) and "Add at least one rater." in body


def test_the_360_form_htmx_answer_carries_the_focused_summary(owner_client, listening):
    response = owner_client.post(reverse("feedback:create"), {"reminder_days": "3"}, HTTP_HX_REQUEST="true")
    body = response.content.decode()
    assert response.status_code == 400 and body.lstrip().startswith("<form")
    assert "autofocus" in _summary(body)


def test_the_moment_form_lists_every_address_problem_next_to_the_field(owner_client, listening):
    data = {"skill": listening.pk, "emails": "nope, a@example.org, A@example.org", "links": "0"}
    response = owner_client.post(reverse("feedback:moment_create"), data)
    body = response.content.decode()
    assert response.status_code == 400
    summary = _summary(body)
    assert 'href="#id_emails"' in summary and "nope is not a valid e-mail address" in summary
    assert "A@example.org is listed twice" in summary
    assert 'id="id_emails-error-1"' in body and 'id="id_emails-error-2"' in body
    assert not MomentRequest.objects.exists()


def test_own_answers_with_a_bad_item_show_the_summary(owner_client, peer_request):
    feedback_request, _links = peer_request
    response = owner_client.post(reverse("feedback:self", args=[feedback_request.pk]), {"item-bogus": "3"})
    assert response.status_code == 400
    summary = _summary(response.content.decode())
    assert "autofocus" in summary and "bogus" in summary
