"""Self-assessment instruments: load, validate and hold them as frozen values.

An instrument is a YAML file of behavioural items, each tied to one skill of the guide by its
exact name (matched case-insensitively). Validation collects *every* problem before raising, so an
author fixing a hand-written item bank sees all mistakes at once, each naming the file, the item
and the problem. Pure module: no Django.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from types import MappingProxyType
from typing import Any

import yaml

from peoplecraft.assessment.scales import (
    COUNT,
    CUSTOM,
    FORMATS,
    FREQUENCY_OF_OCCASIONS,
    NAMED_SCALES,
    NO_OCCASION,
    Scale,
)
from peoplecraft.core.datafile import SAFE_LOADER

__all__ = ["COUNT", "FORMATS", "FREQUENCY_OF_OCCASIONS", "NAMED_SCALES", "NO_OCCASION", "Scale"]  # re-exported

BUNDLED_INSTRUMENT = "interpersonal-skills.yaml"
_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_TOP_FIELDS = {"id", "version", "title", "description", "scale", "reliability", "items", "retired"}
_ITEM_FIELDS = {"id", "skill", "key", "self", "other", "scale", "format"}
_REQUIRED_ITEM_FIELDS = ("id", "skill", "key", "self", "other")


class InstrumentError(ValueError):
    """An instrument failed to load; ``problems`` lists every problem found."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = list(problems)
        super().__init__("\n".join(self.problems))


@dataclass(frozen=True)
class Item:
    """One behavioural statement, in first person (self) and third person (360° raters)."""

    id: str
    skill: str
    key: int  # +1, or -1 when agreeing means *less* of the skill (reverse keyed)
    self_text: str
    other_text: str
    scale: Scale
    generic: bool = False


@dataclass(frozen=True)
class SkillReliability:
    """What has been measured about one skill's score (``reliability:`` in the instrument file).

    ``alpha`` is Cronbach's alpha; ``sd`` the standard deviation of the 0-100 skill score and
    ``n`` the respondents both came from; ``source`` says where (free text). A bare number in
    the file is an alpha alone.
    """

    alpha: float
    sd: float | None = None
    n: int | None = None
    source: str | None = None


@dataclass(frozen=True)
class Instrument:
    id: str
    version: int
    title: str
    description: str
    scale: Scale | None  # the default for items naming no format or scale; optional when all do
    items: tuple[Item, ...]
    reliability: Mapping[str, SkillReliability]  # skill (as written) -> what was measured, when known
    retired: frozenset[str] = frozenset()  # ids of earlier versions, never to be reused

    def skills(self) -> tuple[str, ...]:
        """Skill names in the order their first item appears."""
        return tuple(dict.fromkeys(item.skill for item in self.items))

    def reliability_for(self, skill: str) -> SkillReliability | None:
        """The measured reliability of a skill (name matched case-insensitively), if known."""
        wanted = skill.casefold()
        return next((a for s, a in self.reliability.items() if s.casefold() == wanted), None)


