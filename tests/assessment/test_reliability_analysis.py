"""Item analysis checked three ways: arithmetic worked by hand, a slow pure-Python reference
written independently here, and an outside oracle (pingouin's cronbach_alpha, SciPy's F)."""

import math
import statistics

import numpy as np
import pytest

from peoplecraft.assessment.reliability import (
    analyse_scale,
    analyse_scales,
    f_quantile,
    feldt_interval,
)

# 4 respondents x 3 items, chosen so the arithmetic stays exact.
HAND = np.array([[1, 2, 2], [2, 3, 3], [3, 3, 4], [4, 4, 5]], dtype=float)


def test_alpha_worked_by_hand():
    # Item variances (n-1 = 3): item1 SS = 1.5²+0.5²+0.5²+1.5² = 5 -> 5/3;
    # item2 SS = 1+0+0+1 = 2 -> 2/3; item3 SS = 5 -> 5/3. Sum = 12/3 = 4.
    # Totals 5, 8, 10, 13 (mean 9): SS = 16+1+1+16 = 34 -> 34/3.
    # alpha = 3/2 * (1 - 4 / (34/3)) = 3/2 * 22/34 = 33/34.
    result = analyse_scale(HAND, [1, 1, 1])
    assert result.alpha == pytest.approx(33 / 34)
    assert result.n_used == result.n_total == 4 and result.k == 3


def test_item_statistics_worked_by_hand():
    # Item 1 against the rest (items 2+3 = 4, 6, 7, 9; mean 6.5, deviations -2.5 -0.5 0.5 2.5):
    # cross products 3.75+0.25+0.25+3.75 = 8, rest SS = 13, item SS = 5 -> r = 8/sqrt(65).
    # Alpha without item 1: 2 * (1 - (2/3 + 5/3) / (13/3)) = 2 * 6/13 = 12/13.
    first = analyse_scale(HAND, [1, 1, 1], item_ids=["a", "b", "c"]).items[0]
    assert first.item_id == "a" and first.answered == 4
    assert first.item_total_r == pytest.approx(8 / math.sqrt(65))
    assert first.alpha_if_deleted == pytest.approx(12 / 13)
    assert first.mean == 2.5 and first.sd == pytest.approx(math.sqrt(5 / 3))


def test_feldt_interval_worked_by_hand():
    # df1 = n-1 = 3, df2 = (n-1)(k-1) = 6. F tables: F(.975; 3, 6) = 6.5988,
    # F(.025; 3, 6) = 1 / F(.975; 6, 3) = 1 / 14.7347 = 0.067867.
    # lower = 1 - (1/34) * 6.5988 = 0.80592; upper = 1 - (1/34) * 0.067867 = 0.99800.
    result = analyse_scale(HAND, [1, 1, 1])
    assert result.ci_low == pytest.approx(0.80592, abs=1e-5)
    assert result.ci_high == pytest.approx(0.99800, abs=1e-5)
    assert result.confidence == 0.95


def test_reverse_keyed_column_gives_the_same_analysis():
    flipped = HAND.copy()
    flipped[:, 1] = 6 - flipped[:, 1]  # stored as answered to a reverse-keyed item on 1..5
    straight = analyse_scale(HAND, [1, 1, 1])
    keyed = analyse_scale(flipped, [1, -1, 1])
    assert keyed.alpha == pytest.approx(straight.alpha)
    for a, b in zip(keyed.items, straight.items, strict=True):
        assert a.item_total_r == pytest.approx(b.item_total_r)
        assert a.alpha_if_deleted == pytest.approx(b.alpha_if_deleted)
    assert keyed.items[1].mean == 3.0  # raw answer mean: 4, 3, 3, 2
    unkeyed = analyse_scale(flipped, [1, 1, 1])
    assert unkeyed.items[1].item_total_r < 0 < keyed.items[1].item_total_r


# --- a slow, independent reference ---------------------------------------------------------


