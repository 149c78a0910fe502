"""Migration 0004 (issue 12): requests reminded before it are not reminded again."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

pytestmark = pytest.mark.django_db(transaction=True)

BEFORE = [("feedback", "0003_unlinkable_storage")]
AFTER = [("feedback", "0004_mail_after_commit")]


def _migrate(target):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(target)
    return executor.loader.project_state(target).apps


@pytest.fixture(autouse=True)
def _back_to_the_latest_schema():
    yield
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())


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
