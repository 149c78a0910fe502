"""Issue 16 item 2: three levels per skill, and every exercise can be checked by a second person.

Every skill of the bundled guide has an exercise at each level (starter, stretch, advanced); every
exercise names its method's source, has a rehearsal step and one yes/no question the other person
can answer about the try, and its success criteria never compare with an unmeasured "usual".
"""

from __future__ import annotations

import re
from collections import defaultdict

import pytest

from peoplecraft.practice.content import DIFFICULTIES, bundled_exercises

EXERCISES = bundled_exercises()
NO_BASELINE = re.compile(r"\bthan (usual|before|normal|last time)\b", re.IGNORECASE)


def test_there_are_at_least_156_exercises():
    assert len(EXERCISES) >= 156, len(EXERCISES)


@pytest.mark.parametrize("skill", sorted({e.skill for e in EXERCISES}))
def test_each_skill_has_a_starter_a_stretch_and_an_advanced_exercise(skill):
    levels = defaultdict(list)
    for exercise in EXERCISES:
        if exercise.skill == skill:
            levels[exercise.difficulty].append(exercise.id)
    assert set(levels) == set(DIFFICULTIES), dict(levels)


@pytest.mark.parametrize("exercise", EXERCISES, ids=lambda e: e.id)
def test_every_exercise_can_be_rehearsed_tried_and_confirmed(exercise):
    assert exercise.rehearse, f"{exercise.where}: no rehearse step"
    assert exercise.ask.endswith("?") and len(exercise.ask) <= 200, f"{exercise.where}: ask {exercise.ask!r}"
    assert exercise.source, f"{exercise.where}: no source"
    for line in exercise.success:
        assert not NO_BASELINE.search(line), f"{exercise.where}: success criterion without a baseline: {line!r}"
