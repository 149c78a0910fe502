"""The public API the CLI and the web editor build on."""

import json

import pytest

from peoplecraft.writing.analyzer import CONTEXTS, Analysis, Finding, analyze

STAT_KEYS = {
    "words",
    "sentences",
    "paragraphs",
    "syllables",
    "characters",
    "complex_words",
    "flesch_reading_ease",
    "flesch_kincaid_grade",
    "gunning_fog",
    "smog",
    "coleman_liau",
    "ari",
    "readability",
    "passive_sentences",
    "passive_rate",
}


def test_contexts_are_the_four_documented_ones():
    assert set(CONTEXTS) == {"general", "email", "report", "social"}


@pytest.mark.parametrize("context", ["general", "email", "report", "social"])
def test_analysis_shape_and_json(context):
    result = analyze("The report was written by Sam. It is very good!!", context)
    assert isinstance(result, Analysis)
    assert result.context == context
    assert set(result.stats) >= STAT_KEYS
    assert isinstance(result.score, int) and 0 <= result.score <= 100
    assert result.score_explanation
    assert isinstance(result.findings, tuple)
    assert all(isinstance(f, Finding) for f in result.findings)
    assert [f.start for f in result.findings] == sorted(f.start for f in result.findings)
    data = json.loads(json.dumps(result.to_dict()))
    assert set(data) == {"context", "stats", "score", "score_explanation", "findings"}
    assert data["findings"][0].keys() == {"rule", "category", "severity", "start", "end", "message", "suggestion"}


def test_default_context_is_general():
    assert analyze("Hello there.").context == "general"


@pytest.mark.parametrize("bad", ["letter", "", "EMAIL", None])
def test_unknown_context_is_a_value_error(bad):
    with pytest.raises(ValueError, match="Unknown context"):
        analyze("Hello.", bad)


@pytest.mark.parametrize("text", ["", "   ", "\r\n\r\n\t", "```\ncode only\n```\n"])
def test_empty_text_has_zero_stats_score_zero_and_no_findings(text):
    result = analyze(text, "email")
    assert result.stats["words"] == 0
    assert result.stats["sentences"] == 0
    assert result.stats["passive_rate"] == 0.0
    assert result.stats["flesch_reading_ease"] == 0.0
    assert result.score == 0
    assert "No prose" in result.score_explanation
    assert result.findings == ()


def test_finding_is_frozen_and_serialisable():
    finding = Finding("wordy", "style", "warning", 0, 11, "Wordy.", "to")
    with pytest.raises(AttributeError):
        finding.start = 3  # type: ignore[misc]
    assert finding.to_dict()["suggestion"] == "to"


def test_findings_are_not_capped():
    text = "In order to win. " * 3000
    findings = [f for f in analyze(text).findings if f.rule == "wordy"]
    assert len(findings) == 3000


def test_severity_values():
    text = "OBVIOUSLY you must fix this!! In order to win we will leverage synergy."
    assert {f.severity for f in analyze(text).findings} <= {"info", "warning", "error"}
