"""Item analysis of an instrument against a response file, as one JSON-ready document.

Pure module (no Django): joins ``instrument`` (keys, skills) with ``response_files`` (the answers)
and ``reliability`` (statistics).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import asdict, replace
from pathlib import Path

import numpy as np

from peoplecraft.assessment.calibration import score_sds
from peoplecraft.assessment.instrument import NO_OCCASION, Instrument
from peoplecraft.assessment.reliability import analyse_scales
from peoplecraft.assessment.response_files import ResponsesCsvError, ResponseTable, read_responses_csv


def read_responses(instrument: Instrument, path: str | Path) -> ResponseTable:
    """The response file checked against ``instrument``: its item ids (any case), its scale and
    no respondent twice. Unknown columns are all reported before any answer is range-checked."""
    table = read_responses_csv(
        path,
        valid_range=scale_range(instrument),
        item_ids=[item.id for item in instrument.items],
        known_as=f"instrument {instrument.id!r}",
    )
    check_responses(table, source=str(path))
    return occasions_as_missing(instrument, table, source=str(path))


def occasions_as_missing(instrument: Instrument, table: ResponseTable, *, source: str) -> ResponseTable:
    """ "No such occasion" (0) becomes missing on items that offer it; 0 elsewhere is off the scale.

    The file is range-checked against the widest range of the instrument (0 included when any
    item offers "No such occasion"), so each column is checked against its own item here."""
    items = {item.id: item for item in instrument.items}
    values = table.values.copy()
    for col, item_id in enumerate(table.item_ids):
        column, scale = values[:, col], items[item_id].scale
        if scale.no_occasion:
            column[column == NO_OCCASION] = np.nan
        bad = np.flatnonzero(~np.isnan(column) & ((column < scale.min) | (column > scale.max)))
        if bad.size:
            where = f"{source}, row {bad[0] + 2}: item {item_id!r}"
            raise ResponsesCsvError(f"{where}: {column[bad[0]]:g} is not on its scale {scale.describe()}")
    return replace(table, values=values)


def check_responses(table: ResponseTable, *, source: str) -> None:
    """Refuse respondents listed twice."""
    seen: dict[str, int] = {}
    for row, respondent in enumerate(table.respondents or (), start=2):
        if respondent in seen:
            raise ResponsesCsvError(
                f"{source}, row {row}: respondent {respondent!r} appears twice (first in row {seen[respondent]})"
            )
        seen[respondent] = row


def missing_items(instrument: Instrument, table: ResponseTable) -> dict[str, list[str]]:
    """For each skill the file answers, the instrument's items of that skill the file lacks."""
    present = set(table.item_ids)
    skills = {item.skill for item in instrument.items if item.id in present}
    missing: dict[str, list[str]] = {}
    for item in instrument.items:
        if item.skill in skills and item.id not in present:
            missing.setdefault(item.skill, []).append(item.id)
    return missing


def missing_item_warnings(instrument: Instrument, missing: dict[str, list[str]]) -> list[str]:
    """One sentence per skill analysed with fewer items than the instrument has."""
    totals = Counter(item.skill for item in instrument.items)
    warnings = []
    for skill, ids in missing.items():
        kept = totals[skill] - len(ids)
        note = "; not analysed (alpha needs at least two items)" if kept < 2 else ""
        warnings.append(f"skill {skill!r}: {kept} of {totals[skill]} items in the file, missing {', '.join(ids)}{note}")
    return warnings


def scale_range(instrument: Instrument) -> tuple[int, int]:
    low = min(NO_OCCASION if i.scale.no_occasion else i.scale.min for i in instrument.items)
    return low, max(i.scale.max for i in instrument.items)


def item_analysis(instrument: Instrument, table: ResponseTable, *, confidence: float = 0.95) -> dict:
    """Per skill: alpha with its Feldt interval, and per item the corrected item-total r and alpha if deleted."""
    items = {item.id: item for item in instrument.items}
    keys = [items[item_id].key for item_id in table.item_ids]
    scales = {item_id: items[item_id].skill for item_id in table.item_ids}
    analyses = analyse_scales(table.values, table.item_ids, keys, scales, confidence=confidence)
    sds = score_sds(instrument, table)  # SD of the 0-100 skill score, same complete cases as alpha
    return {
        "instrument": {"id": instrument.id, "version": instrument.version},
        "respondents": int(table.values.shape[0]),
        "missing": "listwise deletion per scale (n_used respondents answered every item of the scale)",
        "missing_items": missing_items(instrument, table),
        "scales": [
            {
                "skill": skill,
                **{k: v for k, v in asdict(analysis).items() if k != "items"},
                "score_sd": sds.get(skill, (None, 0))[0],
                "items": [asdict(item) for item in analysis.items],
            }
            for skill, analysis in analyses.items()
        ],
    }
