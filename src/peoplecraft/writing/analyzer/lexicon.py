"""Load the data files in ``data/`` (once, on first use) and expand phrase variants."""

from __future__ import annotations

import itertools
import re
from functools import cache
from importlib import resources
from typing import Any

import yaml

_VARIANTS = re.compile(r"\{([^{}]*)\}")

try:  # the C loader is much faster; fall back to pure Python
    _Loader: Any = yaml.CSafeLoader
except AttributeError:  # pragma: no cover
    _Loader = yaml.SafeLoader


def data_text(name: str) -> str:
    return resources.files(__package__).joinpath("data", name).read_text("utf-8")


@cache
def data_yaml(name: str) -> Any:
    return yaml.load(data_text(name), Loader=_Loader)  # noqa: S506 - safe loader


def words(name: str, key: str) -> frozenset[str]:
    """A whitespace-separated word list stored under ``key`` in a YAML file."""
    return frozenset(str(data_yaml(name)[key]).lower().split())


def expand(phrase: str) -> list[str]:
    """``"{make|made} a decision"`` -> ``["make a decision", "made a decision"]``."""
    parts = _VARIANTS.split(phrase)
    options = [part.split("|") if i % 2 else [part] for i, part in enumerate(parts)]
    return [" ".join("".join(combo).split()) for combo in itertools.product(*options)]


@cache
def wordy() -> dict[str, str]:
    table: dict[str, str] = {}
    for line in data_text("wordy.txt").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        phrase, _, concise = line.partition("=>")
        for variant in expand(phrase.strip()):
            table[variant] = concise.strip()
    return table
