"""``peoplecraft feedback …`` and ``peoplecraft worker`` in-process: same outcomes as the views."""

from __future__ import annotations

import csv
import io
import json
from datetime import timedelta

import pytest
from django.core import mail
from django.test import Client
from django.utils import timezone
from typer.testing import CliRunner

from peoplecraft.cli.main import app
from peoplecraft.feedback.models import FeedbackRequest, RaterResponse

pytestmark = pytest.mark.django_db
runner = CliRunner()


@pytest.fixture(autouse=True)
def _email_available(settings):
    settings.FEEDBACK_EMAIL_AVAILABLE = True  # the test outbox counts as e-mailing raters


def invoke(*args: str, input: str | None = None):
    return runner.invoke(app, list(args), input=input)


def _deadline(days: int = 10) -> str:
    return (timezone.localdate() + timedelta(days=days)).isoformat()


def _create(*extra: str):
    raters = [arg for i in range(1, 5) for arg in ("--rater", f"peer:p{i}@example.org")]
    return invoke("feedback", "create", "--skill", "Active Listening", *raters, "--deadline", _deadline(), *extra)


def _answer(url: str, value: str, items) -> None:
    path = url.split("127.0.0.1:8000", 1)[1]
    client = Client()
    assert client.get(path).status_code == 302
    assert client.post("/r/", {f"item-{i}": value for i in items} | {"action": "submit"}).status_code == 302


def test_create_mails_links_it_never_prints_then_results_json_and_csv(imported_guide):
    result = _create("--format", "json", "--message", "Thanks!")
    assert result.exit_code == 0, result.output
    document = json.loads(result.stdout)
    assert "links" not in document and document["invited"] == 4 and len(mail.outbox) == 4
    assert "/r/" not in result.output
    feedback_request = FeedbackRequest.objects.get()
    mailed = [next(word for word in message.body.split() if "/r/" in word) for message in mail.outbox]
    for url, value in zip(mailed[:3], "234", strict=False):
        _answer(url, value, feedback_request.item_ids)
    results = json.loads(invoke("feedback", "results", str(feedback_request.pk), "--format", "json").stdout)
    assert results["responses_released"] == 3 and results["items"][0]["groups"][0]["mean"] == 3.0
    rows = list(
        csv.DictReader(io.StringIO(invoke("feedback", "results", str(feedback_request.pk), "--format", "csv").stdout))
    )
    assert rows[0]["group"] == "peer" and rows[0]["n"] == "3"
    text = invoke("feedback", "results", str(feedback_request.pk))
    assert text.exit_code == 0 and "Active Listening" in text.stdout


def test_list_status_links_resend_close(imported_guide):
    assert _create().exit_code == 0
    feedback_request = FeedbackRequest.objects.get()
    listed = json.loads(invoke("feedback", "list", "--format", "json").stdout)
    assert listed[0]["request"] == feedback_request.pk and listed[0]["raters_asked"] == 4
    status = json.loads(invoke("feedback", "status", str(feedback_request.pk), "--format", "json").stdout)
    assert status["release"] == 0 and len(status["raters"]) == 4
    assert "state" not in json.dumps(status) and "answered" not in json.dumps(status)
    links = invoke("feedback", "links", str(feedback_request.pk))
    assert "never see it" in links.stdout and "/r/" not in links.stdout
    resent = invoke("feedback", "resend", str(feedback_request.pk), "p2@example.org")
    assert resent.exit_code == 0 and "/r/" not in resent.output and "by e-mail" in resent.stdout
    assert mail.outbox[-1].to == ["p2@example.org"] and "/r/" in mail.outbox[-1].body
    assert invoke("feedback", "close", str(feedback_request.pk)).exit_code == 0
    feedback_request.refresh_from_db()
    assert feedback_request.closed_at is not None


def test_pass_on_prints_links_once_with_the_warning_and_sends_no_mail(imported_guide):
    result = _create("--pass-on")
    assert result.exit_code == 0 and result.stdout.count("/r/") == 4 and not mail.outbox
    assert "depends on your honesty" in result.stdout
    feedback_request = FeedbackRequest.objects.get()
    assert feedback_request.delivery == "pass_on"
    resent = invoke("feedback", "resend", str(feedback_request.pk), "p2@example.org")
    assert resent.exit_code == 0 and resent.stdout.count("/r/") == 1 and not mail.outbox


def test_email_mode_without_a_mail_server_is_refused_with_the_way_out(imported_guide, settings):
    settings.FEEDBACK_EMAIL_AVAILABLE = False
    result = _create()
    assert result.exit_code == 2 and "PEOPLECRAFT_EMAIL_HOST" in result.stderr and "--pass-on" in result.stderr
    assert not FeedbackRequest.objects.exists()
    assert _create("--pass-on").exit_code == 0


def test_bad_input_exits_2_and_stores_nothing(imported_guide):
    bad = invoke(
        "feedback",
        "create",
        "--skill",
        "Active Listening",
        "--rater",
        "boss:x@example.org",
        "--rater",
        "peer:not-an-email",
        "--deadline",
        "2001-01-01",
    )
    assert bad.exit_code == 2
    assert "unknown group" in bad.stderr and "not a valid e-mail" in bad.stderr and "in the past" in bad.stderr
    assert (
        invoke(
            "feedback", "create", "--skill", "Nope", "--rater", "peer:a@example.org", "--deadline", _deadline()
        ).exit_code
        == 2
    )
    assert (
        invoke(
            "feedback",
            "create",
            "--skill",
            "Active Listening",
            "--rater",
            "peer:a@example.org",
            "--deadline",
            "next week",
        ).exit_code
        == 2
    )
    assert _create("--threshold", "peer=2").exit_code == 2
    assert not FeedbackRequest.objects.exists() and mail.outbox == []
    assert invoke("feedback", "results", "999").exit_code == 2


def test_another_users_request_is_not_found(imported_guide, teammate, listening_for_teammate):
    theirs = listening_for_teammate
    result = invoke("feedback", "status", str(theirs.pk))
    assert result.exit_code == 2 and "No feedback request" in result.stderr


@pytest.fixture
def listening_for_teammate(teammate, tmp_path, guide_path):
    from peoplecraft.feedback import services
    from peoplecraft.skillmap.selectors import skill_find
    from peoplecraft.skillmap.services import guide_import

    guide = guide_import(owner=teammate, path=guide_path)
    skill = skill_find(guide=guide, name="Active Listening")
    feedback_request, _links = services.request_create(
        owner=teammate,
        guide=guide,
        skills=[skill],
        raters=[("peer", "t@example.org")],
        deadline=timezone.localdate() + timedelta(days=5),
        base_url="http://x",
    )
    return feedback_request


@pytest.mark.django_db(transaction=True)  # the worker closes database connections between tasks
def test_remind_and_worker_send_reminders(imported_guide):
    assert _create("--reminder-days", "10").exit_code == 0
    mail.outbox.clear()
    assert "1 request" in invoke("feedback", "remind").stdout
    result = invoke("worker", "--batch")
    assert result.exit_code == 0, result.output
    assert len(mail.outbox) == 4 and "Reminder" in mail.outbox[0].subject
    assert "/r/" not in result.output and not any("@" in line for line in result.output.splitlines())


def test_delete_removes_everything(imported_guide):
    assert _create().exit_code == 0
    feedback_request = FeedbackRequest.objects.get()
    assert invoke("feedback", "delete", str(feedback_request.pk), "--yes").exit_code == 0
    assert not FeedbackRequest.objects.exists() and not RaterResponse.objects.exists()