def load_instrument(path: str | Path) -> Instrument:
    """Load and validate an instrument from a YAML file."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise InstrumentError([f"{path}: cannot read file: {exc}"]) from exc
    return parse_instrument(text, source=str(path))


def parse_instrument(text: str, *, source: str = "<string>") -> Instrument:
    """Validate an instrument given as YAML text; ``source`` names it in error messages."""
    try:
        data = yaml.load(text, Loader=SAFE_LOADER)  # noqa: S506 - a safe loader (libyaml when built)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f", line {mark.line + 1}" if mark is not None else ""
        problem = getattr(exc, "problem", None) or str(exc)
        raise InstrumentError([f"{source}{where}: YAML syntax error: {problem}"]) from exc
    return _Validator(source, _item_lines(text)).instrument(data)


def _item_lines(text: str) -> dict[int, dict[str, int]]:
    """Line numbers of each item (1-based index) and of its fields: {index: {"": line, field: line}}.

    Problems with an item then name the line to fix, not only the item."""
    try:
        root = yaml.compose(text, Loader=SAFE_LOADER)
    except yaml.YAMLError:  # pragma: no cover - load() has already succeeded on the same text
        return {}
    pairs = root.value if isinstance(root, yaml.MappingNode) else ()
    items = next((v for k, v in pairs if k.value == "items"), None)
    lines: dict[int, dict[str, int]] = {}
    for index, node in enumerate(items.value if isinstance(items, yaml.SequenceNode) else (), start=1):
        found = {"": node.start_mark.line + 1}
        if isinstance(node, yaml.MappingNode):
            found.update({str(k.value): k.start_mark.line + 1 for k, _ in node.value})
        lines[index] = found
    return lines


@functools.cache
def bundled_instrument() -> Instrument:
    """The item bank shipped with Peoplecraft (covers every skill of the default guide).

    Parsed once per process: the result is immutable, and parsing 208 items takes a while."""
    ref = resources.files("peoplecraft").joinpath("data", "instruments", BUNDLED_INSTRUMENT)
    return parse_instrument(ref.read_text(encoding="utf-8"), source=f"bundled {BUNDLED_INSTRUMENT}")


class _Validator:
    """Walks the parsed YAML once, recording problems instead of stopping at the first."""

    def __init__(self, source: str, lines: Mapping[int, Mapping[str, int]] | None = None) -> None:
        self.source = source
        self.lines = lines or {}
        self.problems: list[str] = []

    def fail(self, problem: str, where: str = "", line: int | None = None) -> None:
        at = f", line {line}" if line else ""
        self.problems.append(f"{self.source}{at}: {where}{': ' if where else ''}{problem}")

    def instrument(self, data: Any) -> Instrument:
        if not isinstance(data, dict):
            self.fail("the instrument must be a YAML mapping with id, version, title, scale, items")
            raise InstrumentError(self.problems)
        for name in sorted(set(data) - _TOP_FIELDS, key=str):
            self.fail(f"unknown field {name!r}")
        for name in ("id", "version", "title", "items"):
            if name not in data:
                self.fail(f"missing field {name!r}")
        ident = self.text(data, "id", "")
        if ident and not _SLUG.match(ident):
            self.fail(f"id {ident!r} must be a slug (lowercase letters, digits, hyphens)")
        title = self.text(data, "title", "")
        version = data.get("version")
        if "version" in data and (type(version) is not int or version < 1):
            self.fail(f"version must be a positive integer, not {version!r}")
        scale = self.scale(data.get("scale"), "instrument scale") if "scale" in data else None
        retired = self.retired(data.get("retired") or [])
        items = self.items(data.get("items"), scale, retired) if "items" in data else ()
        reliability = self.reliability(data.get("reliability") or {}, items)
        if self.problems:
            raise InstrumentError(self.problems)
        return Instrument(
            id=ident,
            version=int(version),
            title=title,
            description=str(data.get("description") or "").strip(),
            scale=scale,
            items=items,
            reliability=MappingProxyType(reliability),
            retired=retired,
        )

    def text(self, raw: dict, field: str, where: str, line: int | None = None) -> str:
        if field not in raw:
            return ""  # reported as a missing field
        value = raw[field]
        if not isinstance(value, str) or not value.strip():
            self.fail(f"{field!r} must be non-empty text", where, line)
            return ""
        return " ".join(value.split())

    def scale(self, value: Any, where: str, line: int | None = None) -> Scale | None:
        if isinstance(value, str):
            if value not in NAMED_SCALES:
                known = ", ".join(NAMED_SCALES)
                self.fail(f"unknown scale {value!r} (known: {known})", where, line)
            return NAMED_SCALES.get(value)
        if not isinstance(value, dict):
            self.fail("scale must be a scale name or a mapping {min, max, labels}", where, line)
            return None
        low, high, labels = value.get("min"), value.get("max"), value.get("labels")
        if type(low) is not int or type(high) is not int or low >= high or low <= NO_OCCASION:
            self.fail(f"scale min and max must be integers with 0 < min < max, not {low!r}..{high!r}", where, line)
            return None
        if not isinstance(labels, list) or not all(isinstance(x, str) and x.strip() for x in labels):
            self.fail("scale labels must be a list of non-empty texts", where, line)
            return None
        if len(labels) != high - low + 1:
            self.fail(f"scale has {len(labels)} labels but {low}..{high} needs {high - low + 1}", where, line)
            return None
        fmt, no_occasion = self.scale_format(value, where, line)
        return Scale(low, high, tuple(label.strip() for label in labels), fmt, no_occasion)

    def scale_format(self, value: dict, where: str, line: int | None) -> tuple[str, str | None]:
        """An inline scale's optional ``format`` and ``no_occasion`` anchor (required together)."""
        for name in sorted(set(value) - {"min", "max", "labels", "format", "no_occasion"}, key=str):
            self.fail(f"unknown scale field {name!r}", where, line)
        fmt, no_occasion = value.get("format", CUSTOM), value.get("no_occasion")
        if fmt != CUSTOM and fmt not in FORMATS:
            self.fail(f"unknown scale format {fmt!r} (known: {', '.join(FORMATS)})", where, line)
        if fmt == FREQUENCY_OF_OCCASIONS and not (isinstance(no_occasion, str) and no_occasion.strip()):
            self.fail("a frequency-of-occasions scale needs a 'no_occasion' anchor ('No such occasion')", where, line)
        elif fmt != FREQUENCY_OF_OCCASIONS and no_occasion is not None:
            self.fail("only a frequency-of-occasions scale may have a 'no_occasion' anchor", where, line)
        return fmt, no_occasion.strip() if fmt == FREQUENCY_OF_OCCASIONS and isinstance(no_occasion, str) else None

    def retired(self, value: Any) -> frozenset[str]:
        if not isinstance(value, list) or not all(isinstance(x, str) and _SLUG.match(x) for x in value):
            self.fail("'retired' must be a list of item ids")
            return frozenset()
        return frozenset(value)

    def items(self, value: Any, default: Scale | None, retired: frozenset[str] = frozenset()) -> tuple[Item, ...]:
        if not isinstance(value, list) or not value:
            self.fail("'items' must be a non-empty list")
            return ()
        seen: set[str] = set(retired)
        items = []
        for index, raw in enumerate(value, start=1):
            item = self.item(raw, index, default, seen, retired)
            if item is not None:
                items.append(item)
        return tuple(items)

    def item(self, raw: Any, index: int, default: Scale | None, seen: set[str], retired=frozenset()) -> Item | None:
        lines = self.lines.get(index, {})
        at = lines.get("")
        if not isinstance(raw, dict):
            self.fail("must be a mapping", f"item #{index}", at)
            return None
        ident = raw.get("id")
        where = f"item {ident!r}" if isinstance(ident, str) and ident else f"item #{index}"
        before = len(self.problems)
        for name in sorted(set(raw) - _ITEM_FIELDS, key=str):
            self.fail(f"unknown field {name!r}", where, lines.get(str(name), at))
        for name in _REQUIRED_ITEM_FIELDS:
            if name not in raw:
                self.fail(f"missing field {name!r}", where, at)
        if isinstance(ident, str) and ident:
            if not _SLUG.match(ident):
                self.fail("id must be a slug (lowercase letters, digits, hyphens)", where, at)
            elif ident in retired:
                self.fail("id is retired (an earlier version used it for another statement): use a new id", where, at)
            elif ident in seen:
                self.fail("duplicate id", where, at)
            seen.add(ident)
        elif "id" in raw:
            self.fail("'id' must be non-empty text", where, at)
        key = raw.get("key")
        if "key" in raw and (type(key) is not int or key not in (1, -1)):
            self.fail(f"bad key {key!r}: use 1 (keyed) or -1 (reverse keyed)", where, lines.get("key", at))
        skill, self_text, other_text = (self.text(raw, f, where, lines.get(f, at)) for f in ("skill", "self", "other"))
        scale = self.item_scale(raw, default, where, lines)
        if len(self.problems) > before or scale is None:
            return None
        return Item(ident, skill, key, self_text, other_text, scale)

    def item_scale(self, raw: dict, default: Scale | None, where: str, lines: Mapping[str, int]) -> Scale | None:
        """The item's scale: from its ``format`` (default scale of that format), its ``scale``
        (which must then be of that format), or else the instrument's scale."""
        at = lines.get("")
        fmt = raw.get("format")
        if "format" in raw and (not isinstance(fmt, str) or fmt not in FORMATS):
            self.fail(f"unknown format {fmt!r} (known: {', '.join(FORMATS)})", where, lines.get("format", at))
            return None
        if "scale" in raw:
            scale = self.scale(raw["scale"], where, lines.get("scale", at))
            if scale is not None and fmt is not None and scale.format != fmt:
                self.fail(f"its scale is a {scale.format} scale, not a {fmt} scale", where, lines.get("scale", at))
                return None
            return scale
        if fmt is not None:
            return NAMED_SCALES[FORMATS[fmt]]
        if default is None:
            self.fail("needs a 'format' (or a 'scale'): the instrument has no default scale", where, at)
        return default

    def reliability(self, value: Any, items: tuple[Item, ...]) -> dict[str, SkillReliability]:
        if not isinstance(value, dict):
            self.fail("'reliability' must map skill names to alpha values or {alpha, sd, n, source}")
            return {}
        skills = {item.skill.casefold() for item in items}
        result = {}
        for skill, entry in value.items():
            where = f"reliability {skill!r}"
            if not isinstance(skill, str) or skill.casefold() not in skills:
                self.fail("names a skill with no items", where)
                continue
            measured = self.skill_reliability(entry if isinstance(entry, dict) else {"alpha": entry}, where)
            if measured is not None:
                result[skill] = measured
        return result

    def skill_reliability(self, entry: dict, where: str) -> SkillReliability | None:
        before = len(self.problems)
        for name in sorted(set(entry) - {"alpha", "sd", "n", "source"}, key=str):
            self.fail(f"unknown field {name!r}", where)
        alpha, sd, n, source = (entry.get(name) for name in ("alpha", "sd", "n", "source"))
        if not _number(alpha) or not 0 < alpha < 1:
            self.fail(f"alpha must be a number between 0 and 1, not {alpha!r}", where)
        if sd is not None and (not _number(sd) or not 0 < sd <= 100):
            self.fail(f"sd must be a number above 0 and at most 100 (the 0-100 score scale), not {sd!r}", where)
        if n is not None and (type(n) is not int or n < 2):
            self.fail(f"n must be a whole number of respondents, at least 2, not {n!r}", where)
        if source is not None and not isinstance(source, str):
            self.fail(f"source must be text, not {source!r}", where)
        if len(self.problems) > before:
            return None
        return SkillReliability(float(alpha), None if sd is None else float(sd), n, source)


