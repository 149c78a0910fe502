"""Playing, scoring and debriefing a path, with stale answers refused (pure, no database)."""

from __future__ import annotations

from pathlib import Path

import pytest

from peoplecraft.scenarios import engine
from peoplecraft.scenarios.engine import parse_scenario

SKILLS = {"Empathy", "Active Listening", "Mediation"}
TINY = (Path(__file__).parent / "tiny.yaml").read_text(encoding="utf-8")  # line numbers are asserted


@pytest.fixture
def scenario():
    return parse_scenario(TINY, source="s.yaml", skills=SKILLS)


def test_advance_replay_and_finish(scenario):
    state = engine.start(scenario)
    state = engine.advance(state, node_id="first", choice=0)
    assert state.node.id == "second" and state.last()[1].feedback == "Warm."
    state = engine.advance(state, node_id="second", choice=0)
    assert state.finished and state.node.outcome == "Friends"
    again = engine.replay(scenario, engine.as_steps(engine.steps_document(state.steps)))
    assert again == state


def test_stale_and_bad_choices_are_refused(scenario):
    state = engine.advance(engine.start(scenario), node_id="first", choice=0)
    with pytest.raises(engine.StaleStep):
        engine.advance(state, node_id="first", choice=0)  # a double submit
    with pytest.raises(engine.BadChoice):
        engine.advance(state, node_id="second", choice=5)
    with pytest.raises(engine.PathError):
        engine.replay(scenario, [engine.Step("second", 0)])
    with pytest.raises(engine.PathError):
        engine.as_steps([["first"]])


def test_debrief_scores_against_the_best_on_the_path(scenario):
    state = engine.replay(scenario, [engine.Step("first", 1)])
    debrief = engine.debrief(state)
    assert (debrief.outcome, debrief.total, debrief.best_total, debrief.decisions) == ("Lost", -2, 2, 1)
    empathy = debrief.skills[0]
    assert (empathy.skill, empathy.score, empathy.best, empathy.ratio) == ("Empathy", -2, 2, -1.0)
    assert debrief.worst_moment.chosen == "What do you want?"
    assert debrief.worst_moment.better == "Hi, how are you?" and debrief.worst_moment.better_feedback == "Warm."
    assert debrief.next_skills == ("Empathy",)


def test_perfect_path_has_no_missed_chance_and_round_trips(scenario):
    state = engine.replay(scenario, [engine.Step("first", 0), engine.Step("second", 0)])
    debrief = engine.debrief(state)
    assert debrief.worst_moment is None and debrief.best_moment.chosen == "Hi, how are you?"
    assert engine.debrief_from_document(engine.debrief_document(debrief)) == debrief


def test_debrief_needs_a_finished_play(scenario):
    with pytest.raises(ValueError, match="finished"):
        engine.debrief(engine.start(scenario))
