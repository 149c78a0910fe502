"""Each app's Today provider offers an action only when there is something to do (both sides tested)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.utils import timezone

from peoplecraft.core.contributions import Step, TodayAction, Urgency, pick, today_actions
from peoplecraft.skillmap.selectors import skill_find

pytestmark = pytest.mark.django_db


def _keys(owner, day=None) -> list[str]:
    return [action.key for action in today_actions(owner, day or timezone.localdate())]


def _skill(guide, name="Active Listening"):
    return skill_find(guide=guide, name=name)


def test_a_new_learner_without_a_note_has_nothing_and_with_one_is_asked_to_assess(owner, guide_path):
    assert _keys(owner) == []
    from peoplecraft.skillmap.services import guide_import

    guide_import(owner=owner, path=guide_path)
    assert _keys(owner) == ["assessment:first"]


def test_assessment_finish_then_retest_when_due(owner, imported_guide):
    from peoplecraft.assessment.services import assessment_start

    assessment = assessment_start(owner=owner, guide=imported_guide, scope="skills", skills=[_skill(imported_guide)])
    assert _keys(owner) == [f"assessment:finish-{assessment.pk}"]
    assessment.completed_at = timezone.now()  # finished (scoring is not what this test is about)
    assessment.save(update_fields=["completed_at"])
    assert not any(key.startswith("assessment:") for key in _keys(owner))  # just taken: no retest yet
    assessment.completed_at = timezone.now() - timedelta(days=15)
    assessment.save(update_fields=["completed_at"])
    retest = [a for a in today_actions(owner, timezone.localdate()) if a.step == Step.ASSESS]
    assert [a.title for a in retest] == ["Retest is due"] and retest[0].due is not None


def test_practice_cards_due_only_with_focus_skills(owner, imported_guide):
    from peoplecraft.skillmap.services import skill_mark

    assert not [k for k in _keys(owner) if k.startswith("practice:")]
    skill_mark(skill=_skill(imported_guide), status="active", source="web")
    actions = [a for a in today_actions(owner, timezone.localdate()) if a.step == Step.PRACTICE]
    assert actions[0].key == "practice:cards" and actions[0].title.startswith("Cards due: ")


def test_practice_plan_offers_todays_session_until_it_is_logged(owner, imported_guide):
    from peoplecraft.practice import plans
    from peoplecraft.practice.services import practice_entry_log
    from peoplecraft.skillmap.services import skill_mark

    skill_mark(skill=_skill(imported_guide), status="active", source="web")
    monday = timezone.localdate() - timedelta(days=timezone.localdate().weekday())
    day = next(s.day for s in plans.week_plan(owner=owner, week_start=monday).sessions)
    assert f"practice:plan-{day.isoformat()}-Active Listening" in _keys(owner, day)
    off = next(d for d in (monday + timedelta(days=n) for n in range(7)) if not plans.week_plan(owner=owner).on(d))
    assert not [k for k in _keys(owner, off) if k.startswith("practice:plan")]
    practice_entry_log(owner=owner, skill="Active Listening", occurred_on=day, situation="1:1")
    assert not [k for k in _keys(owner, day) if k.startswith("practice:plan")]


def test_learning_offers_the_next_read_until_all_are_done(owner, imported_guide):
    from peoplecraft.learning.services import reading_add_own, reading_update

    assert not [k for k in _keys(owner) if k.startswith("learning:")]
    item = reading_add_own(owner=owner, title="A book on listening")
    assert f"learning:start-{item.pk}" in _keys(owner)
    reading_update(item=item, status="in_progress")
    assert f"learning:continue-{item.pk}" in _keys(owner)
    reading_update(item=item, status="done")
    assert not [k for k in _keys(owner) if k.startswith("learning:")]


def _goal(owner, guide, due):
    from peoplecraft.goals.models import Goal

    return Goal.objects.create(
        owner=owner, skill=_skill(guide), title="Listen first", measure="1:1s", target=4, due_date=due
    )


def test_a_goal_shows_when_due_within_a_week(owner, imported_guide):
    monday = date(2026, 11, 30)
    goal = _goal(owner, imported_guide, monday + timedelta(days=30))
    assert f"goals:due-{goal.pk}" not in _keys(owner, monday)
    goal.due_date = monday + timedelta(days=4)
    goal.save()
    action = next(a for a in today_actions(owner, monday) if a.key == f"goals:due-{goal.pk}")
    assert action.title == "Goal due Friday: Listen first" and action.urgency is Urgency.DEADLINE


def test_weekly_review_from_friday_until_a_journal_entry(owner, imported_guide):
    from peoplecraft.journal.models import Entry

    _goal(owner, imported_guide, date(2027, 6, 1))
    monday, friday = date(2026, 11, 30), date(2026, 12, 4)
    assert "goals:review-2026-11-30" not in _keys(owner, monday)
    assert "goals:review-2026-11-30" in _keys(owner, friday)
    Entry.objects.create(owner=owner, entry_date=friday, title="Week", body="Done.")
    assert "goals:review-2026-11-30" not in _keys(owner, friday)


def test_pick_takes_the_best_of_each_step_first():
    def action(step, key, urgency):
        return TodayAction(step=step, key=key, title=key, detail="", url="/", urgency=urgency)

    cards = action(Step.PRACTICE, "cards", Urgency.DUE)
    plan = action(Step.PRACTICE, "plan", Urgency.PLANNED)
    deadline = action(Step.FEEDBACK, "360", Urgency.DEADLINE)
    read = action(Step.LEARN, "read", Urgency.SUGGESTED)
    ranked = sorted([read, plan, cards, deadline], key=lambda a: a.sort_key)
    assert pick(ranked, 3) == [deadline, cards, read]  # the plan gives way to another step
    assert pick(ranked[:3], 3) == [deadline, cards, plan]  # ...but fills a free place
    assert pick(ranked, 1) == [deadline]
