"""Rater pages and e-mails say truthfully who runs this Peoplecraft, and link to the threat model."""

from __future__ import annotations

import pytest
from django.core import mail
from django.test import Client, override_settings
from feedback_helpers import make_request, rater_client

pytestmark = pytest.mark.django_db

RATERS = [("peer", "ana@example.org"), ("peer", "ben@example.org"), ("peer", "cy@example.org")]


def _form_page(owner, guide, skill) -> str:
    _request, links = make_request(owner, guide, [skill], RATERS)
    return rater_client(links[0].url).get("/r/").content.decode()


def test_personal_install_says_the_learner_runs_it_under_their_chosen_name(owner, imported_guide, listening):
    owner.public_name = "Alex Doe"
    owner.save()
    page = _form_page(owner, imported_guide, listening)
    assert "This Peoplecraft is run by Alex Doe, the person asking for feedback" in page
    assert 'href="/r/anonymity/"' in page
    assert owner.username not in page.replace("Peoplecraft", "")  # never the account's user name


@override_settings(ORGANISATION_NAME="Example Ltd")
def test_team_server_says_the_organisation_runs_it(owner, imported_guide, listening):
    page = _form_page(owner, imported_guide, listening)
    assert "This Peoplecraft is run by Example Ltd, not by Your colleague" in page


@override_settings(FEEDBACK_EMAIL_AVAILABLE=True, ORGANISATION_NAME="Example Ltd")
def test_the_invitation_e_mail_says_who_runs_it(owner, imported_guide, listening):
    make_request(owner, imported_guide, [listening], RATERS, delivery="email")
    assert mail.outbox and all("run by Example Ltd" in message.body for message in mail.outbox)


def test_the_threat_model_is_readable_without_an_account_and_says_what_is_not_guaranteed():
    response = Client().get("/r/anonymity/")
    page = response.content.decode()
    assert response.status_code == 200
    assert response["Referrer-Policy"] == "no-referrer"
    assert "<h1>Anonymity of 360° feedback: the threat model</h1>" in page
    assert "What is not guaranteed" in page and "<table>" in page
    assert 'href="feedback.md' not in page  # links to other documents are plain text here
