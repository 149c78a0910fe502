"""Where the focus recommendations get others' view of a skill: a provider another app registers.

The feedback app registers its released 360° results here from ``FeedbackConfig.ready()``, so the
assessment app does not import feedback (feedback already builds on assessment). A provider is
``(owner, skill_ids) -> {skill_id: score 0-100}`` and must return released aggregates only.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from peoplecraft.core.integrations import ensure_loaded

OthersProvider = Callable[[object, list[int]], dict[int, float]]
_PROVIDERS: dict[str, OthersProvider] = {}


def register_others_source(name: str, provider: OthersProvider) -> None:
    _PROVIDERS[name] = provider


def others_scores(owner, skill_ids: Iterable[int]) -> dict[int, float]:
    """Skill id -> others' score from every registered provider (a later provider wins a tie)."""
    ensure_loaded()
    ids = list(skill_ids)
    found: dict[int, float] = {}
    for provider in _PROVIDERS.values():
        found.update(provider(owner, ids))
    return found
