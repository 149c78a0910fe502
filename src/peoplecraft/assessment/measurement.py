"""How precise a skill score is, and whether a difference between two scores is more than noise.

Pure module (no Django). Classical test theory: a score's standard error of measurement is
SEM = SD · √(1 − r); the 95 % band is score ± 1.96 · SEM (clipped to 0-100). Two scores differ
detectably when their difference exceeds z · √(SEM₁² + SEM₂²) — with equal SEMs that is the
smallest detectable change SDC = z · √2 · SEM (de Vet et al., 2006) and, with a measured r and SD,
exactly the Jacobson & Truax (1991) reliable change criterion |RCI| > 1.96.

Where r and SD come from (docs/assessment.md, "Measurement error"):

- **measured**: the instrument's ``reliability:`` entry for the skill (Cronbach's alpha, and the
  SD of the 0-100 score in the sample ``assess analyze --update-instrument`` measured them on);
- **installation pool** when the instrument has no measured entry: alpha and SD measured on the
  latest answers of members who opted in to sharing, only from 20 people up
  (``assessment.selectors.pool_reliability``);
- **prior** otherwise: r from the Spearman-Brown formula for the k items answered with a mean
  inter-item correlation of :data:`PRIOR_MEAN_INTER_ITEM_R` (.30, mid-range of the .15-.50 that
  Clark & Watson, 1995, recommend for a scale measuring one thing), and SD = :data:`PRIOR_SD`.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from peoplecraft.assessment.instrument import SkillReliability

Z95 = 1.96  # two-sided 95 %
Z80 = 1.2816  # two-sided 80 %: below this a change is "within error", between the two "possibly"
PRIOR_MEAN_INTER_ITEM_R = 0.30
# 20 points = 0.8 of a step on a five-point scale: the usual SD of a short self-report scale mean
# (0.6-1.0 steps), and within the 18-25 points measured for 4-item skills in issue 15.
PRIOR_SD = 20.0
PRIOR = "prior"
POOL = "installation pool"  # calibration.POOL_SOURCE: opted-in members of this installation (k >= 20)

Verdict = Literal["improved", "declined", "possibly improved", "possibly declined", "within error"]
ChangeMethod = Literal["rci", "sdc95", "none"]


def whole(value: float) -> int:
    """The one display rounding rule: half up to whole points (12.5 -> 13, -12.5 -> -12)."""
    return math.floor(value + 0.5)


def points(value: float | None) -> str:
    """A score or difference as shown to people: whole points, or "—" when there is none."""
    return "—" if value is None else str(whole(value))


def spearman_brown(r: float, factor: float) -> float:
    """Reliability of a test ``factor`` times as long as one of reliability ``r``."""
    return factor * r / (1.0 + (factor - 1.0) * r)


@dataclass(frozen=True)
class Precision:
    """How precise one score is: reliability, SD, SEM and where r and SD came from."""

    reliability: float
    sd: float
    source: str  # "measured (n=240)", "measured alpha (n=240), prior SD" or "prior"
    measured: bool  # r and SD both measured: change is judged by the Jacobson-Truax RCI

    @property
    def sem(self) -> float:
        return self.sd * math.sqrt(1.0 - self.reliability)

    @property
    def sdc95(self) -> float:
        return Z95 * math.sqrt(2.0) * self.sem

    @property
    def sdc80(self) -> float:
        return Z80 * math.sqrt(2.0) * self.sem

    def band(self, score: float) -> tuple[float, float]:
        """The 95 % band score ± 1.96 · SEM, clipped to the 0-100 scale."""
        half = Z95 * self.sem
        return max(0.0, score - half), min(100.0, score + half)


def precision_for(
    measured: SkillReliability | None, *, answered: int, items: int, pool: SkillReliability | None = None
) -> Precision | None:
    """The precision of a skill score from ``answered`` of the skill's ``items`` (None if none answered).

    Preference: the instrument's measured values, then the installation pool (opted-in members,
    at least 20), then the prior. A measured or pooled alpha is for all ``items``; with fewer
    answered it is stepped down by Spearman-Brown.
    """
    if answered < 1:
        return None
    chosen, label = (measured, "measured") if measured is not None else (pool, POOL)
    if chosen is None:
        return Precision(spearman_brown(PRIOR_MEAN_INTER_ITEM_R, answered), PRIOR_SD, PRIOR, False)
    alpha = chosen.alpha if answered >= items else spearman_brown(chosen.alpha, answered / items)
    sample = f" (n={chosen.n})" if chosen.n else ""
    if chosen.sd is None:
        return Precision(alpha, PRIOR_SD, f"{label} alpha{sample}, prior SD", False)
    return Precision(alpha, chosen.sd, f"{label}{sample}", True)


def mean_sem(sems: Sequence[float]) -> float | None:
    """SEM of the mean of scores with independent errors (an area score): √(Σ SEM²) / m."""
    return math.sqrt(math.fsum(s * s for s in sems)) / len(sems) if sems else None


def band_around(score: float | None, sem: float | None) -> tuple[float, float] | None:
    if score is None or sem is None:
        return None
    return max(0.0, score - Z95 * sem), min(100.0, score + Z95 * sem)


def detectable_difference(sem_a: float, sem_b: float, *, z: float = Z95) -> float:
    """The smallest difference between two scores that measurement error does not explain."""
    return z * math.sqrt(sem_a * sem_a + sem_b * sem_b)


@dataclass(frozen=True)
class Change:
    value: float | None  # current - previous (unrounded); None when either score is missing
    method: ChangeMethod  # "rci" (r and SD measured), "sdc95" (prior or partly prior), "none"
    threshold: float | None  # |value| must exceed this (95 %) for improved / declined
    threshold80: float | None  # ... and this (80 %) for possibly improved / possibly declined
    verdict: Verdict | None  # None when there is nothing to compare
    rci: float | None = None  # value / SE of the difference, when method == "rci"

    @property
    def direction(self) -> Literal["up", "down", "none"] | None:
        if self.value is None:
            return None
        return "up" if self.value > 0 else "down" if self.value < 0 else "none"


NO_CHANGE = Change(None, "none", None, None, None)


def change_between(
    previous: float | None, current: float | None, before: Precision | None, after: Precision | None
) -> Change:
    """Did a skill score change more than the measurement error of both scores explains?"""
    if previous is None or current is None or before is None or after is None:
        return NO_CHANGE
    value = current - previous
    se_diff = math.sqrt(before.sem**2 + after.sem**2)
    high, low = Z95 * se_diff, Z80 * se_diff
    method: ChangeMethod = "rci" if before.measured and after.measured else "sdc95"
    rci = value / se_diff if method == "rci" and se_diff > 0 else None
    return Change(value, method, high, low, _verdict(value, high, low), rci)


def _verdict(value: float, high: float, low: float) -> Verdict:
    if abs(value) > high:
        return "improved" if value > 0 else "declined"
    if abs(value) > low:
        return "possibly improved" if value > 0 else "possibly declined"
    return "within error"


def change_document(change: Change) -> dict:
    """The ``change`` object of the JSON outputs."""
    return {
        "value": change.value,
        "direction": change.direction,
        "method": change.method,
        "threshold": change.threshold,
        "threshold_possible": change.threshold80,
        "verdict": change.verdict,
    }


def score_document(score: float | None, precision: Precision | None) -> dict:
    """``score``, ``band``, ``sem`` and ``reliability_source`` of one score in the JSON outputs."""
    band = precision.band(score) if precision is not None and score is not None else None
    return {
        "score": score,
        "band": None if band is None else list(band),
        "sem": None if precision is None else precision.sem,
        "reliability": None if precision is None else precision.reliability,
        "reliability_source": None if precision is None else precision.source,
    }
