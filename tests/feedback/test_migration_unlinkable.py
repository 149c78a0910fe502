"""Migration 0003 (issue 13): states become spent markers, pending answers are sealed, drafts are dropped."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.db import connection
from migration_steps import latest_schema_afterwards  # noqa: F401 - the autouse fixture
from migration_steps import migrate as _migrate

pytestmark = pytest.mark.django_db(transaction=True)

BEFORE = [("feedback", "0002_moments")]
AFTER = [("feedback", "0003_unlinkable_storage")]


def test_existing_data_is_carried_over_without_state_or_readable_drafts(owner, imported_guide):
    from peoplecraft.core import sealing

    old = _migrate(BEFORE)
    Request = old.get_model("feedback", "FeedbackRequest")
    Invitation = old.get_model("feedback", "Invitation")
    Response = old.get_model("feedback", "RaterResponse")
    Reminder = old.get_model("feedback", "ReminderSent")
    request = Request.objects.create(
        owner_id=owner.pk, guide_id=imported_guide.pk, instrument_id="x", deadline=date.today() + timedelta(days=9)
    )
    states = {"a@example.org": "answered", "d@example.org": "declined", "o@example.org": "open"}
    made = {}
    for number, (email, state) in enumerate(states.items()):
        made[email] = Invitation.objects.create(
            request=request, email=email, group="peer", token_hash=f"{number:064d}", state=state,
            draft={"comments": {"keep": "DRAFT TEXT"}} if state == "open" else None,
        )  # fmt: skip
        Reminder.objects.create(invitation=made[email], point=date.today())
    Response.objects.create(
        request=request, group="peer", ratings={"i": 4}, comments={"keep": "PENDING TEXT"}, received_on=date.today()
    )
    Response.objects.create(request=request, group="peer", ratings={"i": 2}, received_on=date.today(), batch=1)

    new = _migrate(AFTER)
    markers = set(new.get_model("feedback", "SpentMarker").objects.values_list("marker", flat=True))
    expected = {sealing.marker("spent", f"invitation:{made[e].pk}") for e in ("a@example.org", "d@example.org")}
    assert markers == expected  # answered and declined alike, the open one not
    sealed = new.get_model("feedback", "SealedResponse").objects.get()
    assert "PENDING" not in sealed.ciphertext
    from peoplecraft.feedback.sealed import RESPONSE, open_json

    assert open_json(sealed.ciphertext, RESPONSE, f"request:{request.pk}")["comments"] == {"keep": "PENDING TEXT"}
    assert list(new.get_model("feedback", "RaterResponse").objects.values_list("batch", flat=True)) == [1]
    assert new.get_model("feedback", "ReminderSent").objects.count() == 1  # one round per request and point
    with connection.cursor() as cursor:
        columns = {c.name for c in connection.introspection.get_table_description(cursor, "feedback_invitation")}
    assert not columns & {"state", "draft"}
