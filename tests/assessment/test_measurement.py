"""Measurement error: SEM, bands, SDC, change verdicts and the display rounding rule (pure)."""

import math

import pytest

from peoplecraft.assessment.instrument import SkillReliability
from peoplecraft.assessment.measurement import (
    NO_CHANGE,
    PRIOR,
    PRIOR_SD,
    Precision,
    change_between,
    change_document,
    detectable_difference,
    mean_sem,
    points,
    precision_for,
    score_document,
    spearman_brown,
    whole,
)

MEASURED = Precision(0.84, 15.0, "measured (n=200)", True)  # SEM = 15 * 0.4 = 6


# --- formulas against hand-computed values ---------------------------------------------------------


def test_sem_band_and_sdc_by_hand():
    assert MEASURED.sem == pytest.approx(6.0)
    assert MEASURED.band(50.0) == pytest.approx((50 - 11.76, 50 + 11.76))  # 1.96 * 6 = 11.76
    assert MEASURED.sdc95 == pytest.approx(16.6312, abs=1e-4)  # 1.96 * 1.41421 * 6
    assert MEASURED.sdc80 == pytest.approx(10.8747, abs=1e-4)  # 1.2816 * 8.48528 = 10.8747


def test_band_is_clipped_to_the_scale():
    assert MEASURED.band(5.0) == pytest.approx((0.0, 16.76))
    assert MEASURED.band(95.0) == pytest.approx((83.24, 100.0))


def test_spearman_brown_prior_for_four_items():
    # r = 4 * .3 / (1 + 3 * .3) = 1.2 / 1.9 = .63158; SEM = 20 * sqrt(.36842) = 12.1395
    assert spearman_brown(0.30, 4) == pytest.approx(0.631579, abs=1e-6)
    prior = precision_for(None, answered=4, items=4)
    assert prior.source == PRIOR and not prior.measured and prior.sd == PRIOR_SD
    assert prior.sem == pytest.approx(12.1395, abs=1e-4)
    assert prior.sdc95 == pytest.approx(33.649, abs=1e-3)
    assert precision_for(None, answered=2, items=2).reliability == pytest.approx(0.6 / 1.3)


def test_measured_reliability_is_used_and_named():
    full = precision_for(SkillReliability(0.84, 15.0, 200, "x"), answered=4, items=4)
    assert full == MEASURED
    alpha_only = precision_for(SkillReliability(0.84), answered=4, items=4)
    assert alpha_only.source == "measured alpha, prior SD" and alpha_only.sd == PRIOR_SD and not alpha_only.measured


def test_measured_alpha_is_stepped_down_for_skipped_items():
    # 3 of 4 answered: factor .75 -> .75 * .8 / (1 - .25 * .8) = .6 / .8 = .75
    stepped = precision_for(SkillReliability(0.8, 20.0, 50), answered=3, items=4)
    assert stepped.reliability == pytest.approx(0.75)
    assert precision_for(None, answered=0, items=4) is None


def test_detectable_difference_and_area_sem():
    assert detectable_difference(3.0, 4.0) == pytest.approx(1.96 * 5.0)
    assert mean_sem([6.0, 8.0]) == pytest.approx(5.0)  # sqrt(36 + 64) / 2
    assert mean_sem([]) is None


# --- change verdicts --------------------------------------------------------------------------------


def test_a_fall_reads_declined():
    change = change_between(80.0, 55.0, MEASURED, MEASURED)  # -25 beyond 16.63
    assert change.verdict == "declined" and change.direction == "down" and change.method == "rci"
    assert change.rci == pytest.approx(-25 / (6 * math.sqrt(2)))
    assert change_document(change) == {
        "value": -25.0,
        "direction": "down",
        "method": "rci",
        "threshold": pytest.approx(16.6312, abs=1e-4),
        "threshold_possible": pytest.approx(10.8747, abs=1e-4),
        "verdict": "declined",
    }


@pytest.mark.parametrize(
    "previous, current, verdict",
    [
        (50.0, 70.0, "improved"),  # +20 > 16.63
        (50.0, 62.0, "possibly improved"),  # 10.87 < 12 <= 16.63
        (60.0, 48.0, "possibly declined"),
        (60.0, 50.0, "within error"),  # 10 <= 10.87
        (50.0, 50.0, "within error"),
    ],
)
def test_three_levels_with_possible(previous, current, verdict):
    assert change_between(previous, current, MEASURED, MEASURED).verdict == verdict


def test_prior_precision_uses_sdc95_not_rci():
    prior = precision_for(None, answered=4, items=4)
    change = change_between(40.0, 60.0, prior, prior)
    assert change.method == "sdc95" and change.rci is None and change.verdict == "within error"
    assert change.threshold == pytest.approx(prior.sdc95)
    mixed = change_between(40.0, 60.0, MEASURED, prior)
    assert mixed.method == "sdc95"
    assert mixed.threshold == pytest.approx(1.96 * math.sqrt(36 + prior.sem**2))


def test_missing_score_means_no_change():
    for previous, current in [(None, 50.0), (50.0, None)]:
        assert change_between(previous, current, MEASURED, MEASURED) == NO_CHANGE
    assert NO_CHANGE.verdict is None and NO_CHANGE.method == "none" and NO_CHANGE.direction is None


def test_score_document_keys():
    document = score_document(50.0, MEASURED)
    assert document["score"] == 50.0 and document["sem"] == pytest.approx(6.0)
    assert document["band"] == pytest.approx([38.24, 61.76])
    assert document["reliability_source"] == "measured (n=200)"
    assert score_document(None, None) == {
        "score": None,
        "band": None,
        "sem": None,
        "reliability": None,
        "reliability_source": None,
    }


# --- one rounding rule -------------------------------------------------------------------------------


@pytest.mark.parametrize("value, shown", [(12.5, 13), (36.5, 37), (12.49, 12), (-12.5, -12), (0.5, 1), (99.5, 100)])
def test_display_rounds_half_up(value, shown):
    assert whole(value) == shown
    assert points(value) == str(shown)
    assert points(None) == "—"