def _number(value: Any) -> bool:
    return not isinstance(value, bool) and isinstance(value, int | float) and value == value


def generic_items_for(skill_names: Iterable[str], covered: Iterable[str]) -> tuple[Item, ...]:
    """Two generic self-ratings for each skill that has no written items.

    A frequency-of-occasions rating and a confidence rating let any guide be assessed, though less precisely
    than with behavioural items; they are marked ``generic=True`` so screens can say so.
    ``covered`` holds the skill names that already have items (compared case-insensitively).
    """
    done = {name.casefold() for name in covered}
    items: list[Item] = []
    for skill in skill_names:
        if skill.casefold() in done:
            continue
        done.add(skill.casefold())
        slug = re.sub(r"[^a-z0-9]+", "-", skill.casefold()).strip("-") or "skill"
        items.append(
            Item(
                f"generic-{slug}-occasions",
                skill,
                1,
                f"In the last month, when a situation called for {skill}, I put it into practice.",
                f"In the last month, when a situation called for {skill}, they put it into practice.",
                NAMED_SCALES[FREQUENCY_OF_OCCASIONS],
                generic=True,
            )
        )
        items.append(
            Item(
                f"generic-{slug}-confidence",
                skill,
                1,
                f"How confident am I that I could handle a demanding situation that calls for {skill} next week?",
                f"How confident are you that they could handle a demanding situation that calls for {skill} next week?",
                NAMED_SCALES["confidence-5"],
                generic=True,
            )
        )
    return tuple(items)
