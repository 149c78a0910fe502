"""Writing contexts and their targets."""

from __future__ import annotations

from dataclasses import dataclass
from types import MappingProxyType


@dataclass(frozen=True, slots=True)
class ContextConfig:
    name: str
    description: str
    long_sentence: int  # words; more is a "long-sentence" finding
    very_long_sentence: int  # words; more is a "very-long-sentence" finding
    grade_target: float  # grade consensus above this lowers the clarity score
    passive_target: float  # passive_rate above this lowers the clarity score
    max_words: int | None = None  # e-mail: recommended length
    max_chars: int | None = None  # social: hard limit
    max_hashtags: int | None = None
    max_paragraph_words: int | None = None  # report
    max_subject_chars: int | None = None  # e-mail


CONTEXTS: MappingProxyType[str, ContextConfig] = MappingProxyType(
    {
        "general": ContextConfig("general", "Any prose", 25, 40, 10.0, 0.15),
        "email": ContextConfig(
            "email",
            "An e-mail with subject, greeting, ask and sign-off",
            25,
            35,
            8.0,
            0.15,
            max_words=200,
            max_subject_chars=60,
        ),
        "report": ContextConfig(
            "report",
            "A structured report with headings",
            30,
            45,
            12.0,
            0.25,
            max_paragraph_words=150,
        ),
        "social": ContextConfig(
            "social",
            "A short social-media post",
            20,
            30,
            8.0,
            0.15,
            max_chars=280,
            max_hashtags=3,
        ),
    }
)


def get(name: str) -> ContextConfig:
    try:
        return CONTEXTS[name]
    except (KeyError, TypeError):
        known = ", ".join(CONTEXTS)
        raise ValueError(f"Unknown context {name!r}; choose one of: {known}") from None
