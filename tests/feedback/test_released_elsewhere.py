"""Released 360° results feed the skill map, the focus recommendations, journal prompts and the weekly
review -- and nothing below a threshold reaches any of them."""

from __future__ import annotations

from urllib.parse import urlparse

import pytest
from django.urls import reverse
from feedback_helpers import answer, make_moment, make_request, moment_answer

from peoplecraft.assessment import scoring
from peoplecraft.feedback import services

pytestmark = pytest.mark.django_db


_PEOPLE = iter(range(1, 1000))


def _moment_answers(owner, skill, ratings, comments=()):
    """People Peoplecraft e-mailed answer (answers through pass-on links alone never release)."""
    emails = [f"someone{next(_PEOPLE)}@example.org" for _ in ratings]
    _moment, links = make_moment(owner, skill, emails=emails, links=0)
    comments = list(comments) + [""] * len(ratings)
    for link, rating, comment in zip(links, ratings, comments, strict=False):
        assert moment_answer(urlparse(link.url).path, rating, comment)[1].status_code == 302


def _skill_id_chip(body: str) -> bool:
    return 'class="chip-others"' in body


# --- the pure ranking ---------------------------------------------------------------------------


def test_blind_spot_ranks_a_skill_up_and_the_reason_says_so():
    # SEM 5 points: a blind spot needs a gap beyond 1.96 * sqrt(2) * 5 = 13.9 points.
    skills = [
        scoring.SkillSnapshot("Listening", "A", "todo", 40.0, sem=5.0),
        scoring.SkillSnapshot("Empathy", "A", "todo", 80.0, sem=5.0),
        scoring.SkillSnapshot("Feedback", "A", "todo", 50.0, sem=5.0),
    ]
    plain = scoring.focus_recommendations(skills)
    assert [f.skill for f in plain] == ["Listening", "Feedback", "Empathy"]
    focus = scoring.focus_recommendations(skills, others={"empathy": 62.0, "Feedback": 45.0})
    assert [f.skill for f in focus] == ["Empathy", "Listening", "Feedback"]
    assert focus[0].reason == "Others rate you 18 points below your own score (blind spot)."
    assert "blind spot" not in focus[2].reason  # 5 points below: agreement, not a blind spot
    named = scoring.focus_recommendations(skills, priorities=["Empathy"], others={"Empathy": 62.0})
    assert (
        named[0].reason == "You named this a priority, and others rate you 18 points below your own score (blind spot)."
    )


# --- skill map chip -------------------------------------------------------------------------------


def test_skill_map_and_skill_page_show_others_only_once_released(owner_client, owner, listening):
    _moment_answers(owner, listening, [4, 4])
    map_page = owner_client.get(reverse("skillmap:map")).content.decode()
    skill_page = owner_client.get(reverse("skillmap:skill", args=[listening.pk])).content.decode()
    assert not _skill_id_chip(map_page) and "Others:" not in skill_page
    _moment_answers(owner, listening, [4])
    map_page = owner_client.get(reverse("skillmap:map")).content.decode()
    skill_page = owner_client.get(reverse("skillmap:skill", args=[listening.pk])).content.decode()
    assert _skill_id_chip(map_page) and "others: 75" in map_page
    assert "Others: <strong>75/100</strong>" in skill_page and "micro-feedback" in skill_page


def test_a_released_request_gives_the_chip(owner_client, owner, imported_guide, listening):
    feedback_request, paths = _closed_with_low_peers(owner, imported_guide, listening)
    for path in paths[:3]:
        assert answer(path, feedback_request.item_ids, value=1).status_code == 302
    body = owner_client.get(reverse("skillmap:skill", args=[listening.pk])).content.decode()
    assert "Others:" not in body  # three peers: shown as peers, but "all raters" needs four
    for path in paths[3:]:
        assert answer(path, feedback_request.item_ids, value=1).status_code == 302
    body = owner_client.get(reverse("skillmap:skill", args=[listening.pk])).content.decode()
    assert "Others: <strong>" in body and f"feedback request {feedback_request.pk}" in body


# --- focus recommendations ------------------------------------------------------------------------


