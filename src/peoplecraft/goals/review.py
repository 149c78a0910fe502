"""The weekly review (a read): practice, feedback, mood and stress, goals due or slipping, next focus."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.utils import timezone
from django.utils.translation import gettext as _

from peoplecraft.goals import focus, selectors
from peoplecraft.goals.feedback_sources import FeedbackItem, feedback_between
from peoplecraft.goals.models import Goal, GoalStatus
from peoplecraft.goals.practice_sources import PracticeItem, practice_between
from peoplecraft.journal import selectors as journal_selectors

TREND_WEEKS = 8


@dataclass(frozen=True)
class WeekMood:
    week: date
    mood: float | None
    stress: float | None
    entries: int


@dataclass(frozen=True)
class WeeklyReview:
    start: date
    end: date  # inclusive (Sunday)
    practised: list[PracticeItem]
    reflections: int
    feedback: list  # assessment SkillResults, lowest score first
    days: list  # journal DayMood for the week
    trend: list[WeekMood]
    due: list[selectors.GoalHealth]
    slipping: list[selectors.GoalHealth]
    focus: focus.FocusSuggestion | None
    reason: str
    others: list[FeedbackItem] = ()  # released feedback from others (360° requests, micro-feedback)

    @property
    def trend_rows(self) -> list[TrendRow]:
        return trend_rows(self.trend)


def week_of(day: date) -> tuple[date, date]:
    start = day - timedelta(days=day.weekday())
    return start, start + timedelta(days=6)


def _aware(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min))


def trend_start(end: date) -> date:
    return end - timedelta(days=7 * TREND_WEEKS - 1)


def mood_trend(owner, end: date, days: list | None = None) -> list[WeekMood]:
    """Weekly mood and stress averages for the TREND_WEEKS weeks ending with ``end``'s week.

    ``days``: the ``mood_by_day`` rows from :func:`trend_start` to ``end``, when the caller has them."""
    first = trend_start(end)
    sums: dict[date, list[float]] = defaultdict(lambda: [0.0, 0, 0.0, 0, 0])
    if days is None:
        days = journal_selectors.mood_by_day(owner=owner, start=first, end=end)
    for day in days:
        row = sums[week_of(day.day)[0]]
        if day.mood is not None:
            row[0], row[1] = row[0] + day.mood, row[1] + 1
        if day.stress is not None:
            row[2], row[3] = row[2] + day.stress, row[3] + 1
        row[4] += day.entries
    weeks = [week_of(first)[0] + timedelta(weeks=n) for n in range(TREND_WEEKS)]
    trend = []
    for week in weeks:
        mood_sum, moods, stress_sum, stresses, entries = sums.get(week, [0.0, 0, 0.0, 0, 0])
        trend.append(
            WeekMood(
                week, mood_sum / moods if moods else None, stress_sum / stresses if stresses else None, int(entries)
            )
        )
    return trend


@dataclass(frozen=True)
class TrendRow:
    """A row of the mood table: one week with activity, or a run of empty weeks collapsed into one."""

    start: date  # the Monday of the (first) week
    end: date  # the Sunday of the (last) week
    week: WeekMood | None  # None for a run of weeks without a journal entry

    @property
    def empty(self) -> bool:
        return self.week is None


def trend_rows(trend: list[WeekMood]) -> list[TrendRow]:
    """The weeks in order, each run of weeks with no entry (and so no mood) as one row.

    Eight rows of dashes say less than "No activity 3 Aug – 27 Sep"; the chart keeps every week.
    """
    rows: list[TrendRow] = []
    for week in trend:
        end = week.week + timedelta(days=6)
        if week.entries or week.mood is not None or week.stress is not None:
            rows.append(TrendRow(week.week, end, week))
        elif rows and rows[-1].empty:
            rows[-1] = TrendRow(rows[-1].start, end, None)
        else:
            rows.append(TrendRow(week.week, end, None))
    return rows


def _reason(suggestion: focus.FocusSuggestion | None) -> str:
    if suggestion is None:
        return _("Nothing stands out this week: keep going with the skills you have in focus.")
    params = {"skill": suggestion.skill, **suggestion.params}
    sentences = {
        "slipping-goal": _("Focus on %(skill)s: your goal “%(goal)s” is %(gap)s points behind a steady pace."),
        "low-score": _("Focus on %(skill)s: it scored lowest (%(score)s/100) in this week's self-assessment."),
        "unpractised-focus": _(
            "Focus on %(skill)s: it is in focus on your skill map, but nothing this week practised it."
        ),
        "stressful": _("Focus on %(skill)s: your journal entries about it this week averaged stress %(stress)s/10."),
    }
    return sentences[suggestion.rule] % params


def _stress_by_skill(entries) -> list[tuple[str, float]]:
    values: dict[str, list[int]] = defaultdict(list)
    for entry in entries:
        for skill in entry.skills.all():
            if entry.stress is not None:
                values[skill.name].append(entry.stress)
    return [(name, sum(v) / len(v)) for name, v in values.items()]


def _guide_statuses(owner) -> tuple[list[str], list[str]]:
    """Names of the active guide's skills in focus, and of those marked done."""
    from peoplecraft.skillmap import selectors as skillmap_selectors
    from peoplecraft.skillmap.models import SkillStatus

    skills = skillmap_selectors.active_guide_skills(owner=owner)
    return (
        [s.name for s in skills if s.status == SkillStatus.ACTIVE],
        [s.name for s in skills if s.status == SkillStatus.DONE],
    )


