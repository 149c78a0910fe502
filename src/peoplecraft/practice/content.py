"""Bundled practice content: exercises and practice cards, loaded and validated from YAML.

``data/practice/exercises*.yaml`` hold ``exercises:``; ``data/practice/cards*.yaml`` hold
``cards:``. Every problem names the file, the line and the field. Pure module: no Django.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from peoplecraft.core.datafile import (
    DataFileError,
    Fields,
    check_skills,
    check_unique_ids,
    parse_yaml,
    read_text,
    records,
)

DIFFICULTIES = ("easy", "medium", "hard")
# What the learner sees for each difficulty: every skill has one exercise at each level.
LEVEL_NAMES = {"easy": "Starter", "medium": "Stretch", "hard": "Advanced"}
SETTINGS = ("work", "home", "anywhere")
_EXERCISE_FIELDS = frozenset(
    {
        "id", "skill", "title", "goal", "situation", "setting", "steps", "minutes", "difficulty", "success",
        "reflection", "rehearse", "ask", "source",
    }
)  # fmt: skip
_CARD_FIELDS = frozenset({"id", "skill", "prompt", "source"})


@dataclass(frozen=True)
class Exercise:
    id: str
    skill: str
    title: str
    goal: str
    situation: str
    setting: str
    steps: tuple[str, ...]
    minutes: int
    difficulty: str
    success: tuple[str, ...]
    reflection: tuple[str, ...]
    where: str = ""
    # Rehearse -> try -> ask (issue 16): a rehearsal before the real try (a script to say aloud, or
    # "scenario: <id>" / "card: <id>"), the one yes/no question the other person can answer about
    # the try (built from an observable success criterion), and the method and its source.
    rehearse: str = ""
    ask: str = ""
    source: str = ""

    @property
    def level(self) -> int:
        """1 (easy) to 3 (hard): what the planner matches against."""
        return DIFFICULTIES.index(self.difficulty) + 1

    @property
    def level_name(self) -> str:
        return LEVEL_NAMES[self.difficulty]


@dataclass(frozen=True)
class Card:
    """A small behaviour to try in the next real interaction."""

    id: str
    skill: str
    prompt: str
    where: str = ""
    source: str = ""  # the method a card comes from, when it has one (e.g. "Nonviolent Communication, Rosenberg")


def _exercise(record: dict, source: str) -> tuple[Exercise | None, list[str]]:
    f = Fields(record, source, _EXERCISE_FIELDS)
    exercise = Exercise(
        id=f.slug("id"),
        skill=f.text("skill", max_length=300),
        title=f.text("title", max_length=200),
        goal=f.text("goal", max_length=500),
        situation=f.text("situation", max_length=500),
        setting=f.choice("setting", SETTINGS),
        steps=f.texts("steps", low=2, high=10),
        minutes=f.integer("minutes", low=1, high=240) or 0,
        difficulty=f.choice("difficulty", DIFFICULTIES),
        success=f.texts("success", low=1, high=6),
        reflection=f.texts("reflection", low=2, high=3),
        where=f.where,
        rehearse=f.text("rehearse", required=False, max_length=600),
        ask=f.text("ask", required=False, max_length=200),
        source=f.text("source", required=False, max_length=300),
    )
    return (None, f.problems) if f.problems else (exercise, [])


def _card(record: dict, source: str) -> tuple[Card | None, list[str]]:
    f = Fields(record, source, _CARD_FIELDS)
    card = Card(
        id=f.slug("id"),
        skill=f.text("skill", max_length=300),
        prompt=f.text("prompt", max_length=300),
        source=f.text("source", required=False, max_length=300),
        where=f.where,
    )
    return (None, f.problems) if f.problems else (card, [])


def _file_order(path: Path) -> tuple[bool, str]:
    """The plain file (``cards.yaml``) before its numbered siblings (``cards-1-methods.yaml``).

    Plain sorting puts "cards-…" before "cards.yaml" ("-" < "."), which would make a method card
    the first new card of a skill; the plain cards are the simpler first steps."""
    return ("-" in path.stem, path.name)


def _load(paths: Iterable[Path], key: str, build, known_skills: Iterable[str] | None) -> tuple:
    items, problems = [], []
    for path in sorted(paths, key=_file_order):
        try:
            for record in records(parse_yaml(read_text(path), source=str(path)), source=str(path), key=key):
                item, found = build(record, str(path))
                problems.extend(found)
                if item is not None:
                    items.append(item)
        except DataFileError as error:
            problems.extend(error.problems)
    problems += check_unique_ids((item.id, item.where) for item in items)
    problems += check_skills(((item.skill, item.where) for item in items), known_skills)
    if problems:
        raise DataFileError(problems)
    return tuple(items)


def load_exercises(paths: Iterable[Path], *, known_skills: Iterable[str] | None = None) -> tuple[Exercise, ...]:
    return _load(paths, "exercises", _exercise, known_skills)


def load_cards(paths: Iterable[Path], *, known_skills: Iterable[str] | None = None) -> tuple[Card, ...]:
    return _load(paths, "cards", _card, known_skills)


def _folder() -> Path:
    return Path(str(resources.files("peoplecraft.data").joinpath("practice")))


def exercise_paths() -> list[Path]:
    return sorted(_folder().glob("exercises*.yaml"))


def card_paths() -> list[Path]:
    return sorted(_folder().glob("cards*.yaml"))


@functools.cache
def bundled_exercises() -> tuple[Exercise, ...]:
    return load_exercises(exercise_paths())


@functools.cache
def bundled_cards() -> tuple[Card, ...]:
    return load_cards(card_paths())


def for_skill(items: Iterable, skill: str) -> list:
    """Exercises or cards of one skill (name matched case-insensitively), in file order."""
    wanted = skill.casefold()
    return [item for item in items if item.skill.casefold() == wanted]