def reference_alpha(rows: list[list[float]]) -> float:
    k = len(rows[0])
    item_vars = [statistics.variance([r[j] for r in rows]) for j in range(k)]
    total_var = statistics.variance([sum(r) for r in rows])
    return k / (k - 1) * (1 - sum(item_vars) / total_var)


def reference_items(rows: list[list[float]]) -> list[tuple[float, float]]:
    """(corrected item-total r, alpha if deleted) by recomputing everything per item."""
    out = []
    for j in range(len(rows[0])):
        item = [r[j] for r in rows]
        rest = [sum(r) - r[j] for r in rows]
        reduced = [[v for i, v in enumerate(r) if i != j] for r in rows]
        out.append((statistics.correlation(item, rest), reference_alpha(reduced)))
    return out


def simulated(n: int, k: int, seed: int, missing: float = 0.0) -> np.ndarray:
    rng = np.random.default_rng(seed)
    trait = rng.normal(size=(n, 1))
    data = np.clip(np.round(3 + trait + rng.normal(scale=1.1, size=(n, k))), 1, 5)
    if missing:
        data[rng.random((n, k)) < missing] = np.nan
    return data


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_matches_pure_python_reference(seed):
    data = simulated(60, 5, seed)
    keys = [1, 1, -1, 1, -1]
    keyed = [[v * key for v, key in zip(row, keys, strict=True)] for row in data.tolist()]
    result = analyse_scale(data, keys)
    assert result.alpha == pytest.approx(reference_alpha(keyed), abs=1e-12)
    for stats, (r, a) in zip(result.items, reference_items(keyed), strict=True):
        assert stats.item_total_r == pytest.approx(r, abs=1e-12)
        assert stats.alpha_if_deleted == pytest.approx(a, abs=1e-12)


@pytest.fixture(scope="module")
def pingouin():
    pytest.importorskip("pandas")
    return pytest.importorskip("pingouin")


@pytest.mark.parametrize("n, k, seed", [(30, 4, 7), (250, 8, 8), (2000, 12, 9)])
def test_matches_pingouin_alpha_and_interval(pingouin, n, k, seed):
    import pandas as pd

    data = simulated(n, k, seed)
    alpha, (low, high) = pingouin.cronbach_alpha(pd.DataFrame(data))
    result = analyse_scale(data, [1] * k)
    assert result.alpha == pytest.approx(alpha, abs=1e-12)
    assert result.ci_low == pytest.approx(low, abs=5e-4)  # pingouin rounds to 3 decimals
    assert result.ci_high == pytest.approx(high, abs=5e-4)


def test_listwise_deletion_matches_pingouin_alpha(pingouin):
    import pandas as pd

    data = simulated(300, 6, 11, missing=0.05)
    alpha, _ = pingouin.cronbach_alpha(pd.DataFrame(data), nan_policy="listwise")
    result = analyse_scale(data, [1] * 6)
    assert result.alpha == pytest.approx(alpha, abs=1e-12)
    # pingouin's interval uses n before deletion; ours uses the n actually analysed, so we
    # check the interval against SciPy's F quantiles with n_used instead.


@pytest.mark.parametrize("confidence", [0.90, 0.95, 0.99])
def test_feldt_interval_matches_scipy(confidence):
    stats = pytest.importorskip("scipy.stats")
    alpha, n, k = 0.78, 142, 6
    df1, df2 = n - 1, (n - 1) * (k - 1)
    g = 1 - confidence
    low, high = feldt_interval(alpha, n, k, confidence)
    assert low == pytest.approx(1 - (1 - alpha) * stats.f.ppf(1 - g / 2, df1, df2), abs=1e-10)
    assert high == pytest.approx(1 - (1 - alpha) * stats.f.ppf(g / 2, df1, df2), abs=1e-10)


