"""Attack 4 of issue 13: reminders must not tell the learner who has not answered.

Every invitee gets the same reminder (worded for those who already answered too), with no link
(a reminder does not change anyone's link), once per schedule point.
"""

from __future__ import annotations

import pytest
from adversary_helpers import links_in, mailed_link
from django.core import mail
from django.test import override_settings
from feedback_helpers import make_request, rater_client

pytestmark = pytest.mark.django_db

RATERS = [("peer", "ana@example.org"), ("peer", "ben@example.org"), ("peer", "cy@example.org")]


@override_settings(FEEDBACK_EMAIL_AVAILABLE=True)
def test_every_invitee_gets_the_same_reminder_without_a_link(owner, imported_guide, listening):
    from peoplecraft.feedback.reminders import reminder_point, reminders_send

    feedback_request, _links = make_request(owner, imported_guide, [listening], RATERS)
    items = feedback_request.item_ids
    ben = rater_client(mailed_link("ben@example.org"))
    assert (
        rater_client(mailed_link("ana@example.org"))
        .post("/r/", {f"item-{i}": "3" for i in items} | {"action": "submit"})
        .status_code
        == 302
    )
    assert rater_client(mailed_link("cy@example.org")).post("/r/decline/").status_code == 302
    mail.outbox.clear()

    point = reminder_point(feedback_request)
    reminders_send(request_id=feedback_request.pk, point=point)
    reminders_send(request_id=feedback_request.pk, point=point)  # twice: nothing is sent twice
    assert sorted(m.to[0] for m in mail.outbox) == sorted(email for _group, email in RATERS)
    assert len({(m.subject, m.body) for m in mail.outbox}) == 1  # the very same text for everyone
    reminder = mail.outbox[0]
    assert not links_in(reminder.body) and "already answered" in reminder.body
    assert all(m.extra_headers.get("X-Peoplecraft-Private") == "rater" for m in mail.outbox)
    assert ben.get("/r/").status_code == 200  # a reminder does not take anyone's link away
