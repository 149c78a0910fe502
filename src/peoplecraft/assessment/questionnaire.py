"""Which items an assessment asks, for a list of guide skills. Pure module: no Django.

Bank items are matched to skills by name, case-insensitively; a skill with no bank item gets
the two generic self-ratings of :func:`instrument.generic_items_for`. Items come out grouped by
skill, in the order the skills were given (the guide's order).
"""

from __future__ import annotations

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
    """The answer values of an item's scale with their labels: [(1, "Never"), ...]."""
    return list(zip(range(item.scale.min, item.scale.max + 1), item.scale.labels, strict=True))
