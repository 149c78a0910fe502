"""Guided reflection templates and the rotating daily questions (``data/templates.yaml``). Pure.

The daily check-in asks one question from each of three pools. Which one is fixed by the date
(its ordinal modulo the pool size), so the same day always shows the same questions, on the
web and in the CLI, and a question only comes back after its pool has gone round.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import cache
from importlib import resources

import yaml

DAILY = "daily"
FREE = "free"


@dataclass(frozen=True)
class Section:
    heading: str
    prompt: str


@dataclass(frozen=True)
class Template:
    name: str
    title: str
    description: str
    sections: tuple[Section, ...]


@cache
def _data() -> dict:
    return yaml.safe_load(resources.files(__package__).joinpath("data", "templates.yaml").read_text("utf-8"))


@cache
def templates() -> tuple[Template, ...]:
    return tuple(
        Template(
            name=raw["name"],
            title=raw["title"],
            description=" ".join(raw["description"].split()),
            sections=tuple(Section(s["heading"], " ".join(s["prompt"].split())) for s in raw["sections"]),
        )
        for raw in _data()["templates"]
    )


def template_names() -> tuple[str, ...]:
    return tuple(template.name for template in templates())


def template_get(name: str) -> Template:
    """The template called ``name``; ``KeyError`` names the valid ones."""
    for template in templates():
        if template.name == name:
            return template
    raise KeyError(f"unknown template '{name}'; choose one of: {', '.join(template_names())}")


def daily_pools() -> dict[str, tuple[str, ...]]:
    return {name: tuple(questions) for name, questions in _data()["daily_pools"].items()}


def daily_questions(day: date) -> tuple[str, ...]:
    """The day's check-in questions: one per pool, chosen by the date."""
    ordinal = day.toordinal()
    return tuple(pool[ordinal % len(pool)] for pool in daily_pools().values())


def template_sections(name: str, day: date) -> tuple[Section, ...]:
    template = template_get(name)
    if name == DAILY:
        return tuple(Section(f"Question {n}", question) for n, question in enumerate(daily_questions(day), 1))
    return template.sections


def template_body(name: str, day: date, *, extra_prompt: str = "") -> str:
    """The Markdown an entry starts from: a heading and italic prompt per section."""
    parts = [f"_{extra_prompt}_\n\n"] if extra_prompt else []
    for section in template_sections(name, day):
        parts.append(f"## {section.heading}\n\n_{section.prompt}_\n\n")
    return "".join(parts)


def is_unanswered(body: str, name: str, day: date, *, extra_prompt: str = "") -> bool:
    """True when ``body`` is empty or still only the template's headings and prompts."""
    stripped = body.strip()
    return not stripped or stripped == template_body(name, day, extra_prompt=extra_prompt).strip()
