"""The validity statistics (pure): Pearson r and its Fisher-z interval against SciPy, and the refusals."""

from __future__ import annotations

import math

import pytest
from scipy import stats

from peoplecraft.assessment.validity import MIN_N, correlate, fisher_interval, pearson_r, report

XS = [52.0, 61, 47, 70, 58, 66, 39, 75, 55, 63, 49, 68, 72, 44, 60, 57, 65, 50, 71, 62, 46, 59]
YS = [55.0, 58, 50, 77, 54, 70, 45, 69, 61, 59, 52, 64, 80, 40, 66, 51, 67, 49, 74, 60, 53, 57]


def test_pearson_r_matches_scipy():
    assert pearson_r(XS, YS) == pytest.approx(stats.pearsonr(XS, YS).statistic, abs=1e-12)


def test_fisher_interval_matches_scipy_and_the_formula_by_hand():
    r, n = pearson_r(XS, YS), len(XS)
    low, high = fisher_interval(r, n)
    scipy_ci = stats.pearsonr(XS, YS).confidence_interval(0.95)
    assert (low, high) == pytest.approx((scipy_ci.low, scipy_ci.high), abs=1e-9)
    # By hand: r = .5, n = 28 -> z = .549306, SE = 1/5 = .2, z ± .392 = .157306, .941306 -> tanh -> .15602, .73582.
    assert fisher_interval(0.5, 28) == pytest.approx((0.15602, 0.73582), abs=5e-5)


def test_correlate_reports_r_interval_and_n():
    found = correlate(XS, YS)
    assert found.conclusive and found.n == 22
    assert found.low < found.r < found.high
    assert found.describe() == f"r = {found.r:.2f} (95 % CI {found.low:.2f} to {found.high:.2f}, n = 22)"


def test_below_twenty_pairs_nothing_is_computed_and_it_says_so():
    found = correlate(XS[:7], YS[:7])
    assert found.r is None and found.low is None
    assert found.describe() == "n = 7: too few to conclude"
    assert correlate(XS[: MIN_N - 1], YS[: MIN_N - 1]).r is None
    assert correlate(XS[:MIN_N], YS[:MIN_N]).r is not None


def test_fewer_than_three_distinct_values_is_too_few():
    practice = [0.0, 1.0] * 15
    found = correlate(list(range(30)), practice)
    assert found.r is None
    assert found.describe().startswith("n = 30: too few to conclude")


def test_pearson_undefined_without_variance_and_perfect_r_has_a_point_interval():
    assert pearson_r([1, 1, 1], [1, 2, 3]) is None
    assert fisher_interval(1.0, 30) == (1.0, 1.0)
    assert math.isclose(pearson_r([1, 2, 3], [2, 4, 6]), 1.0)


def test_report_hides_rare_private_skill_names_but_lists_instrument_skills():
    pairs = {
        "Empathy": {"members": 3, "others": ([1.0, 2, 3], [1.0, 2, 3]), "practice": ([], [])},
        "My secret skill": {"members": 2, "others": ([], []), "practice": ([], [])},
        "Common own skill": {"members": 22, "others": (XS, YS), "practice": ([], [])},
    }
    document = report(pairs, public=["empathy"])
    assert [s["skill"] for s in document["skills"]] == ["Common own skill", "Empathy"]
    assert document["unlisted_skills"] == 1
    assert document["skills"][1]["self_vs_others"]["text"] == "n = 3: too few to conclude"
    assert document["skills"][0]["self_vs_others"]["r"] == pytest.approx(stats.pearsonr(XS, YS).statistic)
