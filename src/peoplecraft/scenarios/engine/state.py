"""Flags: the facts a play has established, and how a node looks under them. Pure module: no Django.

A play's flags are a pure function of its path: start empty, then apply the ``sets`` of every node
reached and every choice made, in order. So the stored path stays the whole play state and old
plays (from before flags existed) replay unchanged.

How a node looks under flags (:func:`view`): each text written as a list of variants shows its first
variant whose ``when`` holds; only choices whose ``when`` holds are offered (a step's choice number
counts the offered choices); each offered choice's ``next`` is resolved through its routes, tried in
order against the flags *after* the choice's own ``sets``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from peoplecraft.scenarios.engine.model import TEXT_FIELDS, Choice, Node

Flags = frozenset[str]
NO_FLAGS: Flags = frozenset()


def apply(flags: Flags, sets: Iterable[tuple[str, bool]]) -> Flags:
    """``flags`` after setting (True) or clearing (False) the named flags, in order."""
    result = set(flags)
    for name, value in sets:
        if value:
            result.add(name)
        else:
            result.discard(name)
    return frozenset(result)


def text_for(node: Node, name: str, flags: Flags) -> str | None:
    """The node's text ``name`` under ``flags``; None when it has variants and none of them fits."""
    variants = node.variants_of(name)
    if not variants:
        return getattr(node, name)
    return next((variant.text for variant in variants if variant.when.holds(flags)), None)


def offered(node: Node, flags: Flags) -> list[Choice]:
    """The node's choices whose ``when`` holds, in the order written."""
    return [choice for choice in node.choices if choice.when.holds(flags)]


def view(node: Node, flags: Flags) -> Node:
    """The node as the player sees it under ``flags``: plain texts, offered choices, resolved targets.

    A missing variant or route (the loader's path check refuses scenarios where one can happen) falls
    back to an empty text (an ending's representative text) or the choice's first target."""
    if not node.variants and all(c.when.tests == () and not c.routes for c in node.choices):
        return node
    texts = {name: text_for(node, name, flags) or "" for name in TEXT_FIELDS}
    if node.is_ending and not texts["ending"]:
        texts["ending"] = node.ending  # keeps an ending an ending
    choices = tuple(
        replace(choice, next=choice.target(apply(flags, choice.sets)) or choice.next, routes=())
        for choice in offered(node, flags)
    )
    return replace(node, choices=choices, variants=(), **texts)
