"""The learner's write views: create, own answers, close, send again, delete (success, 404, htmx, full page)."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from peoplecraft.feedback.models import FeedbackRequest, Invitation, RaterResponse
from peoplecraft.feedback.selectors import invitation_by_token

pytestmark = pytest.mark.django_db


def _form(listening, **extra):
    data = {
        "skills": [listening.pk],
        "deadline": (timezone.localdate() + timedelta(days=10)).isoformat(),
        "message": "I am working on listening.",
        "reminder_days": "3",
        "attribute_manager": "on",
    }
    for index, (group, email) in enumerate(
        [("peer", "a@example.org"), ("peer", "b@example.org"), ("manager", "boss@example.org")]
    ):
        data[f"email-{index}"], data[f"group-{index}"] = email, group
    data.update(extra)
    return data


def test_create_sends_one_mail_per_rater_and_shows_links_once(owner_client, listening):
    response = owner_client.post(reverse("feedback:create"), _form(listening))
    feedback_request = FeedbackRequest.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse(
        "feedback:detail", args=[feedback_request.pk]
    )
    assert [message.to for message in mail.outbox] == [["a@example.org"], ["b@example.org"], ["boss@example.org"]]
    assert all("/r/" in message.body and "I am working on listening." in message.body for message in mail.outbox)
    assert all(message.extra_headers["X-Peoplecraft-Private"] == "rater" for message in mail.outbox)
    page = owner_client.get(response["Location"]).content.decode()
    assert "/r/" not in page and "shown only now" not in page  # e-mail mode: the learner never sees a link
    assert "3 people invited; answers received: 0." in page
    token = mail.outbox[0].body.split("/r/")[1].split("/")[0]
    assert invitation_by_token(raw_token=token).email == "a@example.org"
    assert Invitation.objects.get(email="boss@example.org").attributed
    assert FeedbackRequest.objects.get().delivery == "email"


def test_pass_on_sends_no_mail_and_shows_links_once_with_the_warning(owner_client, listening):
    response = owner_client.post(reverse("feedback:create"), _form(listening, delivery="pass_on"))
    assert response.status_code == 302 and not mail.outbox
    page = owner_client.get(response["Location"]).content.decode()
    assert "shown only now" in page and page.count("/r/") == 3
    assert "depends on your honesty" in page
    assert "/r/" not in owner_client.get(response["Location"]).content.decode()  # once only
    token = page.split("/r/")[1].split("/")[0]
    rater_page = Client().get(f"/r/{token}/", follow=True).content.decode()
    assert "handed out these links personally" in rater_page


def test_email_mode_is_refused_when_no_mail_server_is_configured(owner_client, listening, settings):
    settings.FEEDBACK_EMAIL_AVAILABLE = False
    form = owner_client.get(reverse("feedback:create")).content.decode()
    assert "No e-mail server is configured" in form
    response = owner_client.post(reverse("feedback:create"), _form(listening, delivery="email"))
    assert response.status_code == 400 and not FeedbackRequest.objects.exists()
    assert "PEOPLECRAFT_EMAIL_HOST" in response.content.decode() and "pass the links on yourself" in (
        response.content.decode()
    )


def test_create_with_bad_input_stores_and_sends_nothing(owner_client, listening):
    bad = _form(listening, **{"email-1": "not-an-address", "email-2": "A@example.org", "deadline": "2001-01-01"})
    response = owner_client.post(reverse("feedback:create"), bad)
    body = response.content.decode()
    assert response.status_code == 400
    assert "not a valid e-mail address" in body or "valid email" in body.lower()
    assert "listed twice" in body and "in the past" in body
    assert not FeedbackRequest.objects.exists() and mail.outbox == []


def test_create_htmx_error_is_the_form_partial_and_get_is_a_full_page(owner_client, listening):
    response = owner_client.post(reverse("feedback:create"), _form(listening, skills=[]), HTTP_HX_REQUEST="true")
    body = response.content.decode()
    assert response.status_code == 400 and body.lstrip().startswith("<form") and "<html" not in body
    page = owner_client.get(reverse("feedback:create"))
    assert page.status_code == 200 and "<html" in page.content.decode() and "Rater 1 e-mail" in page.content.decode()


def test_own_answers_are_saved_and_tampering_is_refused(owner_client, peer_request):
    feedback_request, _links = peer_request
    url = reverse("feedback:self", args=[feedback_request.pk])
    first = feedback_request.item_ids[0]
    assert owner_client.get(url).status_code == 200
    bad = owner_client.post(url, {"item-bogus": "3"}, HTTP_HX_REQUEST="true")
    assert bad.status_code == 400 and bad.content.decode().lstrip().startswith("<form")
    response = owner_client.post(url, {f"item-{first}": "5"})
    assert response.status_code == 302
    feedback_request.refresh_from_db()
    assert feedback_request.self_answers == {first: 5}


def test_self_answers_come_from_the_latest_assessment(owner, imported_guide, listening):
    from feedback_helpers import make_request

    from peoplecraft.assessment import services as assessment_services

    assessment = assessment_services.assessment_start(
        owner=owner, guide=imported_guide, scope="skills", skills=[listening]
    )
    items = [f"active-listening-{n}" for n in (1, 2, 3, 5)]
    assessment_services.answers_save(assessment=assessment, answers=dict.fromkeys(items, 4))
    assessment_services.assessment_complete(assessment=assessment)
    feedback_request, _links = make_request(owner, imported_guide, [listening], [("peer", "p@example.org")])
    assert feedback_request.self_answers == dict.fromkeys(items, 4)


def test_close_then_links_stop(owner_client, peer_request):
    feedback_request, links = peer_request
    response = owner_client.post(reverse("feedback:close", args=[feedback_request.pk]), HTTP_HX_REQUEST="true")
    assert response.status_code == 204 and response["HX-Redirect"] == reverse(
        "feedback:detail", args=[feedback_request.pk]
    )
    feedback_request.refresh_from_db()
    assert feedback_request.closed_at is not None
    from django.test import Client

    assert Client().get(links["peer1@example.org"]).status_code == 410


def test_resend_rotates_the_token_and_looks_the_same_whether_answered_or_not(owner_client, peer_request):
    from feedback_helpers import answer

    feedback_request, links = peer_request
    answer(links["peer1@example.org"], feedback_request.item_ids, 3)
    pages = []
    for email in ("peer1@example.org", "peer2@example.org"):
        invitation = Invitation.objects.get(email=email)
        response = owner_client.post(reverse("feedback:resend", args=[feedback_request.pk, invitation.pk]))
        assert response.status_code == 302
        page = owner_client.get(response["Location"]).content.decode()
        assert "/r/" not in page  # e-mail mode: the new link goes to the rater only
        pages.append(page.replace(f"Sent {email} a new link", "Sent EMAIL a new link"))
    import re

    csrf = re.compile(r'"X-CSRFToken": "[^"]+"|name="csrfmiddlewaretoken" value="[^"]+"')
    strip = [csrf.sub("", page) for page in pages]
    assert strip[0] == strip[1]  # nothing tells an answered invitation from an open one
    from django.test import Client

    assert Client().get(links["peer2@example.org"]).status_code == 404  # the old link is gone
    new_token = mail.outbox[-1].body.split("/r/")[1].split("/")[0]
    assert Client().get(f"/r/{new_token}/").status_code == 302


def test_delete_removes_the_request_and_its_responses(owner_client, peer_request):
    from feedback_helpers import answer

    feedback_request, links = peer_request
    answer(links["peer1@example.org"], feedback_request.item_ids, 3)
    response = owner_client.post(reverse("feedback:delete", args=[feedback_request.pk]))
    assert response.status_code == 302 and response["Location"] == reverse("feedback:home")
    assert (
        not FeedbackRequest.objects.exists() and not RaterResponse.objects.exists() and not Invitation.objects.exists()
    )


def test_home_lists_requests(owner_client, peer_request):
    body = owner_client.get(reverse("feedback:home")).content.decode()
    assert "Active Listening" in body and "Ask for feedback" in body


def test_no_such_occasion_is_not_carried_into_the_self_side(owner, imported_guide, listening):
    # "No such occasion" (0) is missing, not the lowest answer: the 360 self side leaves it out.
    from feedback_helpers import make_request

    from peoplecraft.assessment import services as assessment_services

    assessment = assessment_services.assessment_start(
        owner=owner, guide=imported_guide, scope="skills", skills=[listening]
    )
    answers = {"active-listening-1": 0, "active-listening-2": 4, "active-listening-3": 4, "active-listening-5": 2}
    assessment_services.answers_save(assessment=assessment, answers=answers)
    assessment_services.assessment_complete(assessment=assessment)
    feedback_request, _links = make_request(owner, imported_guide, [listening], [("peer", "p@example.org")])
    assert feedback_request.self_answers == {"active-listening-2": 4, "active-listening-3": 4, "active-listening-5": 2}
