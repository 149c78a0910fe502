"""Migration 0005 (issue 12): requests reminded before it are not reminded again."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from migration_steps import latest_schema_afterwards  # noqa: F401 - the autouse fixture
from migration_steps import migrate as _migrate

pytestmark = pytest.mark.django_db(transaction=True)

BEFORE = [("feedback", "0004_released_results")]
AFTER = [("feedback", "0005_mail_after_commit")]


def test_invitees_of_a_reminded_request_count_as_reminded(owner, imported_guide):
    old = _migrate(BEFORE)
    Request = old.get_model("feedback", "FeedbackRequest")
    Invitation = old.get_model("feedback", "Invitation")
    deadline = date.today() + timedelta(days=2)
    reminded, quiet = (
        Request.objects.create(owner_id=owner.pk, guide_id=imported_guide.pk, instrument_id="x", deadline=deadline)
        for _ in range(2)
    )
    for n, request in enumerate((reminded, quiet)):
        Invitation.objects.create(request=request, email=f"a{n}@example.org", group="peer", token_hash=f"{n:064d}")
    old.get_model("feedback", "ReminderSent").objects.create(request=reminded, point=deadline - timedelta(days=3))

    new = _migrate(AFTER)
    rows = dict(new.get_model("feedback", "Invitation").objects.values_list("request_id", "reminded_for"))
    assert rows == {reminded.pk: deadline - timedelta(days=3), quiet.pk: None}
    assert not new.get_model("feedback", "Invitation").objects.exclude(mail_due_at=None).exists()  # all delivered
