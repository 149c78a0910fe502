"""The public rater area: token exchange, answering once, drafts, declining, and everything that must fail."""

from __future__ import annotations

import logging

import pytest
from django.test import Client
from django.utils import timezone
from feedback_helpers import answer, rater_client

from peoplecraft.feedback import services
from peoplecraft.feedback.models import Draft, Invitation, RaterResponse, SealedResponse, SpentMarker

pytestmark = pytest.mark.django_db


def test_link_swaps_token_for_cookie_and_shows_the_form(peer_request):
    feedback_request, links = peer_request
    client = Client()
    response = client.get(links["peer1@example.org"])
    assert response.status_code == 302 and response["Location"] == "/r/"
    assert response["Referrer-Policy"] == "no-referrer"
    cookie = response.cookies["pc_rater"]
    assert cookie["httponly"] and cookie["path"] == "/r/" and cookie["samesite"] == "Lax"
    page = client.get("/r/")
    body = page.content.decode()
    assert page.status_code == 200 and page["Referrer-Policy"] == "no-referrer"
    assert "Be frank, please." in body and "In the last month, they " in body  # third-person items
    assert "Don&#x27;t know" in body or "Don't know" in body
    # Each item shows its own anchors: occasions for "when ..." items, counts for events.
    assert "None of the occasions" in body and "More than 10 times" in body and "Think of the last month only" in body
    assert "know / no such occasion" in body
    for email in links:
        assert email not in body  # raters never see anyone's address
    assert feedback_request.owner.email not in body or not feedback_request.owner.email


def test_guessing_a_token_is_a_plain_404(peer_request):
    response = Client().get("/r/" + "A" * 43 + "/")
    assert response.status_code == 404 and response["Referrer-Policy"] == "no-referrer"
    assert "feedback" not in response.content.decode().lower().split("<main", 1)[1][:40]
    assert Client().get("/r/").status_code == 410  # no cookie: nothing to show


def test_answer_once_stores_an_unlinked_response_and_deletes_the_draft(peer_request):
    feedback_request, links = peer_request
    items = feedback_request.item_ids
    client = rater_client(links["peer1@example.org"])
    draft = client.post("/r/", {f"item-{items[0]}": "2", "comment-keep": "Summarises well", "action": "draft"})
    assert draft.status_code == 200 and "Draft saved" in draft.content.decode()
    stored_draft = Draft.objects.get()  # sealed with a key from the token: nothing readable is stored
    assert "Summarises" not in stored_draft.ciphertext and stored_draft.request_id == feedback_request.pk
    assert "Summarises well" in client.get("/r/").content.decode()  # the draft comes back
    done = client.post("/r/", {f"item-{items[0]}": "2", f"item-{items[1]}": "dk", "action": "submit"})
    assert done.status_code == 302 and done["Location"] == "/r/done/"
    assert not Draft.objects.exists() and SpentMarker.objects.count() == 1
    assert SealedResponse.objects.count() == 1 and not RaterResponse.objects.exists()  # sealed until released
    # The same link can neither answer again nor change the answer.
    assert client.post("/r/", {f"item-{items[0]}": "5", "action": "submit"}).status_code == 410
    again = Client().get(links["peer1@example.org"])
    assert again.status_code == 410 and "already answered" in again.content.decode()
    services.request_close(feedback_request=feedback_request)  # the final release opens the sealed answer
    assert not SealedResponse.objects.exists()
    stored = RaterResponse.objects.get()
    assert stored.ratings[items[0]] == 2 and stored.ratings[items[1]] is None
    assert stored.received_on == timezone.localdate() and len(str(stored.pk)) == 36
    field_names = {field.name for field in RaterResponse._meta.get_fields()}
    assert not field_names & {"invitation", "email", "rater", "created_at"}
    assert {field.name for field in Invitation._meta.get_fields()}.isdisjoint({"state", "draft"})


def test_tampered_and_out_of_range_answers_store_nothing(peer_request):
    feedback_request, links = peer_request
    client = rater_client(links["peer2@example.org"])
    tampered = client.post("/r/", {"item-not-an-item": "3", "action": "submit"})
    assert tampered.status_code == 400 and "not a statement of this request" in tampered.content.decode()
    out_of_range = client.post("/r/", {f"item-{feedback_request.item_ids[0]}": "9", "action": "submit"})
    assert out_of_range.status_code == 400 and "not on the scale" in out_of_range.content.decode()
    empty = client.post("/r/", {"action": "submit"})
    assert empty.status_code == 400 and "decline" in empty.content.decode()
    assert not RaterResponse.objects.exists() and not SealedResponse.objects.exists()
    assert not SpentMarker.objects.exists()  # the link still works


