"""Do self scores mean something? Pearson correlations with a Fisher-z interval, refused on small samples.

Pure module (no Django). ``assess validity`` and ``/assess/validity/`` correlate, per skill and
across members who opted in, self scores with the released 360 "others" score (convergent
validity) and with how often the skill was practised afterwards. A correlation is only reported
from :data:`MIN_N` people and at least :data:`MIN_DISTINCT` distinct values in each variable;
otherwise the result says plainly "n = 7: too few to conclude" and carries no number.

The 95 % interval is Fisher's: z = atanh(r), SE = 1/√(n − 3), back-transformed with tanh.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

MIN_N = 20  # the same k as the installation pool: no aggregate of fewer people is shown
MIN_DISTINCT = 3
Z95 = 1.959963984540054


@dataclass(frozen=True)
class Correlation:
    n: int
    r: float | None  # None: too few to conclude (``reason`` says why)
    low: float | None = None
    high: float | None = None
    reason: str = ""

    @property
    def conclusive(self) -> bool:
        return self.r is not None

    def describe(self) -> str:
        """One line for people: "r = 0.41 (95 % CI 0.12 to 0.64, n = 32)" or why there is no number."""
        if self.r is None:
            return f"n = {self.n}: {self.reason}"
        return f"r = {self.r:.2f} (95 % CI {self.low:.2f} to {self.high:.2f}, n = {self.n})"

    def document(self) -> dict:
        return {
            "n": self.n,
            "r": self.r,
            "ci95": None if self.r is None else [self.low, self.high],
            "conclusive": self.conclusive,
            "text": self.describe(),
        }


def pearson_r(xs: Sequence[float], ys: Sequence[float]) -> float | None:
    """Pearson's r of paired values; None when either variable does not vary or n < 2."""
    if len(xs) != len(ys):
        raise ValueError("xs and ys must be paired (the same length)")
    n = len(xs)
    if n < 2:
        return None
    mean_x, mean_y = math.fsum(xs) / n, math.fsum(ys) / n
    sxy = math.fsum((x - mean_x) * (y - mean_y) for x, y in zip(xs, ys, strict=True))
    sxx = math.fsum((x - mean_x) ** 2 for x in xs)
    syy = math.fsum((y - mean_y) ** 2 for y in ys)
    if sxx <= 0 or syy <= 0:
        return None
    return max(-1.0, min(1.0, sxy / math.sqrt(sxx * syy)))


def fisher_interval(r: float, n: int, z: float = Z95) -> tuple[float, float]:
    """The Fisher-z confidence interval of a correlation r from n pairs (n > 3)."""
    if n <= 3:
        raise ValueError("the Fisher interval needs more than 3 pairs")
    if abs(r) >= 1.0:
        return r, r
    centre, half = math.atanh(r), z / math.sqrt(n - 3)
    return math.tanh(centre - half), math.tanh(centre + half)


def correlate(xs: Sequence[float], ys: Sequence[float], *, min_n: int = MIN_N) -> Correlation:
    """r with its 95 % interval, or a "too few to conclude" result below ``min_n`` or 3 distinct values."""
    n = len(xs)
    if n < min_n:
        return Correlation(n, None, reason="too few to conclude")
    if min(len(set(xs)), len(set(ys))) < MIN_DISTINCT:
        return Correlation(n, None, reason=f"too few to conclude (fewer than {MIN_DISTINCT} distinct values)")
    r = pearson_r(xs, ys)
    if r is None:  # pragma: no cover - three distinct values always vary
        return Correlation(n, None, reason="too few to conclude")
    low, high = fisher_interval(r, n)
    return Correlation(n, r, low, high)


def report(pairs: Mapping[str, Mapping], *, public: Iterable[str] = ()) -> dict:
    """Per skill, self vs others and self vs practice; ``pairs`` as ``pool.validity_pairs`` returns.

    A skill whose name is not ``public`` (an installed instrument's) and that fewer than
    :data:`MIN_N` members scored is only counted in ``unlisted_skills``: a rare skill name could
    point at the one person whose guide holds it.
    """
    known = {name.casefold() for name in public}
    skills, unlisted = [], 0
    for name in sorted(pairs, key=str.casefold):
        found = pairs[name]
        if found["members"] < MIN_N and name.casefold() not in known:
            unlisted += 1
            continue
        skills.append(
            {
                "skill": name,
                "members": found["members"],
                "self_vs_others": correlate(*found["others"]).document(),
                "self_vs_practice": correlate(*found["practice"]).document(),
            }
        )
    return {"min_n": MIN_N, "skills": skills, "unlisted_skills": unlisted}
