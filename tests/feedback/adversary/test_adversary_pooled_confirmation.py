"""Issue 16: a *pooled* practice confirmation never tells the learner what its rater answered.

The learner logs one practice, asks for a pooled confirmation through a link they pass on, and the
other person answers "Not really" with a comment. Below the pool's threshold nothing is released, so
the learner must not find the answer (nor its comment) in any page, the JSON export, the command
line or a backup -- and no page about the entry may change at all when the answer arrives.
"""

from __future__ import annotations

import json

import pytest
from adversary_helpers import normalised, path_of
from django.urls import reverse
from django.utils import timezone
from feedback_helpers import BASE, rater_client
from typer.testing import CliRunner

pytestmark = pytest.mark.django_db

SECRET = "POOLED-SECRET-you-talked-over-me"


def _pages(client, entry, listening, moment) -> dict[str, str]:
    urls = {
        "log": reverse("practice:log"),
        "skill": reverse("skillmap:skill", args=[listening.pk]),
        "practice": reverse("practice:today"),
        "feedback home": reverse("feedback:home"),
        "moment": reverse("feedback:moment", args=[moment.pk]),
        "ask page": reverse("feedback:confirm", args=[entry.pk]),
        "moments json": reverse("feedback:moments_json"),
        "strength chart": reverse("practice:strength-chart", args=[listening.pk]),
    }
    return {name: normalised(client.get(url).content.decode()) for name, url in urls.items()}


def _cli() -> str:
    from peoplecraft.cli.main import app

    runner = CliRunner()
    outputs = [
        runner.invoke(app, ["feedback", "moments", "--format", "json"]),
        runner.invoke(app, ["practice", "today", "--format", "json"]),
    ]
    for result in outputs:
        assert result.exit_code == 0, result.output
    return "\n".join(normalised(result.stdout) for result in outputs)


def test_the_learner_cannot_learn_a_pooled_raters_answer(owner_client, owner, listening):
    from peoplecraft.exchange.backup import backup_document, backup_text
    from peoplecraft.feedback import confirm_services
    from peoplecraft.practice import services

    entry = services.practice_entry_log(
        owner=owner, skill=listening, occurred_on=timezone.localdate(), situation="Sam's worry"
    )
    moment, link = confirm_services.confirmation_create(owner=owner, entry_id=entry.pk, base_url=BASE, attributed=False)
    owner_client.get(reverse("feedback:moment", args=[moment.pk]))  # the one showing of the link is spent
    before_pages, before_cli = _pages(owner_client, entry, listening, moment), _cli()

    client = rater_client(path_of(link.url), "/r/moment/")
    assert client.post("/r/moment/", {"answer": "not_really", "comment": SECRET}).status_code == 302

    after_pages, after_cli = _pages(owner_client, entry, listening, moment), _cli()
    for name, page in after_pages.items():
        assert SECRET not in page, name
        assert page == before_pages[name], f"{name} changed when the pooled answer arrived"
    assert after_cli == before_cli and SECRET not in after_cli

    text = backup_text(backup_document())
    assert SECRET not in text and "not_really" not in text
    objects = json.loads(text)["objects"]
    assert not [o for o in objects if o["model"] == "feedback.attributedconfirmation"]
    assert not [o for o in objects if o["model"] in {"feedback.momentresponse", "feedback.releasedscore"}]
    # The moment row says only what the learner chose when asking: nothing about the answer.
    (row,) = [o["fields"] for o in objects if o["model"] == "feedback.momentrequest"]
    assert row["attributed"] is False and row["practice_entry_id"] == entry.pk
