"""Peoplecraft writing coach: a pure-Python text analyser (no Django, no network).

    from peoplecraft.writing.analyzer import analyze
    result = analyze("Subject: Friday\\n\\nHi Sam, could you send the report? Thanks, Alex",
                     context="email")
    result.score, result.findings, result.to_dict()

See docs/writing-coach.md for the counting rules, formulas, scores and rule lists.
"""

from .contexts import CONTEXTS, ContextConfig
from .core import analyze
from .model import Analysis, Finding

__all__ = ["CONTEXTS", "Analysis", "ContextConfig", "Finding", "analyze"]
