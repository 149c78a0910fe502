"""Attack 2 of issue 13: a backup must not tell who answered, declined or drafted, nor hold unreleased answers.

Three raters of one request: one answered (below the threshold, so nothing is released), one kept
a draft, one declined. The learner makes a backup and reads it: the three invitations must look
the same, and neither the answer nor the draft may be readable.
"""

from __future__ import annotations

import json

import pytest
from adversary_helpers import mailed_link
from django.test import override_settings
from feedback_helpers import make_request, rater_client

pytestmark = pytest.mark.django_db

RATERS = [("peer", "ana@example.org"), ("peer", "ben@example.org"), ("peer", "cy@example.org")]


@override_settings(FEEDBACK_EMAIL_AVAILABLE=True)
def test_backup_holds_nothing_that_tells_raters_apart(owner, imported_guide, listening):
    from peoplecraft.exchange.backup import backup_document, backup_text

    feedback_request, _links = make_request(owner, imported_guide, [listening], RATERS)
    items = feedback_request.item_ids
    answer = {f"item-{i}": "2" for i in items} | {"comment-keep": "ANA-SECRET-ANSWER", "action": "submit"}
    assert rater_client(mailed_link("ana@example.org")).post("/r/", answer).status_code == 302
    draft = {f"item-{items[0]}": "1", "comment-stop": "BEN-SECRET-DRAFT", "action": "draft"}
    assert rater_client(mailed_link("ben@example.org")).post("/r/", draft).status_code == 200
    assert rater_client(mailed_link("cy@example.org")).post("/r/decline/").status_code == 302

    text = backup_text(backup_document())
    assert "ANA-SECRET-ANSWER" not in text and "BEN-SECRET-DRAFT" not in text
    objects = json.loads(text)["objects"]
    invitations = [o["fields"] for o in objects if o["model"] == "feedback.invitation"]
    assert len(invitations) == 3
    for fields in invitations:
        fields.pop("email"), fields.pop("token_hash")
        assert "state" not in fields and "draft" not in fields
    assert invitations[0] == invitations[1] == invitations[2]
    # No row anywhere points at one invitation, and no rating of the pending answer is readable.
    feedback_rows = [o for o in objects if o["model"].startswith("feedback.") and o["model"] != "feedback.invitation"]
    assert not any("invitation" in o["fields"] for o in feedback_rows)
    assert not any(o["model"] == "feedback.raterresponse" for o in objects)  # nothing released yet
