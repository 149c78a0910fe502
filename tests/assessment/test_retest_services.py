"""Retests through the services and reads: start in the window, agreement per skill, pooled pairs, the web offer."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape

from peoplecraft.assessment import retest, retest_selectors, selectors, services
from peoplecraft.assessment.models import Assessment, SkillResult
from peoplecraft.assessment.results import assessment_results, results_document

pytestmark = pytest.mark.django_db


def _backdate(assessment, days):
    Assessment.objects.filter(pk=assessment.pk).update(completed_at=timezone.now() - timedelta(days=days))
    assessment.refresh_from_db()
    return assessment


def _retake(owner, original, answer_all, value):
    again = services.retest_start(owner=owner, original=original)
    answer_all(again, value)
    return services.assessment_complete(assessment=again)


@pytest.mark.parametrize(("days", "due"), [(13, False), (14, True), (21, True), (22, False)])
def test_retest_starts_only_in_its_window(owner, finished, days, due):
    original = _backdate(finished, days)
    offer = retest_selectors.retest_offer(owner=owner, guide=original.guide)
    assert offer.original == original and offer.due is due
    if due:
        again = services.retest_start(owner=owner, original=original)
        assert again.retest_of == original and set(again.skills.all()) == set(original.skills.all())
        assert again.instrument_id == original.instrument_id
        assert selectors.assessment_in_progress(owner=owner, guide=original.guide) is None  # not 'assess take'
        assert retest_selectors.retest_offer(owner=owner, guide=original.guide).in_progress == again
    else:
        with pytest.raises(services.AssessmentError, match="can be taken from"):
            services.retest_start(owner=owner, original=original)
        assert not Assessment.objects.filter(retest_of=original).exists()


def test_one_retest_per_assessment_and_never_of_a_retest(owner, finished, answer_all):
    original = _backdate(finished, 15)
    again = _retake(owner, original, answer_all, 4)
    with pytest.raises(services.AssessmentError, match="already has a retest"):
        services.retest_start(owner=owner, original=original)
    with pytest.raises(services.AssessmentError, match="not itself a retest"):
        services.retest_start(owner=owner, original=_backdate(again, 15))
    assert retest_selectors.retest_offer(owner=owner, guide=original.guide) is None


def test_retest_items_are_the_originals_shuffled(owner, finished):
    items = selectors.assessment_items(assessment=finished)
    shuffled = retest_selectors.retest_items(original=finished)
    assert set(shuffled) == set(items) and len(shuffled) == len(items) and shuffled != tuple(items)
    assert shuffled != selectors.presented_items(assessment=finished)  # a new order, not the first one


def test_agreement_per_skill_in_results(owner, finished, answer_all):
    original = _backdate(finished, 15)
    again = _retake(owner, original, answer_all, 2)  # 62.5 -> 37.5 on Empathy: 25 < SDC95 33.6
    SkillResult.objects.filter(assessment=again, skill__name="Self-Awareness").update(score=100.0)
    document = results_document(assessment_results(assessment=again))
    assert document["retest"]["of"]["id"] == original.pk
    rows = {row["skill"]: row for row in document["retest"]["agreement"]}
    assert rows["Empathy"]["difference"] == -25.0 and rows["Empathy"]["verdict"] == retest.AGREES
    assert rows["Empathy"]["threshold"] == pytest.approx(33.649, abs=1e-3)
    assert rows["Self-Awareness"]["verdict"] == retest.DIFFERS
    assert results_document(assessment_results(assessment=original))["retest"] is None


def test_retest_pairs_of_the_given_users_only(owner, imported_guide, finished, answer_all):
    original = _backdate(finished, 15)
    _retake(owner, original, answer_all, 2)
    other = get_user_model().objects.create_user(username="other", email="o@example.org", password="x-123456789")
    assert retest_selectors.retest_owner_ids() == []  # only members who share anonymised scores are pooled
    owner.share_anonymised_scores = True
    owner.save(update_fields=["share_anonymised_scores"])
    assert retest_selectors.retest_owner_ids() == [owner.pk]
    pairs = retest_selectors.retest_pairs([owner.pk])
    assert len(pairs) == 5 and pairs["Empathy"] == [(62.5, 37.5)]
    assert retest_selectors.retest_pairs([other.pk]) == {}


def test_web_offer_with_dates_and_start(owner_client, owner, finished):
    original = _backdate(finished, 15)
    home = reverse("assessment:home")
    opens = timezone.localtime(original.completed_at + timedelta(days=14))
    last = timezone.localtime(original.completed_at + timedelta(days=21))
    body = owner_client.get(home).content.decode()
    assert "A retest of your assessment of" in body and f"open from {opens:%Y-%m-%d} to {last:%Y-%m-%d}" in body
    assert "Take the retest" in owner_client.get(reverse("assessment:results", args=[original.pk])).content.decode()
    response = owner_client.post(reverse("assessment:retest", args=[original.pk]))
    again = Assessment.objects.get(retest_of=original)
    assert response.status_code == 302 and response["Location"] == reverse("assessment:take", args=[again.pk, 1])
    assert "Resume the retest" in owner_client.get(home).content.decode()
    page = owner_client.get(response["Location"]).content.decode()
    assert again.order_seed == retest.seed_for(original.pk, original.order_seed)
    # the web shows the retest's items in the order the command line asks them
    first_page = selectors.assessment_pages(assessment=again)[0].items
    shown = [item for item in retest_selectors.retest_items(original=original) if item in first_page]
    assert [item.self_text for item in shown] == sorted(
        (item.self_text for item in first_page), key=lambda text: page.index(escape(text))
    )


def test_web_offer_is_absent_outside_the_window(owner_client, finished):
    original = _backdate(finished, 13)
    assert "retest" not in owner_client.get(reverse("assessment:home")).content.decode().casefold()
    response = owner_client.post(reverse("assessment:retest", args=[original.pk]), follow=True)
    assert "can be taken from" in response.content.decode() and not Assessment.objects.filter(retest_of=original)


def test_web_results_show_agreement(owner_client, owner, finished, answer_all):
    again = _retake(owner, _backdate(finished, 15), answer_all, 4)
    body = owner_client.get(reverse("assessment:results", args=[again.pk])).content.decode()
    assert "Retest of your assessment of" in body and body.count(retest.AGREES) == 5
