"""Attack 5 of issue 13: answers through links the learner passes on cannot release a pool on their own.

The learner asks one e-mailed rater and takes two "links to pass on", answers both themselves with
known values: the pool must not release (which would isolate the one real answer).
"""

from __future__ import annotations

import json

import pytest
from adversary_helpers import mailed_link, path_of
from django.test import override_settings
from feedback_helpers import make_moment, moment_answer

pytestmark = pytest.mark.django_db


@override_settings(FEEDBACK_EMAIL_AVAILABLE=True)
def test_pass_on_answers_never_reach_the_threshold(owner, owner_client, listening):
    from peoplecraft.feedback.moment_results import pooled_skills

    moment, links = make_moment(owner, listening, emails=["real@example.org"], links=2)
    passed_on = [path_of(link.url) for link in links if not link.email]
    assert len(passed_on) == 2
    from feedback_helpers import rater_client

    notice = rater_client(passed_on[0], "/r/moment/").get("/r/moment/").content.decode()
    assert "handed you this link personally" in notice  # the rater is told, too
    for path in passed_on:  # the learner answers their own pass-on links
        assert moment_answer(path, 1)[1].status_code == 302
    assert moment_answer(mailed_link("real@example.org"), 5)[1].status_code == 302
    assert not pooled_skills(owner=owner)[0].released
    document = json.loads(owner_client.get("/feedback/moments/results.json").content)
    assert document["skills"][0]["released"] is False and document["skills"][0]["distribution"] == []
    page = owner_client.get(f"/feedback/moments/{moment.pk}/").content.decode()
    assert "pass on" in page and "do not count" in page

    # Two more people Peoplecraft e-mailed: now three e-mailed answers, and the pass-on ones join them.
    make_moment(owner, listening, emails=["two@example.org", "three@example.org"], links=0)
    assert moment_answer(mailed_link("two@example.org"), 4)[1].status_code == 302
    assert moment_answer(mailed_link("three@example.org"), 4)[1].status_code == 302
    pooled = pooled_skills(owner=owner)[0]
    assert pooled.released and pooled.responses == 5
