"""Item analysis for coaches: Cronbach's alpha with a Feldt interval, item-total correlations,
alpha-if-item-deleted (response files are read by ``response_files``).

Everything for one scale comes from one covariance matrix ``C`` of the keyed items (complete
cases), with row sums ``s_i`` and ``V = sum(C)``: alpha = k/(k-1) (1 - trace(C)/V); corrected
item-total r_i = (s_i - C_ii) / sqrt(C_ii (V - 2 s_i + C_ii)); alpha without item i =
(k-1)/(k-2) (1 - (trace(C) - C_ii) / (V - 2 s_i + C_ii)). No per-item recomputation.

Missing answers (NaN): listwise deletion per scale. Only respondents who answered every item of
a scale enter its covariance (``n_used`` says how many); item means and SDs use every answer.
Unlike pairwise deletion this keeps ``C`` positive semi-definite (no alphas above 1), and it is
the usual default (R psych ``use="complete.obs"``, pingouin ``nan_policy="listwise"``).

Reverse keying: a reverse-keyed item's column is negated before the covariance. That gives the
same covariances as reverse scoring ``min + max - x`` and needs no knowledge of the scale.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class ItemStats:
    item_id: str
    answered: int  # respondents who answered this item
    mean: float | None  # raw answers (not reverse scored), all who answered
    sd: float | None
    item_total_r: float | None  # corrected: item vs the sum of the *other* keyed items
    alpha_if_deleted: float | None


@dataclass(frozen=True)
class ScaleAnalysis:
    k: int  # items in the scale
    n_total: int  # respondents in the matrix
    n_used: int  # respondents who answered every item (listwise deletion)
    alpha: float | None  # None when undefined (fewer than 2 complete cases, no variance)
    ci_low: float | None  # Feldt confidence interval for alpha: ci_low, ci_high
    ci_high: float | None
    confidence: float
    items: tuple[ItemStats, ...]


def analyse_scale(
    responses: np.ndarray,
    keys: Sequence[int],
    *,
    item_ids: Sequence[str] | None = None,
    confidence: float = 0.95,
) -> ScaleAnalysis:
    """Item analysis of one scale: ``responses`` is respondents x items, NaN for missing."""
    data, keys_arr, ids = _checked(responses, keys, item_ids, confidence)
    n, k = data.shape
    missing = np.isnan(data)
    complete = data[~missing.any(axis=1)] if missing.any() else data
    cov = _covariance(complete * keys_arr)
    alpha, r_rest, alpha_del = _alpha_parts(cov, k)
    n_used = complete.shape[0]
    low, high = feldt_interval(alpha, n_used, k, confidence) if alpha is not None else (None, None)
    means, sds, answered = _item_moments(data, missing)
    items = tuple(
        ItemStats(ids[j], int(answered[j]), _num(means[j]), _num(sds[j]), _num(r_rest[j]), _num(alpha_del[j]))
        for j in range(k)
    )
    return ScaleAnalysis(k, n, n_used, alpha, low, high, confidence, items)


def _checked(
    responses: np.ndarray, keys: Sequence[int], item_ids: Sequence[str] | None, confidence: float
) -> tuple[np.ndarray, np.ndarray, list[str]]:
    data = np.asarray(responses, dtype=np.float64)
    if data.ndim != 2 or data.shape[1] < 2:
        raise ValueError("responses must be a 2-D matrix with at least two item columns")
    k = data.shape[1]
    keys_arr = np.asarray(keys, dtype=np.float64)
    if keys_arr.shape != (k,) or not np.all(np.abs(keys_arr) == 1):
        raise ValueError(f"keys must hold one +1 or -1 per item column ({k})")
    ids = [str(i) for i in item_ids] if item_ids is not None else [str(j) for j in range(k)]
    if len(ids) != k:
        raise ValueError(f"item_ids has {len(ids)} names for {k} item columns")
    if not 0 < confidence < 1:
        raise ValueError("confidence must be between 0 and 1")
    if np.isinf(data).any():
        raise ValueError("responses contain infinite values; use NaN for missing answers")
    return data, keys_arr, ids


def analyse_scales(
    responses: np.ndarray,
    item_ids: Sequence[str],
    keys: Sequence[int],
    scales: Mapping[str, str],
    *,
    confidence: float = 0.95,
) -> dict[str, ScaleAnalysis]:
    """Analyse each scale (e.g. skill); ``scales`` maps item id -> scale name. Columns with no
    scale are ignored, one-item scales skipped (alpha needs two); listwise deletion is per scale.
    """
    data = np.asarray(responses, dtype=np.float64)
    columns: dict[str, list[int]] = {}
    for j, item_id in enumerate(item_ids):
        if item_id in scales:
            columns.setdefault(scales[item_id], []).append(j)
    return {
        name: analyse_scale(
            data[:, cols], [keys[j] for j in cols], item_ids=[item_ids[j] for j in cols], confidence=confidence
        )
        for name, cols in columns.items()
        if len(cols) >= 2
    }


def _covariance(x: np.ndarray) -> np.ndarray | None:
    """Sample covariance (n - 1 denominator) with one matrix product; None below 2 rows."""
    centred = x - x.mean(axis=0) if x.shape[0] >= 2 else None
    return None if centred is None else (centred.T @ centred) / (x.shape[0] - 1)


def _alpha_parts(cov: np.ndarray | None, k: int) -> tuple[float | None, np.ndarray, np.ndarray]:
    """Alpha, corrected item-total r and alpha-if-deleted, all from the covariance matrix."""
    nan = np.full(k, np.nan)
    if cov is None:
        return None, nan, nan
    diag = np.diag(cov)
    trace, total = float(diag.sum()), float(cov.sum())
    row = cov.sum(axis=1)
    rest_var = total - 2.0 * row + diag
    with np.errstate(divide="ignore", invalid="ignore"):
        r_rest = (row - diag) / np.sqrt(diag * rest_var)
        alpha_del = ((k - 1) / (k - 2)) * (1.0 - (trace - diag) / rest_var) if k > 2 else nan
    alpha = k / (k - 1) * (1.0 - trace / total) if total > 0 else None
    return alpha, r_rest, alpha_del


def _item_moments(data: np.ndarray, missing: np.ndarray) -> tuple[np.ndarray, ...]:
    """Per-item mean, sample SD and count over every available answer."""
    answered = (~missing).sum(axis=0)
    filled = np.where(missing, 0.0, data)
    with np.errstate(divide="ignore", invalid="ignore"):
        means = filled.sum(axis=0) / answered
        dev = np.where(missing, 0.0, data - means)
        sds = np.sqrt((dev * dev).sum(axis=0) / (answered - 1))
    return means, sds, answered


def _num(value: float) -> float | None:
    return float(value) if np.isfinite(value) else None  # undefined statistics become None


def feldt_interval(alpha: float, n: int, k: int, confidence: float = 0.95) -> tuple[float | None, float | None]:
    """Feldt (1965) confidence interval for Cronbach's alpha.

    (1 - alpha_population) / (1 - alpha_sample) follows an F distribution with
    df1 = n - 1 and df2 = (n - 1)(k - 1), so with g = 1 - confidence:
    lower = 1 - (1 - alpha) * F(1 - g/2; df1, df2), upper = 1 - (1 - alpha) * F(g/2; df1, df2),
    where F(p; df1, df2) is the p-quantile. Needs n >= 2 and k >= 2.
    """
    if n < 2 or k < 2:
        return None, None
    df1, df2 = n - 1, (n - 1) * (k - 1)
    g = 1.0 - confidence
    return (1.0 - (1.0 - alpha) * f_quantile(1.0 - g / 2, df1, df2), 1.0 - (1.0 - alpha) * f_quantile(g / 2, df1, df2))


def f_quantile(p: float, df1: float, df2: float) -> float:
    """p-quantile of F(df1, df2), without SciPy: y = df1 f / (df1 f + df2) is Beta(df1/2, df2/2),
    so bisect I_y(df1/2, df2/2) = p for y (down to double precision) and map y back to f."""
    if not 0 < p < 1:
        raise ValueError("p must be between 0 and 1")
    a, b = df1 / 2.0, df2 / 2.0
    low, high = 0.0, 1.0
    for _ in range(200):
        mid = (low + high) / 2.0
        if mid in (low, high):
            break
        if _beta_cdf(mid, a, b) < p:
            low = mid
        else:
            high = mid
    y = (low + high) / 2.0
    return df2 * y / (df1 * (1.0 - y))


def _beta_cdf(x: float, a: float, b: float) -> float:
    """Regularised incomplete beta I_x(a, b) (continued fraction, Numerical Recipes 6.4)."""
    if not 0.0 < x < 1.0:
        return 0.0 if x <= 0.0 else 1.0
    log_front = math.lgamma(a + b) - math.lgamma(a) - math.lgamma(b) + a * math.log(x) + b * math.log1p(-x)
    if x < (a + 1.0) / (a + b + 2.0):
        return math.exp(log_front) * _beta_fraction(x, a, b) / a
    return 1.0 - math.exp(log_front) * _beta_fraction(1.0 - x, b, a) / b


def _beta_fraction(x: float, a: float, b: float) -> float:
    """Modified Lentz evaluation of the incomplete beta continued fraction."""
    tiny, eps = 1e-300, 1e-15
    c, d = 1.0, 1.0 - (a + b) * x / (a + 1.0)
    h = d = 1.0 / (d if abs(d) > tiny else tiny)
    for m in range(1, 100_000):
        for num in (
            m * (b - m) * x / ((a + 2 * m - 1) * (a + 2 * m)),
            -(a + m) * (a + b + m) * x / ((a + 2 * m) * (a + 2 * m + 1)),
        ):
            d = 1.0 + num * d
            d = 1.0 / (d if abs(d) > tiny else tiny)
            c = 1.0 + num / c
            c = c if abs(c) > tiny else tiny
            h *= d * c
        if abs(d * c - 1.0) < eps:
            break
    return h