def _done(skills) -> list[str]:
    """Names of the given skill rows (results', goals', entries' skills) that are marked done."""
    from peoplecraft.skillmap.models import SkillStatus

    return [skill.name for skill in skills if skill.status == SkillStatus.DONE]


def _suggest(owner, practised, entries, feedback, slipping) -> focus.FocusSuggestion | None:
    """Next week's focus from this week's data; skills marked done are left out of every rule."""
    entry_skills = [s for e in entries for s in e.skills.all()]
    in_focus, done = _guide_statuses(owner)
    involved = [r.skill for r in feedback] + [h.goal.skill for h in slipping] + entry_skills
    return focus.suggest_focus(
        slipping=[(h.goal.title, h.goal.skill.name, h.gap) for h in slipping],
        scores=[(result.skill.name, result.score) for result in feedback],
        in_focus=in_focus,
        practised=[name for item in practised for name in item.skill_names] + [s.name for s in entry_skills],
        stress_by_skill=_stress_by_skill(entries),
        done=done + _done(involved),
    )


def weekly_review(*, owner, day: date | None = None) -> WeeklyReview:
    from peoplecraft.assessment import selectors as assessment_selectors

    start, end = week_of(day or timezone.localdate())
    since, until = _aware(start), _aware(end + timedelta(days=1))
    today = min(timezone.localdate(), end)
    practised = practice_between(owner, since, until)
    entries = journal_selectors.entries_between(owner=owner, start=start, end=end)
    feedback = assessment_selectors.results_between(owner=owner, start=since, end=until)
    active = [selectors.goal_health(goal, today) for goal in selectors.goal_list(owner=owner, status=GoalStatus.ACTIVE)]
    due = [h for h in active if h.goal.due_date <= end + timedelta(days=7)]
    slipping = sorted((h for h in active if h.slipping), key=lambda h: -h.gap)
    suggestion = _suggest(owner, practised, entries, feedback, slipping)
    trend_days = journal_selectors.mood_by_day(owner=owner, start=trend_start(end), end=end)  # one query for both
    return WeeklyReview(
        start=start,
        end=end,
        practised=practised,
        reflections=len(entries),
        feedback=feedback,
        days=[day for day in trend_days if day.day >= start],
        trend=mood_trend(owner, end, trend_days),
        due=due,
        slipping=slipping,
        focus=suggestion,
        reason=_reason(suggestion),
        others=feedback_between(owner, start, end),
    )


def review_document(review: WeeklyReview) -> dict:
    """The JSON document of ``peoplecraft review --format json``."""

    def goal(h: selectors.GoalHealth) -> dict:
        g: Goal = h.goal
        return {
            "id": g.pk,
            "title": g.title,
            "skill": g.skill.name,
            "due": g.due_date.isoformat(),
            "progress": g.progress,
            "expected": round(h.expected),
            "slipping": h.slipping,
        }

    return {
        "week": {"start": review.start.isoformat(), "end": review.end.isoformat()},
        "practised": [
            {
                "kind": i.kind,
                "title": i.title,
                "when": i.when.isoformat(),
                "skill": i.skill or None,
                "skills": list(i.skill_names),
            }
            for i in review.practised
        ],
        "reflections": review.reflections,
        "feedback": [
            {
                "skill": r.skill.name,
                "score": round(r.score, 1),
                "assessment": r.assessment_id,
                "completed": r.assessment.completed_at.isoformat(),
            }
            for r in review.feedback
        ],
        "feedback_from_others": [
            {
                "kind": i.kind,
                "title": i.title,
                "skill": i.skill,
                "others": round(i.score, 1),
                "released": str(i.released_on),
            }
            for i in review.others
        ],
        "mood": [
            {"date": d.day.isoformat(), "mood": d.mood, "stress": d.stress, "entries": d.entries} for d in review.days
        ],
        "trend": [
            {"week": w.week.isoformat(), "mood": w.mood, "stress": w.stress, "entries": w.entries} for w in review.trend
        ],
        "trend_rows": [
            {"start": r.start.isoformat(), "end": r.end.isoformat(), "empty": r.empty}
            | ({} if r.week is None else {"mood": r.week.mood, "stress": r.week.stress, "entries": r.week.entries})
            for r in review.trend_rows
        ],
        "goals_due": [goal(h) for h in review.due],
        "goals_slipping": [goal(h) for h in review.slipping],
        "focus": {"skill": review.focus.skill, "rule": review.focus.rule, "reason": review.reason}
        if review.focus
        else {"skill": None, "rule": None, "reason": review.reason},
    }
