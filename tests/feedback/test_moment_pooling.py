"""Micro-feedback anonymity: pooled per skill across moments, shown only from three answers, in batches."""

from __future__ import annotations

import json
from urllib.parse import urlparse

import pytest
from django.urls import reverse
from feedback_helpers import make_moment, moment_answer

from peoplecraft.feedback import moment_results

pytestmark = pytest.mark.django_db

SECRET = "The only comment so far"
_PEOPLE = iter(range(1, 1000))


def _ask(owner, skill, n):
    """A moment e-mailed to ``n`` new people (answers through pass-on links alone never release)."""
    emails = [f"person{next(_PEOPLE)}@example.org" for _ in range(n)]
    return make_moment(owner, skill, emails=emails, links=0)


def _answer(links, ratings, comments=()):
    paths = [urlparse(link.url).path for link in links]
    comments = list(comments) + [""] * len(ratings)
    for path, rating, comment in zip(paths, ratings, comments, strict=False):
        _client, response = moment_answer(path, rating, comment)
        assert response.status_code == 302


def _everything(client, moment) -> str:
    pages = [
        client.get(reverse("feedback:home")).content.decode(),
        client.get(reverse("feedback:moment", args=[moment.pk])).content.decode(),
        client.get(reverse("feedback:moments_json")).content.decode(),
    ]
    return "\n".join(pages)


def test_below_threshold_nothing_is_shown_anywhere(owner_client, owner, listening):
    first, links_a = _ask(owner, listening, 1)
    _second, links_b = _ask(owner, listening, 1)
    _answer(links_a, [1], [SECRET])
    _answer(links_b, [2])
    shown = _everything(owner_client, first)
    assert SECRET not in shown and "Not enough answers yet" in shown
    document = owner_client.get(reverse("feedback:moments_json")).json()
    assert document["skills"] == [
        {
            "skill": "Active Listening",
            "released": False,
            "release": 0,
            "responses_released": 0,
            "others": None,
            "mean": None,
            "distribution": [],
            "comments": [],
            "released_on": None,
        }
    ]


def test_pooled_across_moments_and_released_in_batches(owner_client, owner, listening):
    _first, links_a = _ask(owner, listening, 2)
    second, links_b = _ask(owner, listening, 5)
    _answer(links_a, [5, 4], ["Kept eye contact", "Asked a good follow-up"])
    _answer(links_b[:1], [3], ["Paraphrased well"])
    (pooled,) = moment_results.pooled_skills(owner=owner)
    assert pooled.released and pooled.responses == 3 and pooled.score == 75.0
    assert sorted(pooled.comments) == ["Asked a good follow-up", "Kept eye contact", "Paraphrased well"]
    _answer(links_b[1:3], [1, 1])  # two more: not a batch, nothing changes
    (after,) = moment_results.pooled_skills(owner=owner)
    assert (after.release, after.responses, after.score) == (1, 3, 75.0)
    page = owner_client.get(reverse("feedback:moment", args=[second.pk])).content.decode()
    assert "Others: 75/100, from 3 answers." in page
    _answer(links_b[3:], [1])  # the third of the batch: released together
    (third,) = moment_results.pooled_skills(owner=owner)
    assert (third.release, third.responses) == (2, 6) and third.score == pytest.approx(100 * (15 - 6) / 24)


def test_comments_need_three_comments_of_their_own(owner, listening):
    _moment, links = _ask(owner, listening, 3)
    _answer(links, [4, 4, 4], ["Good", "Clear"])
    (pooled,) = moment_results.pooled_skills(owner=owner)
    assert pooled.released and pooled.comments == ()
    json_text = json.dumps(moment_results.pooled_document([pooled]))
    assert "Good" not in json_text and "Clear" not in json_text


def test_pools_are_per_skill_and_per_learner(owner, teammate, listening, imported_guide):
    from peoplecraft.skillmap.selectors import skill_find

    other_skill = skill_find(guide=imported_guide, name="Empathy")
    _a, links_a = _ask(owner, listening, 2)
    _b, links_b = _ask(owner, other_skill, 1)
    _answer(links_a, [5, 5])
    _answer(links_b, [1])
    assert [p.released for p in moment_results.pooled_skills(owner=owner)] == [False, False]
    assert moment_results.pooled_skills(owner=teammate) == []
