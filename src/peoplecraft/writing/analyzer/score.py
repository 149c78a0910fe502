"""The 0-100 clarity score for a context and its one-line explanation.

score = 100 minus these penalties (each capped), rounded:

* reading grade above the context target: 6 points per grade, at most 30;
* sentences over the context's long-sentence limit: 40 x their share, at most 20;
* passive sentences above the context target: 40 x the excess rate, at most 15;
* other style, tone and inclusive findings: per 100 words, info 0.3, warning 1,
  error 2, times 4, at most 25;
* context structure findings (missing subject, ask, headings, over length ...):
  8 points each, at most 30.

Empty text (no words to analyse) scores 0.
"""

from __future__ import annotations

from typing import Any

from .contexts import ContextConfig
from .model import Finding

_WEIGHTS = {"info": 0.3, "warning": 1.0, "error": 2.0}
_COUNTED_ELSEWHERE = frozenset({"passive", "long-sentence", "very-long-sentence"})


def penalties(stats: dict[str, Any], findings: tuple[Finding, ...], config: ContextConfig) -> dict[str, float]:
    words, sentences = stats["words"], stats["sentences"]
    long_share = sum(f.rule in ("long-sentence", "very-long-sentence") for f in findings)
    long_share /= max(1, sentences)
    weight = sum(
        _WEIGHTS[f.severity] for f in findings if f.category != "structure" and f.rule not in _COUNTED_ELSEWHERE
    )
    structure = sum(f.category == "structure" for f in findings)
    return {
        "reading grade": min(30.0, 6.0 * max(0.0, stats["grade_consensus"] - config.grade_target)),
        "long sentences": min(20.0, 40.0 * long_share),
        "passive voice": min(15.0, 40.0 * max(0.0, stats["passive_rate"] - config.passive_target)),
        "style and tone findings": min(25.0, 4.0 * weight * 100.0 / max(1, words)),
        "missing or over-limit parts": min(30.0, 8.0 * structure),
    }


def clarity(stats: dict[str, Any], findings: tuple[Finding, ...], config: ContextConfig) -> tuple[int, str]:
    if not stats["words"]:
        return 0, "No prose to analyse (code, links and quoted lines are skipped)."
    parts = penalties(stats, findings, config)
    score = max(0, min(100, round(100.0 - sum(parts.values()))))
    ranked = sorted(((v, k) for k, v in parts.items() if v >= 0.5), reverse=True)
    if not ranked:
        return score, f"Clear for {config.name}: nothing lowers the score."
    text = ", ".join(f"{name} (-{value:.0f})" for value, name in ranked[:2])
    return score, f"{score}/100 for {config.name}; lowered most by {text}."
