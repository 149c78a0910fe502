"""The weekly planner: deterministic, spread over the week, adapting to how the last week went."""

from __future__ import annotations

from datetime import date, timedelta

from peoplecraft.practice.planner import Activity, ExerciseOption, SkillSettings, adapt, plan_for, plan_week

MONDAY = date(2026, 3, 2)
EXERCISES = [
    ExerciseOption("listen-easy", "Active Listening", "Easy", 1, 10),
    ExerciseOption("listen-medium", "Active Listening", "Medium", 2, 15),
    ExerciseOption("listen-hard", "Active Listening", "Hard", 3, 20),
    ExerciseOption("mediate", "Mediation", "Mediate", 3, 20),
]


def test_first_week_is_easy_three_sessions_spread_over_the_week():
    plan = plan_week(MONDAY, ["Active Listening"], EXERCISES, {})
    assert [s.day for s in plan.sessions] == [MONDAY, MONDAY + timedelta(days=2), MONDAY + timedelta(days=4)]
    assert {s.exercise_id for s in plan.sessions} == {"listen-easy"}
    assert plan.skills[0].level == 1 and plan.skills[0].sessions == 3


def test_skills_are_staggered_and_the_plan_is_deterministic():
    first = plan_week(MONDAY, ["Active Listening", "Mediation"], EXERCISES, {})
    again = plan_week(MONDAY, ["Active Listening", "Mediation"], EXERCISES, {})
    assert first == again
    mediation_days = [s.day.weekday() for s in first.sessions if s.skill == "Mediation"]
    assert mediation_days == [1, 3, 5]  # shifted one day from Active Listening's 0, 2, 4
    assert {s.exercise_id for s in first.sessions if s.skill == "Mediation"} == {"mediate"}  # closest level


def test_a_skill_without_exercises_gets_free_practice():
    plan = plan_week(MONDAY, ["Storytelling"], EXERCISES, {})
    assert len(plan.sessions) == 3 and all(s.exercise_id == "" for s in plan.sessions)
    assert plan.sessions[0].title == "Free practice: Storytelling"


def test_adapt_rules():
    start = SkillSettings("X", level=2, sessions=3)
    assert adapt(start, 3, Activity(3, (4, 5, 4))).level == 3  # thriving: a step up
    up = adapt(SkillSettings("X", level=3, sessions=3), 3, Activity(3, (5,)))
    assert (up.level, up.sessions) == (3, 4)  # at the top level: one more session
    down = adapt(start, 3, Activity(1, (3,)))
    assert (down.level, down.sessions) == (1, 2) and "easier and fewer" in down.reason
    assert adapt(start, 3, Activity(3, (2, 2))).level == 1  # low ratings
    assert adapt(start, 3, Activity(3, (5, 5), missed_cards=3)).level == 1  # missed cards
    steady = adapt(start, 3, Activity(2, (3, 4)))
    assert (steady.level, steady.sessions) == (2, 3) and "keep the pace" in steady.reason
    floor = adapt(SkillSettings("X", level=1, sessions=2), 2, Activity())
    assert (floor.level, floor.sessions) == (1, 2)


def test_plan_for_replays_history_week_by_week():
    history = {
        (MONDAY - timedelta(weeks=2), "Active Listening"): Activity(3, (4, 4, 5)),
        (MONDAY - timedelta(weeks=1), "Active Listening"): Activity(3, (5, 4, 4)),
    }
    plan = plan_for(MONDAY, ["Active Listening"], EXERCISES, history)
    assert plan.skills[0].level == 3
    assert {s.exercise_id for s in plan.sessions} == {"listen-hard"}
    assert "went well" in plan.skills[0].reason


def test_a_struggling_week_makes_next_week_easier_and_lighter():
    history = {(MONDAY - timedelta(weeks=1), "Active Listening"): Activity(1, (2,), missed_cards=4)}
    plan = plan_for(MONDAY, ["Active Listening"], EXERCISES, history)
    assert plan.skills[0].sessions == 2 and len(plan.sessions) == 2


def test_a_new_focus_skill_starts_fresh_despite_others_history():
    history = {(MONDAY - timedelta(weeks=4), "Active Listening"): Activity(3, (5, 5, 5))}
    plan = plan_for(MONDAY, ["Active Listening", "Mediation"], EXERCISES, history)
    mediation = next(s for s in plan.skills if s.skill == "Mediation")
    assert (mediation.level, mediation.sessions) == (1, 3)
