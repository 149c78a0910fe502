"""A debrief as a JSON document (stored with a finished play) and back. Pure module: no Django.

The stored document keeps a finished play's debrief readable even after the scenario's text
changes: scores are never recomputed from a newer version.
"""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from peoplecraft.scenarios.engine.scoring import Debrief, Moment, SkillScore


def debrief_document(debrief: Debrief) -> dict[str, Any]:
    document = asdict(debrief)
    document["skills"] = [
        {**asdict(s), "ratio": None if s.ratio is None else round(s.ratio, 3)} for s in debrief.skills
    ]
    document["next_skills"] = list(debrief.next_skills)
    return document


def debrief_from_document(document: dict[str, Any]) -> Debrief:
    skills = tuple(SkillScore(s["skill"], s["score"], s["best"]) for s in document["skills"])
    best, worst = (Moment(**m) if m else None for m in (document["best_moment"], document["worst_moment"]))
    fields = {k: v for k, v in document.items() if k not in ("skills", "best_moment", "worst_moment", "next_skills")}
    return Debrief(
        **fields, skills=skills, best_moment=best, worst_moment=worst, next_skills=tuple(document["next_skills"])
    )
