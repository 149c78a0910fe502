"""The emotion wheel (``data/emotions.yaml``): core feelings with more precise words. Pure: no Django."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources

import yaml


@dataclass(frozen=True)
class CoreEmotion:
    name: str
    nuances: tuple[str, ...]


@cache
def emotion_wheel() -> tuple[CoreEmotion, ...]:
    """The wheel in file order; every word (core or nuance) appears once."""
    text = resources.files(__package__).joinpath("data", "emotions.yaml").read_text("utf-8")
    data = yaml.safe_load(text)
    wheel = tuple(CoreEmotion(str(name), tuple(str(word) for word in words)) for name, words in data.items())
    words = [word for core in wheel for word in (core.name, *core.nuances)]
    if len(words) != len(set(words)):
        raise ValueError("emotions.yaml: a word appears twice on the wheel")
    return wheel


def core_of(word: str) -> str | None:
    """The core feeling a word belongs to (a core word is its own core), or ``None``."""
    wanted = word.strip().casefold()
    for core in emotion_wheel():
        if wanted == core.name or wanted in core.nuances:
            return core.name
    return None
