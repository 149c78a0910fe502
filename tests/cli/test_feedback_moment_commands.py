"""``peoplecraft feedback moment|moments``: the same outcomes as the web views."""

from __future__ import annotations

import json

import pytest
from django.core import mail
from django.test import Client
from typer.testing import CliRunner

from peoplecraft.cli.main import app
from peoplecraft.feedback.models import MomentRequest

pytestmark = pytest.mark.django_db
runner = CliRunner()


@pytest.fixture(autouse=True)
def _email_available(settings):
    settings.FEEDBACK_EMAIL_AVAILABLE = True  # the test outbox counts as e-mailing raters


@pytest.fixture(autouse=True)
def _fresh_rate_limit():
    """Rater link hits are counted per address in the process cache; each test starts at zero."""
    from django.core.cache import cache

    cache.clear()


def invoke(*args: str):
    return runner.invoke(app, list(args))


def _answer(url: str, rating: int, comment: str = "") -> None:
    path = "/r/" + url.split("/r/", 1)[1]
    client = Client()
    assert client.get(path).status_code == 302
    assert client.post("/r/moment/", {"rating": str(rating), "comment": comment}).status_code == 302


def test_moment_prints_links_and_mails_raters(imported_guide):
    result = invoke(
        "feedback", "moment", "--skill", "Active Listening", "--question", "How did I listen in the retro?",
        "--rater", "ana@example.org", "--links", "2", "--format", "json",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    document = json.loads(result.stdout)
    assert document["question"] == "How did I listen in the retro?"
    assert document["emailed"] == 1 and len(document["links"]) == 2  # only the links to pass on
    assert [m.to for m in mail.outbox] == [["ana@example.org"]]
    assert mail.outbox[0].body.split("/r/")[1].split("/")[0] not in result.stdout
    text = invoke("feedback", "moment", "--skill", "Active Listening", "--links", "1")
    assert text.exit_code == 0 and "How did I do at Active Listening just now?" in text.stdout and "/r/" in text.stdout


def test_moment_bad_input_exits_2_and_stores_nothing(imported_guide):
    result = invoke("feedback", "moment", "--skill", "Active Listening", "--rater", "nope")
    assert result.exit_code == 2 and "not a valid e-mail address" in result.stderr
    unknown = invoke("feedback", "moment", "--skill", "Juggling", "--links", "1")
    assert unknown.exit_code == 2
    assert not MomentRequest.objects.exists()


def test_moments_shows_nothing_below_threshold_then_the_pooled_score(imported_guide):
    emails = [f"r{n}@example.org" for n in range(3)]
    raters = [arg for email in emails for arg in ("--rater", email)]
    created = invoke("feedback", "moment", "--skill", "Active Listening", *raters, "--format", "json")
    assert created.exit_code == 0 and "/r/" not in created.stdout  # e-mailed links are never shown
    urls = [next(w for w in m.body.split() if "/r/" in w) for m in mail.outbox]
    _answer(urls[0], 2, "Interrupted twice")
    _answer(urls[1], 4)
    below = json.loads(invoke("feedback", "moments", "--format", "json").stdout)
    assert below["skills"][0]["released"] is False and "Interrupted" not in json.dumps(below)
    assert below["moments"][0]["links"] == 3
    assert "not yet" in invoke("feedback", "moments").stdout
    _answer(urls[2], 3)
    released = json.loads(invoke("feedback", "moments", "--format", "json").stdout)["skills"][0]
    assert (released["released"], released["responses_released"], released["others"]) == (True, 3, 50.0)
    assert released["comments"] == []  # one comment: below the comment threshold
