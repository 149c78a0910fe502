"""Reads for the weekly plan: gather the practice record and hand it to the pure planner."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta

from django.db.models import Q
from django.utils import timezone

from peoplecraft.practice import planner
from peoplecraft.practice.content import bundled_exercises
from peoplecraft.practice.habits import week_start as monday_of
from peoplecraft.practice.models import CardReview, PracticeEntry
from peoplecraft.practice.selectors import focus_get
from peoplecraft.skillmap.models import Skill

ROLLING_DAYS = 7  # the plan shows today and the six days after it
SESSION_PREFIX = "plan:"  # the source_ref of a log entry that ticked off a planned session


def _history(owner, skills: list[Skill], until: date) -> dict[tuple[date, str], planner.Activity]:
    """(Monday, skill name) -> what happened that week, for the weeks the planner replays."""
    since = until - timedelta(weeks=planner.HISTORY_WEEKS)
    names = {skill.pk: skill.name for skill in skills}
    sessions: dict[tuple[date, str], int] = defaultdict(int)
    ratings: dict[tuple[date, str], list[int]] = defaultdict(list)
    missed: dict[tuple[date, str], int] = defaultdict(int)
    entries = PracticeEntry.objects.filter(
        owner=owner, skill_id__in=names, occurred_on__gte=since, occurred_on__lt=until
    ).values_list("skill_id", "occurred_on", "self_rating", "source_ref")
    for skill_id, logged_on, rating, ref in entries:
        day = planned_day(ref) or logged_on  # a ticked session counts in the week it was planned for
        if day >= until:
            continue  # done early for a week still ahead: it is that week's, not this one's
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


@dataclass(frozen=True)
class PlannedSession:
    """A session of the plan on a day, with whether it was ticked off (a practice log entry exists)."""

    session: planner.Session
    skill_id: int
    key: str  # the ``source_ref`` of the log entry that ticking it creates
    entry_id: int | None = None

    @property
    def done(self) -> bool:
        return self.entry_id is not None

    @property
    def day(self) -> date:
        return self.session.day


@dataclass(frozen=True)
class RollingPlan:
    """The sessions of ``days`` days from ``start`` (today), across the weeks they fall in."""

    start: date
    end: date  # inclusive
    skills: tuple[planner.SkillSettings, ...]  # the settings of the week containing ``start``
    sessions: tuple[PlannedSession, ...]
    practised: frozenset[tuple[date, int]] = frozenset()  # (day, skill id) with any log entry, in the plan's days

    def on(self, day: date) -> list[PlannedSession]:
        return [planned for planned in self.sessions if planned.day == day]

    def by_day(self) -> list[tuple[date, list[PlannedSession]]]:
        return [(day, self.on(day)) for day in sorted({planned.day for planned in self.sessions})]

    def as_week_plan(self) -> planner.WeekPlan:
        """The same sessions as a :class:`planner.WeekPlan` (for the calendar export)."""
        return planner.WeekPlan(self.start, self.skills, tuple(planned.session for planned in self.sessions))


def session_key(day: date, skill_id: int) -> str:
    """One planned session per skill and day (the planner never puts a skill twice on a day)."""
    return f"{SESSION_PREFIX}{day.isoformat()}:{skill_id}"


def planned_day(source_ref: str) -> date | None:
    """The day of the planned session a log entry ticked off (``None`` for any other entry)."""
    if not source_ref.startswith(SESSION_PREFIX):
        return None
    try:
        return date.fromisoformat(source_ref[len(SESSION_PREFIX) :].partition(":")[0])
    except ValueError:
        return None


def rolling_plan(
    *, owner, today: date | None = None, focus: list[Skill] | None = None, days: int = ROLLING_DAYS
) -> RollingPlan:
    """The plan from ``today`` (default: today in the configured time zone) for ``days`` days.

    On a Sunday it is Sunday and the six days after it, from this week's plan and next week's:
    a plan is for what is ahead, not for the week that is ending.
    """
    start = today or timezone.localdate()
    end = start + timedelta(days=days - 1)
    skills = focus if focus is not None else focus_get(owner=owner)[0]
    ids = {skill.name: skill.pk for skill in skills}
    weeks, monday = [], monday_of(start)
    while monday <= end:
        weeks.append(week_plan(owner=owner, week_start=monday, focus=skills))
        monday += timedelta(weeks=1)
    sessions = [s for week in weeks for s in week.sessions if start <= s.day <= end and s.skill in ids]
    keys = [session_key(s.day, ids[s.skill]) for s in sessions]
    # One read for both: the entries that ticked these sessions off, and anything logged on the plan's days.
    rows = (
        PracticeEntry.objects.filter(owner=owner)
        .filter(Q(source_ref__in=keys) | Q(occurred_on__gte=start, occurred_on__lte=end))
        .order_by("pk")
        .values_list("source_ref", "pk", "occurred_on", "skill_id")
    )
    entries, practised = {}, set()
    for ref, pk, occurred_on, skill_id in rows:
        if ref in keys:
            entries[ref] = pk  # the latest, as before
        if start <= occurred_on <= end:
            practised.add((occurred_on, skill_id))
    planned = tuple(
        PlannedSession(s, ids[s.skill], key, entries.get(key)) for s, key in zip(sessions, keys, strict=True)
    )
    return RollingPlan(start, end, weeks[0].skills if weeks else (), planned, frozenset(practised))


def rolling_document(plan: RollingPlan, *, source: str = "") -> dict:
    """The JSON document of ``peoplecraft practice plan`` (without ``--week``)."""
    week = plan_document(plan.as_week_plan(), source=source)
    del week["week_start"]
    for document, planned in zip(week["sessions"], plan.sessions, strict=True):
        document["done"] = planned.done
    return {"start": plan.start.isoformat(), "end": plan.end.isoformat(), **week}
