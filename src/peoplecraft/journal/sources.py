"""Registries other apps plug into: prompt sources (prompts from the learner's own data) and link
kinds (records a journal entry may point at). Pure: the registry holds plain callables.

An app registers in its ``AppConfig.ready()``::

    from peoplecraft.journal.sources import LinkKind, register_link_kind, register_prompt_source
    register_prompt_source("practice", practice_prompts)          # owner -> list[SuggestedPrompt]
    register_link_kind(LinkKind("practice", "Practice log entry", practice_entry_exists))
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from peoplecraft.core.integrations import ensure_loaded


@dataclass(frozen=True)
class SuggestedPrompt:
    """A reflection prompt drawn from the learner's data; answering it links ``skill_ids`` as evidence."""

    ref: str  # "<source>:<key>", stable while the data behind it stays the same
    source: str
    title: str
    question: str
    skill_ids: tuple[int, ...] = ()
    template: str = "free"


@dataclass(frozen=True)
class LinkKind:
    kind: str
    label: str
    exists: Callable[[Any, int], bool]  # (owner, id) -> is it one of owner's records?


PromptProvider = Callable[[Any], list[SuggestedPrompt]]

_PROMPT_SOURCES: dict[str, PromptProvider] = {}
_LINK_KINDS: dict[str, LinkKind] = {}


def register_prompt_source(name: str, provider: PromptProvider) -> None:
    _PROMPT_SOURCES[name] = provider


def register_link_kind(kind: LinkKind) -> None:
    _LINK_KINDS[kind.kind] = kind


def suggested_prompts(owner) -> list[SuggestedPrompt]:
    """Every registered source's prompts for ``owner``, in registration order."""
    ensure_loaded()
    return [prompt for provider in _PROMPT_SOURCES.values() for prompt in provider(owner)]


def prompt_get(owner, ref: str) -> SuggestedPrompt | None:
    ensure_loaded()
    source = ref.partition(":")[0]
    provider = _PROMPT_SOURCES.get(source)
    if provider is None:
        return None
    return next((prompt for prompt in provider(owner) if prompt.ref == ref), None)


def link_kinds() -> dict[str, LinkKind]:
    ensure_loaded()
    return dict(_LINK_KINDS)
