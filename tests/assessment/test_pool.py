"""The installation pool: only opted-in members, nothing below k = 20, cached, named as the source."""

from __future__ import annotations

from datetime import timedelta

import numpy as np
import pytest
from django.core.cache import cache
from django.utils import timezone

from peoplecraft.accounts.models import User
from peoplecraft.assessment import calibration, selectors, services
from peoplecraft.assessment.catalogue import instrument_get
from peoplecraft.assessment.models import Answer, SkillResult
from peoplecraft.assessment.reliability import analyse_scale


@pytest.fixture(autouse=True)
def _clear_cache():
    cache.clear()
    yield
    cache.clear()


def expected_alpha(assessments, skill: str) -> float:
    """Alpha by hand from exactly these assessments' answers (reliability.analyse_scale)."""
    instrument = instrument_get(assessments[0].instrument_id)
    items = [item for item in instrument.items if item.skill == skill]
    rows = [[Answer.objects.get(assessment=a, item_id=item.id).value for item in items] for a in assessments]
    return analyse_scale(np.array(rows, dtype=float), [item.key for item in items]).alpha


@pytest.mark.django_db
def test_nothing_is_computed_below_twenty_opted_in_members(member, monkeypatch):
    opted = [member(n, share=True) for n in range(19)]
    for n in range(8):
        member(100 + n, share=False)
    called = []
    monkeypatch.setattr(calibration, "pooled_reliabilities", lambda *a, **k: called.append(1) or {})
    assert selectors.pool_reliability(instrument_get(opted[0].instrument_id)) == {}
    assert called == []
    result = SkillResult.objects.filter(assessment=opted[0]).first()
    assert selectors.result_precision(result).source == "prior"


@pytest.mark.django_db
def test_twenty_opted_in_members_give_pooled_values_and_others_never_contribute(member):
    opted = [member(n, share=True) for n in range(20)]
    for n in range(10):  # wildly inconsistent answers: would change alpha if they counted
        other = member(200 + n, share=False, seed=7)
        Answer.objects.filter(assessment=other).update(value=1)
        Answer.objects.filter(assessment=other, pk__in=Answer.objects.filter(assessment=other)[:2]).update(value=5)
    instrument = instrument_get(opted[0].instrument_id)
    pooled = selectors.pool_reliability(instrument)
    assert set(pooled) == {"Active Listening", "Empathy"}
    for skill, entry in pooled.items():
        assert entry.n == 20 and entry.source == "installation pool"
        assert entry.alpha == pytest.approx(expected_alpha(opted, skill), abs=1e-4)
    result = SkillResult.objects.filter(assessment=opted[0], skill__name="Empathy").get()
    precision = selectors.result_precision(result)
    assert precision.source == "installation pool (n=20)"
    assert precision.reliability == pytest.approx(pooled["Empathy"].alpha)


@pytest.mark.django_db
def test_opting_out_drops_below_twenty_at_once(member):
    opted = [member(n, share=True) for n in range(20)]
    instrument = instrument_get(opted[0].instrument_id)
    assert selectors.pool_reliability(instrument)
    User.objects.filter(pk=opted[0].owner_id).update(share_anonymised_scores=False)
    assert selectors.pool_reliability(instrument) == {}


@pytest.mark.django_db
def test_only_each_members_latest_assessment_counts_and_the_cache_follows_new_completions(member, monkeypatch):
    earlier = timezone.now() - timedelta(days=30)
    opted = [member(n, share=True, completed_at=earlier) for n in range(20)]
    instrument = instrument_get(opted[0].instrument_id)
    real = calibration.pooled_reliabilities
    calls = []

    def counting(instrument, table, **kwargs):
        calls.append(table.values.shape[0])
        return real(instrument, table, **kwargs)

    monkeypatch.setattr(calibration, "pooled_reliabilities", counting)
    first = selectors.pool_reliability(instrument)
    assert selectors.pool_reliability(instrument) == first
    assert calls == [20]  # the second read came from the cache
    again = services.assessment_start(owner=opted[0].owner, guide=opted[0].guide, scope="guide")
    services.answers_save(
        assessment=again,
        answers=dict.fromkeys(Answer.objects.filter(assessment=opted[0]).values_list("item_id", flat=True), 3),
    )
    services.assessment_complete(assessment=again)
    selectors.pool_reliability(instrument)
    assert calls == [20, 20]  # recomputed, still one row per member


def test_instrument_measured_values_win_over_the_pool():
    from peoplecraft.assessment.instrument import SkillReliability
    from peoplecraft.assessment.measurement import precision_for

    measured = SkillReliability(0.8, 18.0, 240, "file")
    pool = SkillReliability(0.7, 21.0, 25, "installation pool")
    assert precision_for(measured, answered=4, items=4, pool=pool).source == "measured (n=240)"
    assert precision_for(None, answered=4, items=4, pool=pool).source == "installation pool (n=25)"
    assert precision_for(None, answered=4, items=4, pool=None).source == "prior"


@pytest.mark.django_db
def test_a_results_page_asks_about_the_pool_once_per_instrument_not_per_skill(
    owner_client, owner, imported_guide, answer_all
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    assessment = services.assessment_start(owner=owner, guide=imported_guide, scope="guide")
    answer_all(assessment, 4)
    services.assessment_complete(assessment=assessment)
    with CaptureQueriesContext(connection) as queries:
        assert owner_client.get(f"/assess/{assessment.pk}/").status_code == 200
    asked = [q for q in queries.captured_queries if "share_anonymised_scores" in q["sql"]]
    assert len(asked) <= 3  # 52 skills: it was two queries per skill (106) before the per-page memo
