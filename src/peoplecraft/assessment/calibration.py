"""Reliability learned from use: measure alpha, score SD and n, and write them into an instrument file.

Pure module (no Django). ``assess analyze --update-instrument`` measures, per skill, Cronbach's
alpha and the standard deviation of the 0-100 skill score on the same complete cases (listwise,
as in ``reliability.py``), and rewrites only the instrument's top-level ``reliability:`` block:
every other byte of the file is kept, and the new text must load as the same instrument before
it replaces the file (atomically, keeping its mode). Comments inside the old block are not kept.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, replace
from importlib import resources
from pathlib import Path

import numpy as np

from peoplecraft.assessment.instrument import (
    BUNDLED_INSTRUMENT,
    Instrument,
    InstrumentError,
    SkillReliability,
    parse_instrument,
)
from peoplecraft.assessment.reliability import analyse_scale
from peoplecraft.assessment.response_files import ResponseTable

MIN_RESPONDENTS = 30  # fewer complete cases give an alpha too imprecise to judge anyone's change by
_BLOCK_START = re.compile(r"reliability[ \t]*:")


@dataclass(frozen=True)
class Measured:
    skill: str
    reliability: SkillReliability | None  # None: not written, ``reason`` says why
    reason: str = ""


def score_sds(instrument: Instrument, table: ResponseTable) -> dict[str, tuple[float | None, int]]:
    """Skill -> (SD of the 0-100 score over respondents who answered all its items, that n)."""
    items = {item.id: item for item in instrument.items}
    columns: dict[str, list[int]] = {}
    for index, item_id in enumerate(table.item_ids):
        columns.setdefault(items[item_id].skill, []).append(index)
    result = {}
    for skill, indexes in columns.items():
        percent = np.column_stack([_percent(table.values[:, j], items[table.item_ids[j]]) for j in indexes])
        complete = percent[~np.isnan(percent).any(axis=1)]
        scores = complete.mean(axis=1)
        sd = float(np.std(scores, ddof=1)) if len(scores) > 1 else None
        result[skill] = (sd, len(scores))
    return result


def _percent(column: np.ndarray, item) -> np.ndarray:
    low, high = item.scale.min, item.scale.max
    keyed = column if item.key == 1 else low + high - column
    return 100.0 * (keyed - low) / (high - low)


def measured_reliabilities(
    instrument: Instrument, table: ResponseTable, analysis: Mapping, *, source: str
) -> list[Measured]:
    """Per analysed skill, what to write (alpha, SD, n) or why not; ``analysis`` is item_analysis()."""
    sds = score_sds(instrument, table)
    found = []
    for scale in analysis["scales"]:
        skill, alpha, n = scale["skill"], scale["alpha"], scale["n_used"]
        sd, _n = sds.get(skill, (None, 0))
        if alpha is None or not 0 < alpha < 1:
            found.append(Measured(skill, None, f"alpha is {alpha if alpha is None else round(alpha, 3)}"))
        elif n < MIN_RESPONDENTS:
            found.append(Measured(skill, None, f"only {n} complete respondents (at least {MIN_RESPONDENTS} needed)"))
        elif sd is None or sd <= 0:
            found.append(Measured(skill, None, "the score does not vary"))
        else:
            found.append(Measured(skill, SkillReliability(round(alpha, 4), round(sd, 2), n, source)))
    return found


POOL_MIN_MEMBERS = 20  # installation pool: nothing is computed from fewer people (k-anonymity)
POOL_SOURCE = "installation pool"


def pooled_reliabilities(
    instrument: Instrument, table: ResponseTable, *, minimum: int = POOL_MIN_MEMBERS
) -> dict[str, SkillReliability]:
    """Per skill, alpha, score SD and n from the rows (one per member) that answered all its items.

    A skill answered completely by fewer than ``minimum`` rows is skipped before anything is
    computed, as is one whose alpha is not between 0 and 1 or whose score does not vary.
    """
    items = {item.id: item for item in instrument.items}
    columns: dict[str, list[int]] = {}
    for index, item_id in enumerate(table.item_ids):
        columns.setdefault(items[item_id].skill, []).append(index)
    found = {}
    for skill, indexes in columns.items():
        block = table.values[:, indexes]
        rows = ~np.isnan(block).any(axis=1)
        if len(indexes) < 2 or int(rows.sum()) < minimum:
            continue
        sub = ResponseTable(tuple(table.item_ids[j] for j in indexes), None, block[rows])
        alpha = analyse_scale(sub.values, [items[i].key for i in sub.item_ids]).alpha
        sd, n = score_sds(instrument, sub)[skill]
        if alpha is not None and 0 < alpha < 1 and sd is not None and sd > 0:
            found[skill] = SkillReliability(round(alpha, 4), round(sd, 2), n, POOL_SOURCE)
    return found


def is_bundled(path: Path) -> bool:
    """True for the item bank shipped inside the package (never rewritten)."""
    bundled = resources.files("peoplecraft").joinpath("data", "instruments", BUNDLED_INSTRUMENT)
    try:
        return path.resolve() == Path(str(bundled)).resolve()
    except OSError:
        return False


def with_reliability(text: str, instrument: Instrument, updates: Mapping[str, SkillReliability]) -> str:
    """``text`` with its ``reliability:`` block replaced by the old entries merged with ``updates``."""
    merged = {skill.casefold(): (skill, entry) for skill, entry in instrument.reliability.items()}
    for skill, entry in updates.items():
        merged[skill.casefold()] = (merged.get(skill.casefold(), (skill, None))[0], entry)
    newline = "\r\n" if "\r\n" in text else "\n"
    block = [f"reliability:{newline}"] + [f"  {json.dumps(s)}: {_entry(e)}{newline}" for s, e in merged.values()]
    lines = text.splitlines(keepends=True)
    start = next((i for i, line in enumerate(lines) if _BLOCK_START.match(line)), None)
    if start is None:
        if lines and not lines[-1].endswith(("\n", "\r")):
            lines[-1] += newline
        return "".join(lines + block)
    end = start + 1
    for index in range(start + 1, len(lines)):
        if lines[index][:1] in (" ", "\t"):
            end = index + 1
        elif lines[index].strip() and not lines[index].lstrip().startswith("#"):
            break
    return "".join(lines[:start] + block + lines[end:])


def _entry(entry: SkillReliability) -> str:
    if entry.sd is None and entry.n is None and entry.source is None:
        return repr(entry.alpha)
    fields = [f"alpha: {entry.alpha!r}"]
    fields += [f"sd: {entry.sd!r}"] if entry.sd is not None else []
    fields += [f"n: {entry.n}"] if entry.n is not None else []
    fields += [f"source: {json.dumps(entry.source)}"] if entry.source is not None else []
    return "{" + ", ".join(fields) + "}"


def checked_update(text: str, instrument: Instrument, updates: Mapping[str, SkillReliability], *, source: str) -> str:
    """The new text, refused (InstrumentError) unless it loads as the same instrument plus ``updates``."""
    new_text = with_reliability(text, instrument, updates)
    again = parse_instrument(new_text, source=source)
    wanted = {skill.casefold(): entry for skill, entry in updates.items()}
    got = {skill.casefold(): entry for skill, entry in again.reliability.items()}
    changed = any(got.get(skill) != entry for skill, entry in wanted.items())
    if changed or replace(again, reliability=instrument.reliability) != instrument:
        raise InstrumentError([f"{source}: the reliability block could not be rewritten safely; nothing was written"])
    return new_text
