"""Bundled exercises and cards: every skill covered, every entry complete, bad files explained."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

from peoplecraft.core.datafile import DataFileError, parse_yaml
from peoplecraft.practice.content import card_paths, exercise_paths, load_cards, load_exercises

GUIDE = Path(__file__).resolve().parents[2] / "src" / "peoplecraft" / "data" / "guides" / "interpersonal-skills.md"
SKILLS = re.findall(r"^   - \*\*(.+?)\*\*", GUIDE.read_text(), re.MULTILINE)


def test_every_skill_has_an_exercise_and_three_cards():
    exercises = load_exercises(exercise_paths(), known_skills=SKILLS)
    cards = load_cards(card_paths(), known_skills=SKILLS)
    assert len(SKILLS) == 52 and len(exercises) >= 52 and len(cards) >= 156
    per_exercise = Counter(e.skill.casefold() for e in exercises)
    per_card = Counter(c.skill.casefold() for c in cards)
    assert [s for s in SKILLS if per_exercise[s.casefold()] < 1] == []
    assert [s for s in SKILLS if per_card[s.casefold()] < 3] == []


def test_exercises_are_complete():
    for exercise in load_exercises(exercise_paths()):
        assert exercise.goal and exercise.situation and exercise.success, exercise.id
        assert len(exercise.steps) >= 2 and 2 <= len(exercise.reflection) <= 3, exercise.id
        assert exercise.difficulty in ("easy", "medium", "hard") and exercise.minutes > 0


def test_ids_are_unique_across_files():
    exercises = load_exercises(exercise_paths())
    cards = load_cards(card_paths())
    assert len({e.id for e in exercises}) == len(exercises)
    assert len({c.id for c in cards}) == len(cards)


def test_the_plain_card_file_comes_before_method_cards():
    """cards.yaml holds each skill's plain first cards; cards-<n>-methods.yaml follow them, so the
    first new card a learner meets is the simple one and method cards come next (issue 16)."""
    cards = load_cards(card_paths())
    first_method = next(i for i, card in enumerate(cards) if card.source)
    assert all(not card.source for card in cards[:first_method]) and first_method >= 156
    assert next(c.id for c in cards if c.skill == "Mediation") == "mediation-1"


EXERCISE = """exercises:
  - id: x-1
    skill: Empathy
    title: T
    goal: G
    situation: S
    setting: work
    steps: [one, two]
    minutes: 10
    difficulty: easy
    success: [ok]
    reflection: [a, b]
"""


def test_a_broken_exercise_names_file_line_and_fields(tmp_path):
    path = tmp_path / "exercises-bad.yaml"
    path.write_text(
        EXERCISE.replace("difficulty: easy", "difficulty: brutal").replace("reflection: [a, b]", "reflection: [a]")
    )
    with pytest.raises(DataFileError) as error:
        load_exercises([path])
    problems = error.value.problems
    assert f"{path}, line 2 (x-1), field 'reflection': needs 2 to 3 entries, not 1" in problems
    assert any("field 'difficulty'" in p and "'brutal'" in p for p in problems)


def test_unknown_skill_and_malformed_yaml(tmp_path):
    good = tmp_path / "exercises-a.yaml"
    good.write_text(EXERCISE.replace("Empathy", "Juggling"))
    with pytest.raises(DataFileError, match="unknown skill 'Juggling'"):
        load_exercises([good], known_skills=SKILLS)
    broken = tmp_path / "cards-b.yaml"
    broken.write_text("cards:\n  - id: a\n    prompt: [oops\n")
    with pytest.raises(DataFileError, match=r"cards-b.yaml, line \d+: YAML syntax error"):
        load_cards([broken])


def test_top_level_shape_is_checked():
    with pytest.raises(DataFileError, match="expected a mapping with a list under 'cards'"):
        from peoplecraft.core.datafile import records

        records(parse_yaml("- just a list\n", source="c.yaml"), source="c.yaml", key="cards")
