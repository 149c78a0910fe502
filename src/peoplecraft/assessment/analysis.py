"""Item analysis of an instrument against a response file, as one JSON-ready document.

Pure module (no Django): joins ``instrument`` (keys, skills) with ``reliability`` (statistics).
"""

from __future__ import annotations

from dataclasses import asdict

from peoplecraft.assessment.calibration import score_sds
from peoplecraft.assessment.instrument import Instrument
from peoplecraft.assessment.reliability import ResponsesCsvError, ResponseTable, analyse_scales


def check_responses(instrument: Instrument, table: ResponseTable, *, source: str) -> None:
    """Refuse item ids the instrument does not have and respondents listed twice."""
    known = {item.id for item in instrument.items}
    unknown = [item_id for item_id in table.item_ids if item_id not in known]
    if unknown:
        raise ResponsesCsvError(f"{source}, line 1: item ids not in instrument {instrument.id!r}: {', '.join(unknown)}")
    seen: dict[str, int] = {}
    for row, respondent in enumerate(table.respondents or (), start=2):
        if respondent in seen:
            raise ResponsesCsvError(
                f"{source}, row {row}: respondent {respondent!r} appears twice (first in row {seen[respondent]})"
            )
        seen[respondent] = row


def scale_range(instrument: Instrument) -> tuple[int, int]:
    return min(i.scale.min for i in instrument.items), max(i.scale.max for i in instrument.items)


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