def test_htmx_post_returns_the_form_partial(peer_request):
    feedback_request, links = peer_request
    client = rater_client(links["peer3@example.org"])
    response = client.post(
        "/r/", {f"item-{feedback_request.item_ids[0]}": "3", "action": "draft"}, HTTP_HX_REQUEST="true"
    )
    body = response.content.decode()
    assert response.status_code == 200 and body.lstrip().startswith("<form") and "<html" not in body


def test_decline_spends_the_link_and_keeps_nothing(peer_request):
    _request, links = peer_request
    client = rater_client(links["mentor@example.org"])
    response = client.post("/r/decline/")
    assert response.status_code == 302 and response["Location"] == "/r/done/"
    assert SpentMarker.objects.count() == 1  # spent exactly like an answer: the two are not told apart
    assert not RaterResponse.objects.exists() and not SealedResponse.objects.exists()
    assert Client().get(links["mentor@example.org"]).status_code == 410


def test_closing_or_the_deadline_stops_links(peer_request):
    feedback_request, links = peer_request
    client = rater_client(links["peer1@example.org"])
    draft = {f"item-{feedback_request.item_ids[0]}": "3", "action": "draft"}
    assert client.post("/r/", draft).status_code == 200 and Draft.objects.count() == 1
    services.request_close(feedback_request=feedback_request)
    assert not Draft.objects.exists()  # closing deletes the drafts
    assert client.get("/r/").status_code == 410
    assert Client().get(links["peer2@example.org"]).status_code == 410


def test_past_deadline_stops_links(peer_request):
    feedback_request, links = peer_request
    feedback_request.__class__.objects.filter(pk=feedback_request.pk).update(
        deadline=timezone.localdate().replace(year=2000)
    )
    response = Client().get(links["peer1@example.org"])
    assert response.status_code == 410 and "no longer works" in response.content.decode()


def test_the_learner_cannot_answer_their_own_request(peer_request, owner):
    _request, links = peer_request
    client = Client()
    client.force_login(owner)
    client.get(links["peer1@example.org"])
    assert client.get("/r/").status_code == 403


def test_csrf_holds_on_the_rater_form(peer_request):
    feedback_request, links = peer_request
    client = Client(enforce_csrf_checks=True)
    client.get(links["peer1@example.org"])
    response = client.post("/r/", {f"item-{feedback_request.item_ids[0]}": "3", "action": "submit"})
    assert response.status_code == 403
    assert not RaterResponse.objects.exists()


def test_the_token_endpoint_is_rate_limited(peer_request, settings):
    from django.core.cache import cache

    cache.clear()
    settings.FEEDBACK_TOKEN_RATE_LIMIT = 5
    client = Client(REMOTE_ADDR="203.0.113.9")
    statuses = [client.get("/r/" + f"{n:043d}" + "/").status_code for n in range(6)]
    assert statuses == [404] * 5 + [429]
    _request, links = peer_request
    assert client.get(links["peer1@example.org"]).status_code == 429  # even a real link waits
    assert Client(REMOTE_ADDR="198.51.100.1").get(links["peer1@example.org"]).status_code == 302
    cache.clear()


def test_tokens_never_reach_the_logs(peer_request, caplog):
    _request, links = peer_request
    token_path = links["peer1@example.org"]
    from peoplecraft.feedback.logsafe import RedactRaterTokens

    handler_filter = RedactRaterTokens()
    with caplog.at_level(logging.WARNING, logger="django.request"):
        Client().get("/r/" + "B" * 43 + "/")
        Client().get(token_path)
        answer(token_path, [])  # an empty answer: a 400, which Django logs with its path
    for record in caplog.records:
        handler_filter.filter(record)
        assert "B" * 43 not in record.getMessage() and token_path.strip("/").split("/")[1] not in record.getMessage()
    assert any("/r/[token]/" in record.getMessage() for record in caplog.records)


def test_tokens_are_long_random_and_stored_only_hashed(peer_request):
    _request, links = peer_request
    token = links["peer1@example.org"].strip("/").split("/")[1]
    assert len(token) >= 43  # 256 bits in URL-safe base64
    hashes = set(Invitation.objects.values_list("token_hash", flat=True))
    assert token not in hashes and all(len(h) == 64 for h in hashes)
