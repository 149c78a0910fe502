"""Micro-feedback after a moment: the learner's create view, the moment page, the rater's one-question page."""

from __future__ import annotations

from urllib.parse import urlparse

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from feedback_helpers import make_moment, moment_answer, rater_client

from peoplecraft.feedback.models import MomentInvitation, MomentRequest, MomentResponse, SealedMomentResponse

pytestmark = pytest.mark.django_db


def _paths(links):
    return [urlparse(link.url).path for link in links]


def test_create_mails_addresses_makes_links_and_shows_them_once(owner_client, listening):
    data = {"skill": listening.pk, "question": "", "emails": "ana@example.org, bo@example.org", "links": "2"}
    response = owner_client.post(reverse("feedback:moment_create"), data)
    moment = MomentRequest.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse("feedback:moment", args=[moment.pk])
    assert moment.question == "How did I do at Active Listening just now?"
    assert [m.to for m in mail.outbox] == [["ana@example.org"], ["bo@example.org"]]
    assert moment.question in mail.outbox[0].body and "/r/" in mail.outbox[0].body
    assert all(m.extra_headers["X-Peoplecraft-Private"] == "rater" for m in mail.outbox)
    assert MomentInvitation.objects.filter(moment=moment).count() == 4
    page = owner_client.get(response["Location"]).content.decode()
    assert page.count("/r/") == 2 and "shown only now" in page  # only the two to pass on
    assert mail.outbox[0].body.split("/r/")[1].split("/")[0] not in page
    assert "do not count toward the three answers" in page
    assert "/r/" not in owner_client.get(response["Location"]).content.decode()


def test_create_bad_input_is_a_400_with_every_problem_and_nothing_stored(owner_client, listening):
    data = {"skill": listening.pk, "emails": "nope, a@example.org, A@example.org", "links": "0"}
    response = owner_client.post(reverse("feedback:moment_create"), data)
    body = response.content.decode()
    assert response.status_code == 400 and "not a valid e-mail address" in body and "listed twice" in body
    assert not MomentRequest.objects.exists() and mail.outbox == []
    empty = owner_client.post(reverse("feedback:moment_create"), {"skill": listening.pk, "links": "0"})
    assert empty.status_code == 400 and "at least one e-mail address" in empty.content.decode()


def test_create_htmx_error_returns_the_form_partial(owner_client, listening):
    response = owner_client.post(
        reverse("feedback:moment_create"), {"skill": listening.pk, "links": "0"}, headers={"HX-Request": "true"}
    )
    body = response.content.decode()
    assert response.status_code == 400 and body.lstrip().startswith("<form") and "<html" not in body


def test_home_full_page_shows_the_moment_form(owner_client, imported_guide):
    body = owner_client.get(reverse("feedback:home")).content.decode()
    assert "Micro-feedback after a moment" in body and 'id="moment-form"' in body and "<html" in body


def test_outsider_gets_404_for_a_moment_and_cannot_ask_about_its_skills(client, outsider, owner, listening):
    moment, _links = make_moment(owner, listening)
    client.force_login(outsider)
    assert client.get(reverse("feedback:moment", args=[moment.pk])).status_code == 404
    assert client.post(reverse("feedback:moment_close", args=[moment.pk])).status_code == 404
    assert client.post(reverse("feedback:moment_create"), {"skill": listening.pk, "links": "1"}).status_code in (
        400,
        404,
    )
    assert MomentRequest.objects.count() == 1


def test_rater_page_is_one_labelled_question_without_the_token(owner, listening):
    _moment, links = make_moment(owner, listening, question="How did I listen in today's retro?")
    client = rater_client(_paths(links)[0], "/r/moment/")
    response = client.get("/r/moment/")
    body = response.content.decode()
    assert response.status_code == 200 and response["Referrer-Policy"] == "no-referrer"
    assert "How did I listen in today&#x27;s retro?" in body
    assert body.count('type="radio" name="rating"') == 5 and "<legend>" in body
    assert 'for="moment-comment"' in body and _paths(links)[0] not in body


def test_answer_is_stored_once_without_link_to_moment_or_rater(owner, listening):
    _moment, links = make_moment(owner, listening)
    path = _paths(links)[0]
    client, response = moment_answer(path, 4, "You let Sam finish.")
    assert response.status_code == 302 and response["Location"] == reverse("rater:done")
    sealed = SealedMomentResponse.objects.get()  # pending: sealed, nothing readable
    assert sealed.passed_on and "Sam" not in sealed.ciphertext and not MomentResponse.objects.exists()
    field_names = {f.name for f in MomentResponse._meta.get_fields()}
    assert field_names == {"id", "pool", "rating", "comment", "received_on", "batch"}
    assert Client().get(path).status_code == 410  # used: the link no longer works
    assert client.post("/r/moment/", {"rating": "1"}).status_code == 410
    assert SealedMomentResponse.objects.count() == 1


def test_rater_bad_answer_is_a_400_and_htmx_gets_the_partial(owner, listening):
    _moment, links = make_moment(owner, listening)
    client = rater_client(_paths(links)[0], "/r/moment/")
    response = client.post("/r/moment/", {"rating": "9"})
    assert response.status_code == 400 and "Choose one of the five answers" in response.content.decode()
    partial = client.post("/r/moment/", {"rating": ""}, headers={"HX-Request": "true"})
    assert partial.status_code == 400 and partial.content.decode().lstrip().startswith("<form")
    assert not MomentResponse.objects.exists()


def test_expired_or_closed_links_are_gone_and_unknown_is_404(owner, listening):
    from peoplecraft.feedback import moment_services

    moment, links = make_moment(owner, listening)
    assert Client().get("/r/" + "x" * 43 + "/").status_code == 404
    moment_services.moment_close(moment=moment)
    assert Client().get(_paths(links)[0]).status_code == 410
    _old, expired = make_moment(owner, listening, expires_days=-1)
    assert Client().get(_paths(expired)[0]).status_code == 410


def test_learner_cannot_answer_their_own_moment(owner_client, owner, listening):
    _moment, links = make_moment(owner, listening)
    owner_client.get(_paths(links)[0])
    assert owner_client.post("/r/moment/", {"rating": "5"}).status_code == 403
    assert not MomentResponse.objects.exists()


def test_full_request_cookie_does_not_open_the_moment_page(peer_request):
    _request, links = peer_request
    client = rater_client(next(iter(links.values())))
    assert client.get("/r/moment/").status_code == 410
