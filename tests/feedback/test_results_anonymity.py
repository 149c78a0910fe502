"""Black-box: below-threshold groups and single raters never leak through any page, export or the admin."""

from __future__ import annotations

import csv
import io
import json

import pytest
from django.test import Client
from django.urls import reverse
from feedback_helpers import answer

from peoplecraft.feedback import services
from peoplecraft.feedback.models import Release

pytestmark = pytest.mark.django_db

SECRET = "The mentor's very particular comment"


def _answer_peers(links, items, values=(2, 3, 4)):
    for index, value in enumerate(values, start=1):
        assert (
            answer(links[f"peer{index}@example.org"], items, value, {"keep": f"Peer comment {index}"}).status_code
            == 302
        )


def _all_outputs(client, feedback_request) -> str:
    urls = [
        reverse(f"feedback:{name}", args=[feedback_request.pk])
        for name in ("detail", "results", "export_json", "export_csv")
    ]
    return "\n".join(client.get(url).content.decode() for url in urls)


def test_three_peers_release_and_a_lone_mentor_never_shows(owner_client, peer_request):
    feedback_request, links = peer_request
    items = feedback_request.item_ids
    _answer_peers(links, items)
    assert answer(links["mentor@example.org"], items, 1, {"keep": SECRET}).status_code == 302
    document = owner_client.get(reverse("feedback:export_json", args=[feedback_request.pk])).json()
    assert document["released"] and document["responses_released"] == 3
    groups = {g["group"] for item in document["items"] for g in item["groups"]}
    assert groups == {"peer"}  # the mentor (1) is neither shown nor in any total
    assert all(item["overall"] is None for item in document["items"])  # 3 < the overall threshold of 4
    assert document["items"][0]["groups"][0]["mean"] == 3.0
    outputs = _all_outputs(owner_client, feedback_request)
    assert SECRET not in outputs and "Peer comment" in outputs
    assert (
        "mentor@example.org"
        in owner_client.get(reverse("feedback:detail", args=[feedback_request.pk])).content.decode()
    )
    rows = list(
        csv.DictReader(
            io.StringIO(owner_client.get(reverse("feedback:export_csv", args=[feedback_request.pk])).content.decode())
        )
    )
    assert {row["group"] for row in rows} == {"peer"} and all(row["n"] == "3" for row in rows)


def test_small_groups_arriving_first_are_shown_only_combined(owner_client, peer_request):
    feedback_request, links = peer_request
    items = feedback_request.item_ids
    assert answer(links["mentor@example.org"], items, 1, {"keep": SECRET}).status_code == 302
    _answer_peers(links, items)  # the batch of three: the mentor and two peers
    document = owner_client.get(reverse("feedback:export_json", args=[feedback_request.pk])).json()
    assert {g["group"] for item in document["items"] for g in item["groups"]} == {"others"}
    assert document["items"][0]["groups"][0]["n"] == 3
    assert '"mentor"' not in json.dumps(document)  # the comment is shown, pooled with two peers, never as "mentor"


def test_a_fourth_answer_waits_for_the_next_batch(owner_client, peer_request):
    feedback_request, links = peer_request
    items = feedback_request.item_ids
    _answer_peers(links, items)
    before = owner_client.get(reverse("feedback:export_json", args=[feedback_request.pk])).json()
    assert answer(links["peer4@example.org"], items, 5, {"keep": "Fourth peer"}).status_code == 302
    after = owner_client.get(reverse("feedback:export_json", args=[feedback_request.pk])).json()
    for document in (before, after):
        for item in document["items"]:
            for group in item["groups"]:
                group.pop("distribution") and None
    before["comments"][0]["texts"].sort()
    after["comments"][0]["texts"].sort()
    assert after == before  # nothing changes until a step of three
    assert Release.objects.count() == 1
    services.request_close(feedback_request=feedback_request)
    closed = owner_client.get(reverse("feedback:export_json", args=[feedback_request.pk])).json()
    assert closed["items"][0]["groups"][0]["n"] == 3  # closing releases it, but the guard keeps it hidden
    assert "Fourth peer" not in json.dumps(closed)


def test_no_per_rater_rows_order_or_times_anywhere(owner_client, peer_request):
    feedback_request, links = peer_request
    _answer_peers(links, feedback_request.item_ids, values=(1, 5, 3))
    outputs = _all_outputs(owner_client, feedback_request)
    assert "received_on" not in outputs and '"batch"' not in outputs
    document = owner_client.get(reverse("feedback:export_json", args=[feedback_request.pk])).json()
    assert set(document) == {
        "request",
        "deadline",
        "closed",
        "released",
        "release",
        "responses_released",
        "skills",
        "items",
        "comments",
    }
    assert document["items"][0]["groups"][0]["distribution"] == [1, 0, 1, 0, 1]


def test_admin_never_shows_rater_answers_or_who_answered(owner, peer_request):
    feedback_request, links = peer_request
    _answer_peers(links, feedback_request.item_ids)
    answer(links["mentor@example.org"], feedback_request.item_ids, 1, {"keep": SECRET})
    client = Client()
    client.force_login(owner)  # the owner is also the superuser
    pages = [
        "/admin/feedback/feedbackrequest/",
        f"/admin/feedback/feedbackrequest/{feedback_request.pk}/change/",
        "/admin/feedback/invitation/",
        f"/admin/feedback/invitation/{feedback_request.invitations.first().pk}/change/",
    ]
    for url in [*pages, "/admin/feedback/raterresponse/", "/admin/feedback/release/"]:
        response = client.get(url)  # no feedback model is in the admin (tests/feedback/adversary/)
        assert response.status_code == 404, url
        assert SECRET not in response.content.decode(), url


def test_another_user_reaches_nothing(client, outsider, peer_request):
    feedback_request, _links = peer_request
    client.force_login(outsider)
    invitation = feedback_request.invitations.first()
    gets = ["detail", "results", "export_json", "export_csv", "chart", "self"]
    for name in gets:
        assert client.get(reverse(f"feedback:{name}", args=[feedback_request.pk])).status_code == 404, name
    for name in ("close", "delete", "self"):
        assert client.post(reverse(f"feedback:{name}", args=[feedback_request.pk])).status_code == 404, name
    assert client.post(reverse("feedback:resend", args=[feedback_request.pk, invitation.pk])).status_code == 404
    feedback_request.refresh_from_db()
    assert feedback_request.closed_at is None
