"""Attack 1 of issue 13: "Send again" must not let the learner tell who answered or read a draft.

The learner can press "Send again" for any rater at any time. In e-mail mode the new link goes to
the rater only: the learner sees no link (page, session, messages, CLI), sees the same thing whether
the rater answered, drafted or did nothing, and the rater's old cookie stops working.
"""

from __future__ import annotations

import pytest
from adversary_helpers import links_in, mailed_link, normalised
from django.core import mail
from django.test import Client, override_settings
from feedback_helpers import make_request, rater_client

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("_email_available")]

RATERS = [("peer", "ana@example.org"), ("peer", "ben@example.org"), ("peer", "cy@example.org")]


@pytest.fixture
def _email_available():
    with override_settings(FEEDBACK_EMAIL_AVAILABLE=True):
        yield


def _request(owner, guide, skill, message="Thank you!"):
    feedback_request, _links = make_request(owner, guide, [skill], RATERS, message=message)
    return feedback_request


def _invitation_id(feedback_request, email):
    from peoplecraft.feedback.selectors import invitation_rows

    return next(row.id for row in invitation_rows(feedback_request=feedback_request) if row.email == email)


def _learner_view(client, feedback_request) -> list[str]:
    """Everything the learner can see of a request, pressing "Send again" for every rater and
    opening any link the product shows them."""
    seen = []
    detail = f"/feedback/{feedback_request.pk}/"
    seen.append(client.get(detail).content.decode())
    for _group, email in RATERS:
        url = f"/feedback/{feedback_request.pk}/invitations/{_invitation_id(feedback_request, email)}/resend/"
        response = client.post(url, follow=True)
        page = response.content.decode()
        seen.append(page)
        for link in links_in(page) + links_in(str(dict(client.session))):
            browser = Client()
            opened = browser.get("/" + link.split("://", 1)[1].split("/", 1)[1], follow=True)
            seen.append(f"{opened.status_code} {opened.content.decode()}")
    return seen


def test_resend_shows_no_link_and_no_difference_between_who_answered(owner, owner_client, imported_guide, listening):
    first = _request(owner, imported_guide, listening, message="Thanks, team.")
    second = _request(owner, imported_guide, listening, message="Thanks, team!")
    items = first.item_ids
    answer = {f"item-{i}": "5" for i in items} | {"action": "submit"}
    draft = {f"item-{items[0]}": "1", "comment-keep": "Ben's draft", "action": "draft"}
    # The same request twice; only who answered, who drafted and who declined differ.
    assert rater_client(mailed_link("ana@example.org", "team.")).post("/r/", answer).status_code == 302
    assert rater_client(mailed_link("ben@example.org", "team.")).post("/r/", draft).status_code == 200
    assert rater_client(mailed_link("cy@example.org", "team!")).post("/r/", answer).status_code == 302
    assert rater_client(mailed_link("ana@example.org", "team!")).post("/r/decline/").status_code == 302

    mail.outbox.clear()
    view_first = _learner_view(owner_client, first)
    view_second = _learner_view(owner_client, second)
    for page in view_first + view_second:
        assert not links_in(page), "the learner was shown a rater link"
    for one, two in zip(view_first, view_second, strict=True):
        assert normalised(one).splitlines() == normalised(two).splitlines()
    # Each rater got their new link by e-mail, marked private for the console backend.
    assert sorted(message.to[0] for message in mail.outbox) == sorted([email for _g, email in RATERS] * 2)
    assert all(message.extra_headers.get("X-Peoplecraft-Private") == "rater" for message in mail.outbox)


def test_a_resent_link_opens_a_fresh_form_and_the_old_cookie_dies(owner, owner_client, imported_guide, listening):
    feedback_request = _request(owner, imported_guide, listening)
    items = feedback_request.item_ids
    ben = rater_client(mailed_link("ben@example.org"))
    assert (
        ben.post("/r/", {f"item-{items[0]}": "1", "comment-keep": "Private thought", "action": "draft"}).status_code
        == 200
    )
    assert "Private thought" in ben.get("/r/").content.decode()  # the rater's own browser keeps it
    url = f"/feedback/{feedback_request.pk}/invitations/{_invitation_id(feedback_request, 'ben@example.org')}/resend/"
    assert owner_client.post(url).status_code == 302
    assert ben.get("/r/").status_code == 410  # the cookie made before "Send again" no longer works
    fresh = rater_client(mailed_link("ben@example.org")).get("/r/")
    assert fresh.status_code == 200 and "Private thought" not in fresh.content.decode()
