"""The weekly practice plan: which exercise, for which focus skill, on which day.

Deterministic: the same focus, exercises and practice record always give the same plan, so it
is recomputed rather than stored. Rules (also in docs/practice.md):

* Every focus skill starts at level 1 (easy exercises) with 3 sessions a week.
* After each week, per skill, with completion = sessions logged / sessions planned (at most 1):
  - **struggling** (completion under 50 %, or mean self-rating 2 or lower, or 3+ missed cards):
    one level easier (not below 1) and one session fewer (not below 2);
  - **thriving** (completion 80 %+, mean self-rating 4 or higher, at most 1 missed card):
    one level harder; already at the hardest level (3), one session more (at most 5);
  - otherwise **steady**: the same level and sessions.
* The record is replayed week by week from each skill's first week with practice (at most
  ``HISTORY_WEEKS`` back), so a plan always explains itself from the log, and a skill newly
  put in focus starts fresh.
* Exercises: those whose difficulty is closest to the skill's level, rotated by week and
  session so the same exercise is not repeated back to back when there is a choice. A skill
  with no bundled exercise gets "free practice" sessions.
* Days: a skill's n sessions sit on days floor(i * 7 / n), shifted by the skill's position in
  the focus list, so sessions are spread over the week and skills do not pile onto Monday.

Pure module: no Django.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

START_LEVEL, MAX_LEVEL = 1, 3
START_SESSIONS, MIN_SESSIONS, MAX_SESSIONS = 3, 2, 5
HISTORY_WEEKS = 8
MAX_FOCUS = 5


@dataclass(frozen=True)
class ExerciseOption:
    id: str
    skill: str
    title: str
    level: int
    minutes: int


@dataclass(frozen=True)
class Activity:
    """What happened for one skill in one week."""

    sessions: int = 0
    ratings: tuple[int, ...] = ()
    missed_cards: int = 0

    @property
    def mean_rating(self) -> float | None:
        return sum(self.ratings) / len(self.ratings) if self.ratings else None


@dataclass(frozen=True)
class SkillSettings:
    skill: str
    level: int = START_LEVEL
    sessions: int = START_SESSIONS
    reason: str = "First week: easy exercises, three sessions."


@dataclass(frozen=True)
class Session:
    day: date
    skill: str
    exercise_id: str  # "" for free practice
    title: str
    minutes: int
    level: int


@dataclass(frozen=True)
class WeekPlan:
    week_start: date
    skills: tuple[SkillSettings, ...]
    sessions: tuple[Session, ...] = field(default=())

    def on(self, day: date) -> list[Session]:
        return [session for session in self.sessions if session.day == day]


def adapt(previous: SkillSettings, planned: int, activity: Activity) -> SkillSettings:
    """Next week's level and sessions for one skill, from how this week went."""
    completion = min(activity.sessions / planned, 1.0) if planned else 1.0
    rating = activity.mean_rating
    if completion < 0.5 or (rating is not None and rating <= 2) or activity.missed_cards >= 3:
        level, sessions = max(previous.level - 1, START_LEVEL), max(previous.sessions - 1, MIN_SESSIONS)
        why = f"Last week was hard ({activity.sessions} of {planned} sessions"
        return SkillSettings(previous.skill, level, sessions, f"{why}{_rated(rating)}): easier and fewer.")
    if completion >= 0.8 and rating is not None and rating >= 4 and activity.missed_cards <= 1:
        if previous.level < MAX_LEVEL:
            level, sessions = previous.level + 1, previous.sessions
        else:
            level, sessions = previous.level, min(previous.sessions + 1, MAX_SESSIONS)
        why = f"Last week went well ({activity.sessions} of {planned} sessions{_rated(rating)})"
        return SkillSettings(previous.skill, level, sessions, f"{why}: a step up.")
    why = f"Last week: {activity.sessions} of {planned} sessions{_rated(rating)}"
    return SkillSettings(previous.skill, previous.level, previous.sessions, f"{why}: keep the pace.")


def _rated(rating: float | None) -> str:
    return f", rated {rating:.1f} on average" if rating is not None else ""


def _days(count: int, offset: int) -> list[int]:
    return sorted({(i * 7 // count + offset) % 7 for i in range(count)})


def _pick(options: Sequence[ExerciseOption], level: int, turn: int) -> ExerciseOption | None:
    if not options:
        return None
    best = min(abs(option.level - level) for option in options)
    closest = sorted((o for o in options if abs(o.level - level) == best), key=lambda o: o.id)
    return closest[turn % len(closest)]


def plan_week(
    week_start: date, focus: Sequence[str], exercises: Sequence[ExerciseOption], settings: Mapping[str, SkillSettings]
) -> WeekPlan:
    """The plan of one week (``week_start`` is its Monday) for the given per-skill settings."""
    week_number = week_start.toordinal() // 7
    chosen, sessions = [], []
    for position, skill in enumerate(focus[:MAX_FOCUS]):
        current = settings.get(skill) or SkillSettings(skill)
        chosen.append(current)
        options = [e for e in exercises if e.skill.casefold() == skill.casefold()]
        for turn, offset in enumerate(_days(current.sessions, position)):
            pick = _pick(options, current.level, week_number + turn)
            day = week_start + timedelta(days=offset)
            if pick is None:
                sessions.append(Session(day, skill, "", f"Free practice: {skill}", 15, current.level))
            else:
                sessions.append(Session(day, skill, pick.id, pick.title, pick.minutes, pick.level))
    order = {skill: n for n, skill in enumerate(focus)}
    sessions.sort(key=lambda s: (s.day, order[s.skill], s.exercise_id))
    return WeekPlan(week_start, tuple(chosen), tuple(sessions))


def plan_for(
    week_start: date,
    focus: Sequence[str],
    exercises: Sequence[ExerciseOption],
    history: Mapping[tuple[date, str], Activity],
) -> WeekPlan:
    """The plan of ``week_start``, adapted by replaying ``history`` ((Monday, skill) -> Activity)."""
    started: dict[str, date] = {}
    for monday, skill in sorted(history):
        started.setdefault(skill, monday)
    week = max(min(started.values(), default=week_start), week_start - timedelta(weeks=HISTORY_WEEKS))
    settings: dict[str, SkillSettings] = {}
    while week < week_start:
        plan = plan_week(week, focus, exercises, settings)
        for current in plan.skills:
            if current.skill not in started or week < started[current.skill]:
                continue  # a skill's record starts with its first week of practice
            planned = sum(1 for s in plan.sessions if s.skill == current.skill)
            settings[current.skill] = adapt(current, planned, history.get((week, current.skill), Activity()))
        week += timedelta(weeks=1)
    return plan_week(week_start, focus, exercises, settings)
