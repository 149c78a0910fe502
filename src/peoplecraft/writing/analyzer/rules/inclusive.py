"""Inclusive-language rule: terms by category with alternatives and context guards.

Terms, categories, alternatives and guards live in ``data/inclusive.yaml``. Guards
(``unless_next``/``unless_prev``) skip technical senses such as "the disabled button";
terms with a common technical meaning ("execute", "kill", "abort") are not listed at all.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..lexicon import data_yaml, expand
from ..matcher import Entry, split_phrase

CATEGORY_RULES = {
    "gender": "inclusive-gender",
    "disability": "inclusive-disability",
    "age": "inclusive-age",
    "race and ethnicity": "inclusive-race",
    "other": "inclusive-other",
}


def entries() -> Iterator[Entry]:
    for item in data_yaml("inclusive.yaml"):
        category = item["category"]
        # ``alternatives`` are literal replacements (the first is the suggestion an editor can apply);
        # ``advice`` is guidance for cases with no drop-in replacement.
        alternatives = [str(alt) for alt in item.get("alternatives") or ()]
        advice = str(item.get("advice", "")).strip()
        unless_next = frozenset(str(w).lower() for w in item.get("unless_next", ()))
        unless_prev = frozenset(str(w).lower() for w in item.get("unless_prev", ()))
        for raw in item["phrases"]:
            for phrase in expand(str(raw)):
                words, seps = split_phrase(phrase)
                consider = f" Consider: {', '.join(alternatives)}." if alternatives else ""
                message = f"“{phrase}” may exclude or hurt people ({category}).{consider} {advice}".rstrip()
                yield Entry(
                    words,
                    seps,
                    CATEGORY_RULES[category],
                    "inclusive",
                    item.get("severity", "warning"),
                    message,
                    alternatives[0] if alternatives else None,
                    unless_next,
                    unless_prev,
                )
