"""Reliability learned from use: score SD, what is written, and a rewrite that keeps every other byte."""

import statistics

import numpy as np
import pytest

from peoplecraft.assessment.analysis import item_analysis
from peoplecraft.assessment.calibration import (
    MIN_RESPONDENTS,
    checked_update,
    is_bundled,
    measured_reliabilities,
    score_sds,
    with_reliability,
)
from peoplecraft.assessment.instrument import SkillReliability, parse_instrument
from peoplecraft.assessment.response_files import ResponseTable

ITEMS = "".join(
    f"  - {{id: s-{n}, skill: Skill One, key: {1 if n < 3 else -1}, self: 'I did {n}.', other: 'They did {n}.'}}\n"
    for n in (1, 2, 3)
)
MINI = "# Mini bank: keep this comment\nid: mini\nversion: 1\ntitle: Mini\nscale: frequency-5   # five points\nitems:\n"
MINI += ITEMS + "# trailing comment\n"


def _table(rows) -> ResponseTable:
    return ResponseTable(("s-1", "s-2", "s-3"), None, np.array(rows, dtype=float))


def test_score_sd_by_hand():
    # keyed percent means: (0+25+0)/3, 25, (75+100+75)/3, (100+75+100)/3 -> 8.33, 25, 83.33, 91.67
    instrument = parse_instrument(MINI)
    sds = score_sds(instrument, _table([[1, 2, 5], [2, 2, 4], [4, 5, 2], [5, 4, 1], [3, np.nan, 3]]))
    expected = statistics.stdev([25 / 3, 25, 250 / 3, 275 / 3])
    assert sds["Skill One"] == (pytest.approx(expected), 4)  # the row with a missing answer is left out


def test_block_is_appended_and_everything_else_kept_byte_for_byte():
    instrument = parse_instrument(MINI)
    entry = SkillReliability(0.8123, 17.42, 240, "assess analyze of r.csv, 2026-11-29")
    new = with_reliability(MINI, instrument, {"Skill One": entry})
    assert new.startswith(MINI)
    assert new[len(MINI) :] == (
        'reliability:\n  "Skill One": {alpha: 0.8123, sd: 17.42, n: 240, '
        'source: "assess analyze of r.csv, 2026-11-29"}\n'
    )
    assert parse_instrument(new).reliability_for("skill one") == entry


def test_an_existing_block_is_replaced_in_place_with_crlf_kept():
    head, tail = MINI.split("items:\n")
    old = head + "reliability:\n  Skill One: 0.5   # guessed\n\n# about the items\nitems:\n" + tail
    old = old.replace("\n", "\r\n")
    instrument = parse_instrument(old)
    new = checked_update(old, instrument, {"Skill One": SkillReliability(0.7, 20.0, 31, "x")}, source="t")
    expected = old.replace(
        "reliability:\r\n  Skill One: 0.5   # guessed\r\n",
        'reliability:\r\n  "Skill One": {alpha: 0.7, sd: 20.0, n: 31, source: "x"}\r\n',
    )
    assert new == expected


def test_other_skills_entries_are_kept():
    two = MINI.replace("items:\n", "items:\n  - {id: t-1, skill: Two, key: 1, self: 'I.', other: 'They.'}\n")
    old = two + "reliability: {Two: 0.61}\n"
    instrument = parse_instrument(old)
    new = with_reliability(old, instrument, {"Skill One": SkillReliability(0.7, 20.0, 31, "x")})
    assert new.endswith('reliability:\n  "Two": 0.61\n  "Skill One": {alpha: 0.7, sd: 20.0, n: 31, source: "x"}\n')


def test_too_few_respondents_are_not_written():
    instrument = parse_instrument(MINI)
    rng = np.random.default_rng(1)
    trait = rng.normal(3, 1, (MIN_RESPONDENTS - 1, 1))
    answers = np.clip(np.rint(trait + rng.normal(0, 0.7, (MIN_RESPONDENTS - 1, 3))), 1, 5)
    answers[:, 2] = 6 - answers[:, 2]  # the reverse item
    table = _table(answers)
    found = measured_reliabilities(instrument, table, item_analysis(instrument, table), source="s")
    assert found[0].reliability is None and "only 29 complete respondents" in found[0].reason


def test_the_bundled_instrument_is_recognised(tmp_path):
    from importlib import resources

    bundled = resources.files("peoplecraft").joinpath("data", "instruments", "interpersonal-skills.yaml")
    assert is_bundled(bundled) and not is_bundled(tmp_path / "interpersonal-skills.yaml")