def _assessed(owner, guide):
    from peoplecraft.assessment import selectors as assessment_selectors
    from peoplecraft.assessment import services as assessment_services

    area = assessment_selectors.guide_area(guide=guide, number=2)
    assessment = assessment_services.assessment_start(owner=owner, guide=guide, scope="area", area=area)
    items = assessment_selectors.assessment_items(assessment=assessment)
    assessment_services.answers_save(
        assessment=assessment, answers={item.id: 5 if item.key == 1 else 1 for item in items}
    )
    return assessment_services.assessment_complete(assessment=assessment)


def test_focus_reason_names_a_released_blind_spot_and_ignores_unreleased(owner, imported_guide):
    from peoplecraft.assessment.results import assessment_results
    from peoplecraft.skillmap.selectors import skill_find

    empathy = skill_find(guide=imported_guide, name="Empathy")
    done = _assessed(owner, imported_guide)
    _moment_answers(owner, empathy, [1, 1])
    assert all("blind spot" not in f.reason for f in assessment_results(assessment=done).focus)
    _moment_answers(owner, empathy, [1])
    focus = assessment_results(assessment=done).focus
    assert focus[0].skill.name == "Empathy"
    assert focus[0].reason == "Others rate you 100 points below your own score (blind spot)."


# --- journal prompts ------------------------------------------------------------------------------


def _closed_with_low_peers(owner, guide, skill):
    raters = [("peer", f"p{i}@example.org") for i in range(1, 7)]  # two batches of three
    feedback_request, links = make_request(owner, guide, [skill], raters)
    services.self_answers_save(
        feedback_request=feedback_request, answers={item: 5 for item in feedback_request.item_ids}
    )
    return feedback_request, [urlparse(link.url).path for link in links]


def test_prompts_after_closing_name_blind_spots_and_the_lowest_statement(owner, imported_guide, listening):
    from peoplecraft.journal.sources import link_kinds, suggested_prompts

    feedback_request, paths = _closed_with_low_peers(owner, imported_guide, listening)
    for path in paths:
        assert answer(path, feedback_request.item_ids, value=1).status_code == 302
    assert not [p for p in suggested_prompts(owner) if p.source == "feedback"]  # still open
    services.request_close(feedback_request=feedback_request)
    prompts = [p for p in suggested_prompts(owner) if p.source == "feedback"]
    blind = [p for p in prompts if "blind spot" in p.title]
    lowest = [p for p in prompts if "lowest-rated" in p.title]
    assert (
        len(blind) == 1 and blind[0].skill_ids == (listening.pk,) and "points below your own score" in blind[0].question
    )
    assert len(lowest) == 1 and lowest[0].skill_ids == (listening.pk,) and "“" in lowest[0].question
    kind = link_kinds()["feedback-request"]
    assert kind.exists(owner, feedback_request.pk) and not kind.exists(owner, feedback_request.pk + 1)


def test_no_prompt_from_a_closed_request_below_threshold(owner, imported_guide, listening):
    from peoplecraft.journal.sources import suggested_prompts

    feedback_request, paths = _closed_with_low_peers(owner, imported_guide, listening)
    for path in paths[:2]:
        assert answer(path, feedback_request.item_ids, value=1).status_code == 302
    services.request_close(feedback_request=feedback_request)  # a release with two peers: nothing shown
    assert services.Release.objects.filter(request=feedback_request).exists()
    assert not [p for p in suggested_prompts(owner) if p.source == "feedback"]


# --- weekly review --------------------------------------------------------------------------------


def test_weekly_review_lists_released_feedback_from_others_only(owner_client, owner, listening):
    from peoplecraft.goals.review import review_document, weekly_review

    _moment_answers(owner, listening, [5, 5], ["Secret remark one", "Secret remark two"])
    assert weekly_review(owner=owner).others == []
    _moment_answers(owner, listening, [5])
    document = review_document(weekly_review(owner=owner))
    assert [(i["kind"], i["skill"], i["others"]) for i in document["feedback_from_others"]] == [
        ("moments", "Active Listening", 100.0)
    ]
    page = owner_client.get(reverse("goals:review")).content.decode()
    assert "Micro-feedback: others rate Active Listening 100/100" in page and "Secret remark" not in page
