"""Whether the other person confirmed a practice entry: a seam other apps fill (issue 16).

The feedback app asks the other person (a one-question link) and registers here, from its
``integrations.register``, a source ``(owner, entry_ids) -> {entry_id: Confirmation}`` and the URL
where the learner asks. Practice reads only through this module, so it never imports feedback.
Only *attributed* answers ever reach a source's result: a pooled answer is never known per entry.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from peoplecraft.core.integrations import ensure_loaded

CONFIRMED, NOT_CONFIRMED, NOT_SURE, ASKED = "confirmed", "not_confirmed", "not_sure", "asked"


@dataclass(frozen=True)
class Confirmation:
    state: str  # CONFIRMED, NOT_CONFIRMED, NOT_SURE or ASKED (asked, no attributed answer yet)
    label: str
    comment: str = ""

    @property
    def confirmed(self) -> bool:
        return self.state == CONFIRMED


ConfirmationSource = Callable[[object, list[int]], dict[int, Confirmation]]
AskUrl = Callable[[int], str]
_SOURCES: dict[str, ConfirmationSource] = {}
_ASK_URLS: dict[str, AskUrl] = {}


def register_confirmation_source(name: str, source: ConfirmationSource, ask_url: AskUrl | None = None) -> None:
    _SOURCES[name] = source
    if ask_url is not None:
        _ASK_URLS[name] = ask_url


def confirmations_for(owner, entry_ids: Iterable[int]) -> dict[int, Confirmation]:
    """Entry id -> its confirmation, for the entries that have one (a confirmed answer wins)."""
    ensure_loaded()
    ids = list(entry_ids)
    found: dict[int, Confirmation] = {}
    if not ids:
        return found
    for source in _SOURCES.values():
        for entry_id, confirmation in source(owner, ids).items():
            if entry_id not in found or confirmation.confirmed:
                found[entry_id] = confirmation
    return found


def ask_url(entry_id: int) -> str:
    """Where the learner asks the other person to confirm this entry ("" when no app offers it)."""
    ensure_loaded()
    return next((make(entry_id) for make in _ASK_URLS.values()), "")