@pytest.mark.parametrize(
    "p, df1, df2",
    [
        (0.975, 1, 1),
        (0.025, 2, 2),
        (0.5, 3, 7),
        (0.975, 9, 36),
        (0.001, 5, 500),
        (0.999, 40, 3),
        (0.975, 99_999, 5_899_941),
        (0.025, 99_999, 5_899_941),
    ],
)
def test_f_quantile_matches_scipy(p, df1, df2):
    stats = pytest.importorskip("scipy.stats")
    assert f_quantile(p, df1, df2) == pytest.approx(stats.f.ppf(p, df1, df2), rel=1e-9)


# --- missing data and edge cases -----------------------------------------------------------


def test_missing_answers_use_listwise_deletion():
    data = simulated(200, 5, 21, missing=0.1)
    complete = data[~np.isnan(data).any(axis=1)]
    result = analyse_scale(data, [1] * 5)
    only_complete = analyse_scale(complete, [1] * 5)
    assert result.n_total == 200 and result.n_used == complete.shape[0] < 200
    assert result.alpha == only_complete.alpha
    assert (result.ci_low, result.ci_high) == (only_complete.ci_low, only_complete.ci_high)
    # Item means and counts use every answer given to that item, not only complete rows.
    first = data[:, 0]
    assert result.items[0].answered == int((~np.isnan(first)).sum())
    assert result.items[0].mean == pytest.approx(float(np.nanmean(first)))
    assert result.items[0].sd == pytest.approx(float(np.nanstd(first, ddof=1)))


def test_fewer_than_two_complete_respondents_leaves_alpha_undefined():
    data = np.array([[1, 2, np.nan], [3, np.nan, 4], [5, 5, 5]], dtype=float)
    result = analyse_scale(data, [1, 1, 1])
    assert result.n_used == 1
    assert result.alpha is result.ci_low is result.ci_high is None
    assert all(i.item_total_r is None and i.alpha_if_deleted is None for i in result.items)
    assert [i.answered for i in result.items] == [3, 2, 2]


def test_no_variance_gives_undefined_statistics():
    result = analyse_scale(np.full((5, 3), 3.0), [1, 1, 1])
    assert result.alpha is None and result.items[0].item_total_r is None
    constant_item = HAND.copy()
    constant_item[:, 1] = 3.0
    item = analyse_scale(constant_item, [1, 1, 1]).items[1]
    assert item.item_total_r is None and item.sd == 0.0


def test_two_item_scale_has_no_alpha_if_deleted():
    result = analyse_scale(HAND[:, :2], [1, 1])
    assert result.alpha is not None
    assert all(i.alpha_if_deleted is None for i in result.items)
    # with two items the corrected item-total r is just their correlation
    assert result.items[0].item_total_r == pytest.approx(np.corrcoef(HAND[:, 0], HAND[:, 1])[0, 1])


@pytest.mark.parametrize(
    "data, keys, match",
    [
        (np.ones(5), [1], "2-D"),
        (np.ones((5, 1)), [1], "at least two"),
        (np.ones((5, 3)), [1, 1], "one \\+1 or -1"),
        (np.ones((5, 3)), [1, 0, 1], "one \\+1 or -1"),
        (np.array([[1, 2], [np.inf, 1]]), [1, 1], "infinite"),
    ],
)
def test_bad_input_is_refused(data, keys, match):
    with pytest.raises(ValueError, match=match):
        analyse_scale(data, keys)


def test_analyse_scales_splits_columns_by_scale():
    data = np.hstack([HAND, HAND[:, :1] * -1 + 6, HAND[:, 1:2]])
    ids = ["l1", "l2", "l3", "e1", "x1"]
    result = analyse_scales(
        data, ids, [1, 1, 1, -1, 1], {"l1": "Listening", "l2": "Listening", "l3": "Listening", "e1": "Lonely"}
    )
    assert list(result) == ["Listening"]  # "Lonely" has one item; x1 belongs to no scale
    assert result["Listening"].alpha == pytest.approx(33 / 34)
    assert [i.item_id for i in result["Listening"].items] == ["l1", "l2", "l3"]
