"""The pure retest rules: the 14-21-day window, the seeded order, agreement and pooled statistics."""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import numpy as np
import pytest
from scipy import stats

from peoplecraft.assessment import retest

FINISHED = datetime(2026, 11, 1, 18, 30, tzinfo=UTC)


@pytest.mark.parametrize(("days", "due"), [(13, False), (14, True), (21, True), (22, False)])
def test_the_window_is_days_14_to_21(days, due):
    assert retest.is_due(FINISHED, FINISHED + timedelta(days=days)) is due
    assert retest.is_due(FINISHED, FINISHED + timedelta(days=days, hours=23)) is due  # whole days count


def test_window_dates():
    opens, closes = retest.window(FINISHED)
    assert opens == datetime(2026, 11, 15, 18, 30, tzinfo=UTC) and closes == datetime(2026, 11, 23, 18, 30, tzinfo=UTC)
    assert not retest.is_due(FINISHED, closes) and retest.is_due(FINISHED, closes - timedelta(seconds=1))


@dataclass(frozen=True)
class _Item:
    id: str


ITEMS = [_Item(f"{skill}-{n}") for skill in ("empathy", "listening", "mediation") for n in range(1, 5)]


def test_a_retest_seed_is_fixed_by_the_original_and_differs_from_its_seed():
    assert retest.seed_for(41, 1234) == retest.seed_for(41, 1234)
    assert retest.seed_for(41, 1234) not in (1234, retest.seed_for(42, 1234), retest.seed_for(41, 1235))
    assert 0 <= retest.seed_for(10**9, 2**31 - 1) < 2**31


@pytest.mark.parametrize(
    ("first", "second", "verdict"),
    [(50, 83.6, retest.AGREES), (50, 83.7, retest.DIFFERS), (60, 26.4, retest.AGREES), (60, 26.3, retest.DIFFERS)],
)
def test_agreement_is_the_difference_against_sdc95(first, second, verdict):
    assert retest.agreement(first, second, 33.649) == verdict


def test_pearson_and_sdc_by_hand():
    pairs = [(10.0, 12.0), (20.0, 18.0), (30.0, 33.0), (40.0, 41.0)]
    # Hand: means 25 and 26; Sxy = 15*14+5*8+5*7+15*15 = 510, Sxx = 500, Syy = 196+64+49+225 = 534.
    assert retest.pearson(pairs) == pytest.approx(510 / math.sqrt(500 * 534))
    found = retest.skill_stability("S", pairs, min_pairs=4)
    sd = math.sqrt((500 / 3 + 534 / 3) / 2)
    assert found.sd == pytest.approx(sd)
    assert found.sem == pytest.approx(sd * math.sqrt(1 - 510 / math.sqrt(500 * 534)))
    assert found.sdc95 == pytest.approx(1.96 * math.sqrt(2) * found.sem)


def test_statistics_agree_with_scipy_and_need_30_pairs():
    rng = np.random.default_rng(3)
    true = rng.normal(60, 18, 40)
    first, second = true + rng.normal(0, 8, 40), true + rng.normal(0, 8, 40)
    pairs = list(zip(first.tolist(), second.tolist(), strict=True))
    found = {s.skill: s for s in retest.retest_statistics({"Empathy": pairs, "Mediation": pairs[:29]})}
    empathy = found["Empathy"]
    assert empathy.n == 40 and empathy.status == "ok"
    assert empathy.r == pytest.approx(stats.pearsonr(first, second).statistic, abs=1e-12)
    ci = stats.pearsonr(first, second).confidence_interval(0.95)
    assert empathy.r_ci == pytest.approx((ci.low, ci.high), abs=2e-3)  # scipy uses z = 1.95996
    sd = math.sqrt((np.var(first, ddof=1) + np.var(second, ddof=1)) / 2)
    assert empathy.sdc95 == pytest.approx(1.96 * math.sqrt(2) * sd * math.sqrt(1 - empathy.r))
    mediation = found["Mediation"]
    assert mediation.n == 29 and mediation.status == "n too small" and mediation.r is None and mediation.sdc95 is None
    document = retest.stability_document(found.values())
    assert document[1] == {
        "skill": "Mediation",
        "n": 29,
        "status": "n too small",
        "r": None,
        "r_ci": None,
        "sd": None,
        "sem": None,
        "sdc95": None,
    }


def test_no_variation_gives_no_correlation():
    found = retest.skill_stability("S", [(50.0, float(n)) for n in range(30)])
    assert found.n == 30 and found.r is None and found.status == "no variation"
