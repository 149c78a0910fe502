"""Reminders through the real task queue and worker; one answer per token under concurrent submits."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.db import connection
from feedback_helpers import answer, rater_client

from peoplecraft.feedback.models import RaterResponse, ReminderSent, SealedResponse, SpentMarker
from peoplecraft.feedback.reminders import reminders_enqueue


@pytest.mark.django_db(transaction=True)  # the worker closes database connections between tasks
def test_remind_enqueues_once_and_the_worker_reminds_everyone_without_a_link(peer_request):
    from django_tasks_db.models import DBTaskResult

    feedback_request, links = peer_request
    answer(links["peer1@example.org"], feedback_request.item_ids, 4)
    mail.outbox.clear()
    today = feedback_request.deadline - timedelta(days=feedback_request.reminder_days)
    assert reminders_enqueue(today=today - timedelta(days=1)) == 0  # not yet due
    assert reminders_enqueue(today=today) == 1
    task = DBTaskResult.objects.get()
    assert task.args_kwargs["args"] == [feedback_request.pk, today.isoformat()]  # the request only, no rater
    call_command("db_worker", batch=True, startup_delay=False, reload=False, verbosity=0)
    reminded = sorted(message.to[0] for message in mail.outbox)
    # Everyone, answered or not: nothing Peoplecraft can read says who answered.
    assert reminded == ["mentor@example.org"] + [f"peer{n}@example.org" for n in range(1, 5)]
    assert all("Reminder" in message.subject and "/r/" not in message.body for message in mail.outbox)
    assert ReminderSent.objects.count() == 1
    # Idempotent: a second run queues nothing new, and re-running the task sends nothing twice.
    assert reminders_enqueue(today=today) == 0
    from peoplecraft.feedback.reminders import reminders_send

    reminders_send(request_id=feedback_request.pk, point=today)
    assert len(mail.outbox) == 5
    rater_client(links["peer2@example.org"])  # the invitation's link still works after the reminder


@pytest.mark.django_db(transaction=True)
def test_a_token_answers_exactly_once_under_fifty_concurrent_submissions(peer_request):
    feedback_request, links = peer_request
    client = rater_client(links["peer1@example.org"])
    cookie = client.cookies["pc_rater"].value
    data = {f"item-{item}": "3" for item in feedback_request.item_ids} | {"action": "submit"}

    def submit(_n):
        from django.test import Client

        worker = Client(raise_request_exception=False)
        worker.cookies["pc_rater"] = cookie
        try:
            return worker.post("/r/", data).status_code
        finally:
            connection.close()

    with ThreadPoolExecutor(max_workers=10) as pool:
        statuses = list(pool.map(submit, range(50)))
    # Exactly one wins. The others see 410 -- or, on the in-memory SQLite test database (shared-cache
    # mode has no busy timeout), an immediate "table is locked" error; either way nothing is stored.
    assert statuses.count(302) == 1 and set(statuses) <= {302, 410, 500}, statuses
    assert SealedResponse.objects.count() == 1 and SpentMarker.objects.count() == 1
    assert not RaterResponse.objects.exists()  # one answer is below the batch: still sealed
