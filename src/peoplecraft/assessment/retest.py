"""Retests: when one is due, the order it shows items in, and whether scores agree. Pure module (no Django).

A retest asks the items of a finished assessment again 14-21 days later, in a seeded shuffled
order. For one person, each skill's two scores *agree within error* when their difference is
no larger than the smallest detectable difference of the two scores (SDC95,
``measurement.detectable_difference``). Pooled over many people (≥ :data:`MIN_PAIRS` pairs per
skill), the pairs give the test-retest correlation r_tt and SDC95 = 1.96 · √2 · SEM with
SEM = SD · √(1 − r_tt) (de Vet et al., 2006), SD being the pooled SD of both occasions.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Literal, TypeVar

from peoplecraft.assessment.measurement import Z95

FIRST_DAY = 14  # a retest is offered from 14 whole days after the assessment was finished ...
LAST_DAY = 21  # ... to 21 whole days after it (both included)
MIN_PAIRS = 30  # fewer pairs than this per skill: "n too small"

AGREES = "agrees within error"
DIFFERS = "differs by more than measurement error"
Agreement = Literal["agrees within error", "differs by more than measurement error"]

T = TypeVar("T")


def days_since(completed_at: datetime, now: datetime) -> int:
    """Whole days elapsed since ``completed_at`` (13 days 23 hours is 13)."""
    return (now - completed_at) // timedelta(days=1)


def is_due(completed_at: datetime, now: datetime) -> bool:
    return FIRST_DAY <= days_since(completed_at, now) <= LAST_DAY


def window(completed_at: datetime) -> tuple[datetime, datetime]:
    """When the retest window opens and when it closes (the first moment it is no longer due)."""
    return completed_at + timedelta(days=FIRST_DAY), completed_at + timedelta(days=LAST_DAY + 1)


def seed_for(original_id: int, original_seed: int) -> int:
    """The seed of a retest's item order: fixed by the original (so the command line knows it before
    the first answer, when nothing is stored yet) and different from the original's own seed."""
    return (original_id * 2654435761 + original_seed + 1) % 2**31


def agreement(first: float, retest: float, detectable: float) -> Agreement:
    """One person's verdict: |retest − first| ≤ the detectable difference agrees within error."""
    return AGREES if abs(retest - first) <= detectable else DIFFERS


@dataclass(frozen=True)
class SkillStability:
    """Pooled test-retest statistics of one skill; ``r`` and the rest are None when n is too small."""

    skill: str
    n: int
    r: float | None = None
    r_ci: tuple[float, float] | None = None  # 95 %, Fisher z
    sd: float | None = None
    sem: float | None = None
    sdc95: float | None = None

    @property
    def status(self) -> str:
        if self.n < MIN_PAIRS:
            return "n too small"
        return "ok" if self.r is not None else "no variation"


def pearson(pairs: Sequence[tuple[float, float]]) -> float | None:
    """Pearson's r of the pairs (None when either side does not vary)."""
    n = len(pairs)
    mx = math.fsum(x for x, _ in pairs) / n
    my = math.fsum(y for _, y in pairs) / n
    sxy = math.fsum((x - mx) * (y - my) for x, y in pairs)
    sxx = math.fsum((x - mx) ** 2 for x, _ in pairs)
    syy = math.fsum((y - my) ** 2 for _, y in pairs)
    return None if sxx == 0 or syy == 0 else sxy / math.sqrt(sxx * syy)


def _pooled_sd(pairs: Sequence[tuple[float, float]]) -> float:
    """√((s₁² + s₂²) / 2) with sample variances (n − 1) of the first and the retest scores."""
    n = len(pairs)
    variances = []
    for side in (0, 1):
        values = [pair[side] for pair in pairs]
        mean = math.fsum(values) / n
        variances.append(math.fsum((v - mean) ** 2 for v in values) / (n - 1))
    return math.sqrt(math.fsum(variances) / 2)


def skill_stability(skill: str, pairs: Sequence[tuple[float, float]], *, min_pairs: int = MIN_PAIRS) -> SkillStability:
    n = len(pairs)
    if n < min_pairs:
        return SkillStability(skill, n)
    r = pearson(pairs)
    if r is None:
        return SkillStability(skill, n)
    sd = _pooled_sd(pairs)
    sem = sd * math.sqrt(max(0.0, 1.0 - r))
    half = Z95 / math.sqrt(n - 3)
    ci = (math.tanh(math.atanh(min(r, 0.999999)) - half), math.tanh(math.atanh(min(r, 0.999999)) + half))
    return SkillStability(skill, n, r, ci, sd, sem, Z95 * math.sqrt(2.0) * sem)


def retest_statistics(pairs: Mapping[str, Sequence[tuple[float, float]]]) -> list[SkillStability]:
    """Per skill (in the mapping's order): test-retest r with n and SDC95, once n ≥ MIN_PAIRS."""
    return [skill_stability(skill, skill_pairs) for skill, skill_pairs in pairs.items()]


def stability_document(stats: Sequence[SkillStability]) -> list[dict]:
    """The ``skills`` list of ``assess retest --stats --format json``."""
    return [
        {
            "skill": s.skill,
            "n": s.n,
            "status": s.status,
            "r": s.r,
            "r_ci": None if s.r_ci is None else list(s.r_ci),
            "sd": s.sd,
            "sem": s.sem,
            "sdc95": s.sdc95,
        }
        for s in stats
    ]
