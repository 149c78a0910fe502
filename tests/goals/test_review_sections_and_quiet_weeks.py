"""Issue 14 item 7: self-assessments are not "feedback received", and empty weeks are one row, not eight."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

import pytest
from django.urls import reverse
from django.utils import timezone

from peoplecraft.assessment import selectors as assessment_selectors
from peoplecraft.assessment import services as assessment_services
from peoplecraft.goals.review import WeekMood, trend_rows
from peoplecraft.journal import services as journal_services

PEOPLECRAFT = Path(sys.executable).with_name("peoplecraft")


def _section(page: str, heading_id: str) -> str:
    start = page.index(f'id="{heading_id}"')
    return page[start : page.index("</section>", start)]


def _week(monday: date, entries: int = 0, mood: float | None = None) -> WeekMood:
    return WeekMood(monday, mood, None, entries)


def test_runs_of_empty_weeks_become_one_row_each():
    mondays = [date(2026, 8, 3) + timedelta(weeks=n) for n in range(8)]
    trend = [_week(m) for m in mondays[:3]] + [_week(mondays[3], 2, 3.5)] + [_week(m) for m in mondays[4:]]
    rows = trend_rows(trend)
    assert [(r.start, r.end, r.empty) for r in rows] == [
        (date(2026, 8, 3), date(2026, 8, 23), True),
        (date(2026, 8, 24), date(2026, 8, 30), False),
        (date(2026, 8, 31), date(2026, 9, 27), True),
    ]
    assert len(trend_rows([_week(m) for m in mondays])) == 1


@pytest.mark.django_db
def test_the_page_puts_the_self_assessment_apart_and_collapses_quiet_weeks(owner_client, owner, imported_guide):
    area = assessment_selectors.guide_area(guide=imported_guide, number=1)
    assessment = assessment_services.assessment_start(owner=owner, guide=imported_guide, scope="area", area=area)
    items = assessment_selectors.assessment_items(assessment=assessment)
    assessment_services.answers_save(assessment=assessment, answers={item.id: 3 for item in items})
    assessment_services.assessment_complete(assessment=assessment)
    journal_services.entry_create(
        owner=owner, data=journal_services.EntryInput(entry_date=timezone.localdate(), body="A week", mood=4)
    )
    page = owner_client.get(reverse("goals:review")).content.decode()
    assert "Active Listening" in _section(page, "self-assessment-heading")
    received = _section(page, "feedback-heading")
    assert "Self-assessment" not in received and "Active Listening" not in received
    assert "No feedback from others released this week." in received
    mood = _section(page, "mood-heading")
    assert mood.count("No activity") == 1 and mood.count("<tr") == 3  # header, the quiet weeks, this week


def test_the_command_line_review_says_the_same(tmp_path, guide_path):
    env = {key: value for key, value in os.environ.items() if key != "DATABASE_URL"}
    env |= {"PEOPLECRAFT_HOME": str(tmp_path / "home"), "COLUMNS": "200"}

    def run(*args: str, stdin: str | None = None) -> str:
        result = subprocess.run([PEOPLECRAFT, *args], env=env, input=stdin, capture_output=True, text=True, timeout=120)
        assert result.returncode == 0 and "Traceback" not in result.stderr, result.stderr
        return result.stdout

    run("guide", "import", str(guide_path))
    run("assess", "take", "--area", "1", stdin="3\n" * 60)
    run("journal", "add", "--mood", "4", stdin="A quiet week otherwise.\n")
    text = run("review")
    assert "Your self-assessment:" in text and "Feedback: " not in text
    assert "Feedback from others: none released this week" in text
    assert text.count("No activity") == 1 and text.count("week of ") == 1
    document = json.loads(run("review", "--format", "json"))
    assert [row["empty"] for row in document["trend_rows"]] == [True, False]
