"""Reads for the weekly plan: gather the practice record and hand it to the pure planner."""

from __future__ import annotations

from collections import defaultdict
from datetime import date, timedelta

from django.utils import timezone

from peoplecraft.practice import planner
from peoplecraft.practice.content import bundled_exercises
from peoplecraft.practice.habits import week_start as monday_of
from peoplecraft.practice.models import CardReview, PracticeEntry
from peoplecraft.practice.selectors import focus_get
from peoplecraft.skillmap.models import Skill


def _history(owner, skills: list[Skill], until: date) -> dict[tuple[date, str], planner.Activity]:
    """(Monday, skill name) -> what happened that week, for the weeks the planner replays."""
    since = until - timedelta(weeks=planner.HISTORY_WEEKS)
    names = {skill.pk: skill.name for skill in skills}
    sessions: dict[tuple[date, str], int] = defaultdict(int)
    ratings: dict[tuple[date, str], list[int]] = defaultdict(list)
    missed: dict[tuple[date, str], int] = defaultdict(int)
    entries = PracticeEntry.objects.filter(
        owner=owner, skill_id__in=names, occurred_on__gte=since, occurred_on__lt=until
    ).values_list("skill_id", "occurred_on", "self_rating")
    for skill_id, day, rating in entries:
        key = (monday_of(day), names[skill_id])
        sessions[key] += 1
        if rating is not None:
            ratings[key].append(rating)
    reviews = CardReview.objects.filter(card__owner=owner, card__skill_id__in=names, grade="missed")
    for skill_id, when in reviews.values_list("card__skill_id", "reviewed_at"):
        day = timezone.localdate(when)
        if since <= day < until:
            missed[(monday_of(day), names[skill_id])] += 1
    keys = set(sessions) | set(missed)
    return {k: planner.Activity(sessions[k], tuple(ratings[k]), missed[k]) for k in keys}


def week_plan(*, owner, week_start: date | None = None, focus: list[Skill] | None = None) -> planner.WeekPlan:
    """The plan of the week containing ``week_start`` (default: this week) for the focus skills."""
    monday = monday_of(week_start or timezone.localdate())
    skills = focus if focus is not None else focus_get(owner=owner)[0]
    names = [skill.name for skill in skills]
    wanted = {name.casefold() for name in names}
    options = [
        planner.ExerciseOption(e.id, e.skill, e.title, e.level, e.minutes)
        for e in bundled_exercises()
        if e.skill.casefold() in wanted
    ]
    return planner.plan_for(monday, names, options, _history(owner, skills, monday))


def plan_document(plan: planner.WeekPlan, *, source: str = "") -> dict:
    """The JSON document of ``peoplecraft practice plan``."""
    return {
        "week_start": plan.week_start.isoformat(),
        "focus_from": source or None,
        "skills": [
            {"skill": s.skill, "level": s.level, "sessions": s.sessions, "reason": s.reason} for s in plan.skills
        ],
        "sessions": [
            {
                "date": s.day.isoformat(),
                "skill": s.skill,
                "exercise": s.exercise_id or None,
                "title": s.title,
                "minutes": s.minutes,
                "level": s.level,
            }
            for s in plan.sessions
        ],
    }
