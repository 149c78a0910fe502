"""Installing a user's own instrument: validated, copied atomically, chosen for the guide it covers."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from peoplecraft.cli.main import app

pytestmark = pytest.mark.django_db
runner = CliRunner()

LEADERSHIP = """\
id: leadership-habits
version: 1
title: Leadership habits
description: How often you did these recently.
scale: {min: 1, max: 5, labels: [Never, Rarely, Sometimes, Often, Always]}
items:
  - id: tours-1
    skill: Listening tours
    key: 1
    self: "In the last month, I met each person on my team to ask what gets in their way."
    other: "They meet each person on the team to ask what gets in their way."
  - id: tours-2
    skill: Listening tours
    key: -1
    self: "In the last month, I cancelled a one-to-one to make room for other work."
    other: "They cancel one-to-ones to make room for other work."
"""
LEADERSHIP_NOTE = "---\ntitle: Leadership\n---\n## 1. **Influence**\n- **Listening tours**: Meet each team.\n"


@pytest.fixture
def instrument_file(tmp_path, settings, monkeypatch):
    monkeypatch.setenv("PEOPLECRAFT_HOME", str(tmp_path / "home"))
    path = tmp_path / "leadership.yaml"
    path.write_text(LEADERSHIP, encoding="utf-8")
    return path


def test_add_list_and_use_for_the_guide_it_covers(owner, instrument_file, tmp_path):
    result = runner.invoke(app, ["assess", "instrument", "add", str(instrument_file)])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "home" / "instruments" / "leadership-habits.yaml").read_text() == LEADERSHIP
    listing = json.loads(runner.invoke(app, ["assess", "instrument", "list", "--format", "json"]).stdout)
    assert [row["id"] for row in listing["instruments"]] == ["interpersonal-skills", "leadership-habits"]

    from peoplecraft.assessment.services import assessment_start
    from peoplecraft.skillmap.services import guide_import

    note = tmp_path / "leadership.md"
    note.write_text(LEADERSHIP_NOTE, encoding="utf-8")
    guide = guide_import(owner=owner, path=note)
    assessment = assessment_start(owner=owner, guide=guide, scope="guide")
    assert assessment.instrument_id == "leadership-habits"


def test_invalid_instrument_is_refused_with_file_and_item(owner, instrument_file, tmp_path):
    instrument_file.write_text(LEADERSHIP.replace("key: -1", "key: 3"), encoding="utf-8")
    result = runner.invoke(app, ["assess", "instrument", "add", str(instrument_file)])
    assert result.exit_code == 2
    assert str(instrument_file) in result.stderr and "tours-2" in result.stderr
    assert not (tmp_path / "home" / "instruments").exists()


def test_bundled_id_cannot_be_shadowed(owner, instrument_file):
    instrument_file.write_text(
        LEADERSHIP.replace("id: leadership-habits", "id: interpersonal-skills"), encoding="utf-8"
    )
    result = runner.invoke(app, ["assess", "instrument", "add", str(instrument_file)])
    assert result.exit_code == 2 and "bundled" in result.stderr
