"""Value objects returned by :func:`peoplecraft.writing.analyzer.analyze`."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

SEVERITIES = ("info", "warning", "error")


@dataclass(frozen=True, slots=True)
class Finding:
    """One issue in the text.

    ``start`` and ``end`` are offsets in code points into the original input string,
    so ``text[start:end]`` is exactly the flagged span (never empty).
    """

    rule: str
    category: str
    severity: str
    start: int
    end: int
    message: str
    suggestion: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "rule": self.rule,
            "category": self.category,
            "severity": self.severity,
            "start": self.start,
            "end": self.end,
            "message": self.message,
            "suggestion": self.suggestion,
        }


@dataclass(frozen=True, slots=True)
class Analysis:
    """The result of analysing one text in one context."""

    context: str
    stats: dict[str, Any]
    score: int
    score_explanation: str
    findings: tuple[Finding, ...] = field(default_factory=tuple)

    def to_dict(self) -> dict[str, Any]:
        return {
            "context": self.context,
            "stats": dict(self.stats),
            "score": self.score,
            "score_explanation": self.score_explanation,
            "findings": [finding.to_dict() for finding in self.findings],
        }
