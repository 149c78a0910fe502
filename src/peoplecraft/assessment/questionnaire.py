"""Which items an assessment asks, for a list of guide skills. Pure module: no Django.

Bank items are matched to skills by name, case-insensitively; a skill with no bank item gets
the two generic self-ratings of :func:`instrument.generic_items_for`. Items come out grouped by
skill, in the order the skills were given (the guide's order); :func:`presentation_order` is the
seeded shuffled order in which an assessment shows them.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence

from peoplecraft.assessment.instrument import Instrument, Item, generic_items_for


def questionnaire_items(instrument: Instrument, skill_names: Sequence[str]) -> tuple[Item, ...]:
    wanted = [name.casefold() for name in skill_names]
    by_skill: dict[str, list[Item]] = {name: [] for name in wanted}
    for item in instrument.items:
        if item.skill.casefold() in by_skill:
            by_skill[item.skill.casefold()].append(item)
    covered = [name for name, items in by_skill.items() if items]
    for item in generic_items_for(skill_names, covered):
        by_skill[item.skill.casefold()].append(item)
    return tuple(item for name in dict.fromkeys(wanted) for item in by_skill[name])


def items_by_id(items: Sequence[Item]) -> dict[str, Item]:
    return {item.id: item for item in items}


def scale_points(item: Item) -> list[tuple[int, str]]:
    """The answers of an item's own scale with their labels: [(1, "None of the occasions"), ...],
    then (0, "No such occasion") when its format offers it."""
    return item.scale.points()


def presentation_order(items: Sequence[Item], seed: int) -> tuple[Item, ...]:
    """``items`` in the shuffled order an assessment with this ``seed`` shows them.

    Each item's place comes from a hash of the seed and its id, not from a shuffled list, so the
    order is the same on every run and every Python (resume shows the same order; the web and
    the command line agree), and any subset (one page) keeps its relative order. Shuffling
    spreads a skill's items apart, so answers lean less on the previous one and reverse-keyed
    items do not always come last.
    """

    def place(item: Item) -> bytes:
        return hashlib.sha256(f"{seed}:{item.id}".encode()).digest()

    return tuple(sorted(items, key=place))
