"""The validity report over opted-in members: pairing, the practice window, the page."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from peoplecraft.assessment import selectors
from peoplecraft.assessment.models import SkillResult
from peoplecraft.feedback import selectors as feedback_selectors
from peoplecraft.feedback.selectors import OthersScore
from peoplecraft.practice.models import PracticeEntry


def practise(assessment, skill_name: str, times: int, *, after_days: int = 10) -> None:
    skill = assessment.guide.areas.get().skills.get(name=skill_name)
    day = timezone.localtime(assessment.completed_at).date() + timedelta(days=after_days)
    for _ in range(times):
        PracticeEntry.objects.create(owner=assessment.owner, skill=skill, occurred_on=day, situation="tried it")


@pytest.fixture
def released(monkeypatch):
    """Released others' scores: self score + 5 (a stand-in for feedback's released snapshots)."""

    def others(*, owner, skill_ids=None):
        results = SkillResult.objects.filter(assessment__owner=owner, skill_id__in=skill_ids, score__isnull=False)
        return {r.skill_id: OthersScore(r.skill_id, r.score + 5, "request", None) for r in results}

    monkeypatch.setattr(feedback_selectors, "others_scores", others)


@pytest.mark.django_db
def test_report_pairs_only_opted_in_members_and_counts_practice_in_the_90_days_after(member, released):
    long_ago = timezone.now() - timedelta(days=120)
    opted = [member(n, share=True, completed_at=long_ago) for n in range(20)]
    for assessment in opted:
        score = SkillResult.objects.get(assessment=assessment, skill__name="Empathy").score
        practise(assessment, "Empathy", round(score / 25))  # more practice with a higher score
        practise(assessment, "Empathy", 8 - round(score / 25), after_days=95)  # outside the window: not counted
    outsider = member(99, share=False, completed_at=long_ago)
    practise(outsider, "Empathy", 9)
    report = selectors.validity_report()
    row = next(s for s in report["skills"] if s["skill"] == "Empathy")
    assert row["members"] == 20
    assert row["self_vs_others"]["r"] == pytest.approx(1.0)
    assert row["self_vs_practice"]["n"] == 20
    assert row["self_vs_practice"]["r"] > 0.9
    low, high = row["self_vs_practice"]["ci95"]
    assert low < row["self_vs_practice"]["r"] <= high


@pytest.mark.django_db
def test_recent_assessments_wait_for_their_practice_window_and_small_n_says_too_few(member, released):
    recent = [member(n, share=True) for n in range(7)]
    report = selectors.validity_report()
    row = next(s for s in report["skills"] if s["skill"] == "Empathy")
    assert row["self_vs_others"]["text"] == "n = 7: too few to conclude"
    assert row["self_vs_others"]["r"] is None
    assert row["self_vs_practice"]["text"] == "n = 0: too few to conclude"
    assert len(recent) == 7


@pytest.mark.django_db
def test_validity_page_shows_too_few_and_is_linked_from_results(owner_client, member, released):
    for n in range(5):
        member(n, share=True)
    response = owner_client.get("/assess/validity/")
    assert response.status_code == 200
    page = response.content.decode()
    assert "n = 5: too few to conclude" in page
    assert "m0-True" not in page  # no member names, only pooled figures
    assert 'href="/accounts/settings/"' in page


@pytest.mark.django_db
def test_results_page_links_to_the_validity_report(owner_client, finished):
    response = owner_client.get(f"/assess/{finished.pk}/")
    assert 'href="/assess/validity/"' in response.content.decode()
