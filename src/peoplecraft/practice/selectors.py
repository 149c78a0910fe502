"""Every read of practice: focus skills, the log, habit strength and practice cards."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from django.apps import apps
from django.db.models import QuerySet
from django.utils import timezone

from peoplecraft.core.ownership import get_owned_or_404
from peoplecraft.practice import confirmation_sources, habits, month
from peoplecraft.practice.content import Card, Exercise, bundled_cards, bundled_exercises, for_skill
from peoplecraft.practice.models import CardState, FocusSkill, PracticeEntry
from peoplecraft.practice.planner import MAX_FOCUS
from peoplecraft.skillmap.models import Skill, SkillStatus

FOCUS_CHOSEN, FOCUS_SKILL_MAP, FOCUS_ASSESSMENT, FOCUS_NONE = "chosen", "skill map", "assessment", "none"


def _live(owner) -> QuerySet[Skill]:
    return Skill.objects.filter(
        area__guide__owner=owner, area__guide__is_active=True, archived_at=None, area__archived_at=None
    ).select_related("area")


def focus_get(*, owner) -> tuple[list[Skill], str]:
    """The skills to practise and where they came from.

    The learner's own choice first; else the skills "in focus" on the skill map; else the focus
    of the latest self-assessment (when that app is installed); else none.
    """
    chosen = [
        f.skill for f in FocusSkill.objects.filter(owner=owner, skill__archived_at=None).select_related("skill__area")
    ]
    if chosen:
        return chosen, FOCUS_CHOSEN
    active = list(_live(owner).filter(status=SkillStatus.ACTIVE).order_by("area__position", "position")[:MAX_FOCUS])
    if active:
        return active, FOCUS_SKILL_MAP
    assessed = _assessment_focus(owner)
    return (assessed, FOCUS_ASSESSMENT) if assessed else ([], FOCUS_NONE)


def _assessment_focus(owner) -> list[Skill]:
    if not apps.is_installed("peoplecraft.assessment"):
        return []
    from peoplecraft.assessment import results, selectors
    from peoplecraft.skillmap.selectors import guide_active

    guide = guide_active(owner=owner)
    latest = selectors.assessment_latest(owner=owner, guide=guide) if guide else None
    if latest is None:
        return []
    return [row.skill for row in results.assessment_results(assessment=latest).focus][:MAX_FOCUS]


def skill_choices(*, owner) -> QuerySet[Skill]:
    """Live skills of the active guide in note order, as a queryset for form choices."""
    return _live(owner).order_by("area__position", "position")


def live_skills(*, owner) -> list[Skill]:
    """Live skills of the active guide in note order (for focus pickers and log forms)."""
    return list(_live(owner).order_by("area__position", "position"))


def exercises_list(*, skill: str | None = None) -> list[Exercise]:
    return for_skill(bundled_exercises(), skill) if skill else list(bundled_exercises())


def exercise_get(exercise_id: str) -> Exercise | None:
    return next((e for e in bundled_exercises() if e.id == exercise_id), None)


def card_get(card_id: str) -> Card | None:
    return next((c for c in bundled_cards() if c.id == card_id), None)


def entries_list(*, owner, skill: Skill | None = None, limit: int | None = 50) -> list[PracticeEntry]:
    entries = PracticeEntry.objects.filter(owner=owner).select_related("skill")
    if skill is not None:
        entries = entries.filter(skill=skill)
    return list(entries[:limit] if limit else entries)


def _session_days(owner, skill_ids: list[int]) -> tuple[dict[int, list[date]], dict[int, set[date]]]:
    """(skill id -> session days, skill id -> days with a session the other person confirmed)."""
    days: dict[int, list[date]] = defaultdict(list)
    confirmed: dict[int, set[date]] = defaultdict(set)
    rows = PracticeEntry.objects.filter(owner=owner, skill_id__in=skill_ids)
    for skill_id, day, was_confirmed in rows.values_list("skill_id", "occurred_on", "confirmed"):
        days[skill_id].append(day)
        if was_confirmed:
            confirmed[skill_id].add(day)
    return days, confirmed


def entry_confirmations(*, owner, entries) -> dict[int, confirmation_sources.Confirmation]:
    """Entry id -> what the other person said (attributed confirmations only), for these entries."""
    return confirmation_sources.confirmations_for(owner, [entry.pk for entry in entries])


def habits_for(*, owner, skills: list[Skill], today: date | None = None) -> dict[int, habits.HabitSummary]:
    """Skill id -> habit summary, for many skills in one query (plus the confirmations' queries)."""
    today = today or timezone.localdate()
    days, confirmed = _session_days(owner, [s.pk for s in skills])
    return {
        skill.pk: habits.habit_summary(days.get(skill.pk, []), today=today, confirmed=confirmed.get(skill.pk, ()))
        for skill in skills
    }


def strength_points(*, skill: Skill, today: date | None = None, days: int = 90) -> tuple[list, list[date]]:
    """(strength series over the last ``days`` days, the practice days in that window)."""
    today = today or timezone.localdate()
    owner_id = skill.area.guide.owner_id
    rows = list(PracticeEntry.objects.filter(owner_id=owner_id, skill=skill).values_list("occurred_on", "confirmed"))
    practised = [day for day, _confirmed in rows]
    confirmed = [day for day, was_confirmed in rows if was_confirmed]
    start = today - timedelta(days=days - 1)
    series = habits.strength_series(practised, start=start, end=today, confirmed=confirmed)
    return series, sorted({d for d in practised if start <= d <= today})


@dataclass(frozen=True)
class SkillPractice:
    habit: habits.HabitSummary
    recent: list[PracticeEntry]
    exercises: list[Exercise]


def skill_practice(*, skill: Skill) -> SkillPractice:
    """What the skill page shows: habit strength, streaks, the latest sessions, its exercises."""
    owner_id = skill.area.guide.owner_id
    entries = list(PracticeEntry.objects.filter(owner_id=owner_id, skill=skill))
    confirmed = [e.occurred_on for e in entries if e.confirmed]
    habit = habits.habit_summary([e.occurred_on for e in entries], today=timezone.localdate(), confirmed=confirmed)
    recent = entries[:5]
    return SkillPractice(habit, recent, for_skill(bundled_exercises(), skill.name))


@dataclass(frozen=True)
class CardView:
    card: Card
    skill: Skill
    state: CardState | None
    due: datetime | None  # None: never tried

    @property
    def is_new(self) -> bool:
        return self.state is None


def cards_for(*, owner, skills: list[Skill], now: datetime | None = None, due_only: bool = False) -> list[CardView]:
    """The practice cards of ``skills``. Due: scheduled for now or earlier, plus, per skill, the
    next new card unless that skill already started a new card today (one new behaviour a day)."""
    now = now or timezone.now()
    states = {s.card_id: s for s in CardState.objects.filter(owner=owner)}
    today = timezone.localdate(now)
    views = []
    for skill in skills:
        started_today = any(
            s.skill_id == skill.pk and timezone.localdate(s.created_at) == today for s in states.values()
        )
        offered_new = False
        for card in for_skill(bundled_cards(), skill.name):
            state = states.get(card.id)
            if state is not None:
                if not due_only or state.due <= now:
                    views.append(CardView(card, skill, state, state.due))
            elif not due_only or not (offered_new or started_today):
                views.append(CardView(card, skill, None, None))
                offered_new = True
    return sorted(views, key=lambda v: (v.due is None, v.due or now))


def entry_get(*, owner, entry_id: int) -> PracticeEntry:
    return get_owned_or_404(PracticeEntry, owner, pk=entry_id)


def todays_sessions(user, today: date | None = None) -> list:
    """Today's planned sessions (``plans.PlannedSession``), each with ``done`` (ticked off) and ``key``.

    For pages beyond the plan (the Today page) that show "practise X today" with its done state.
    """
    from peoplecraft.practice.plans import rolling_plan  # plans reads focus_get from this module

    return list(rolling_plan(owner=user, today=today, days=1).sessions)


def month_calendar(
    *, owner, skills: list[Skill], first: date, today: date | None = None
) -> list[tuple[Skill, month.MonthGrid]]:
    """Per skill, the month starting on ``first`` as a habit calendar: one query for all the skills."""
    from peoplecraft.practice.plans import planned_day

    today = today or timezone.localdate()
    practised: dict[int, set[date]] = defaultdict(set)
    ticked: dict[int, set[date]] = defaultdict(set)
    rows = PracticeEntry.objects.filter(
        owner=owner, skill_id__in=[s.pk for s in skills], occurred_on__range=(first, month.month_end(first))
    ).values_list("skill_id", "occurred_on", "source_ref")
    for skill_id, day, source_ref in rows:
        practised[skill_id].add(day)
        if planned_day(source_ref) is not None:
            ticked[skill_id].add(day)
    return [(s, month.month_grid(first, practised[s.pk], ticked[s.pk], today=today)) for s in skills]


def card_review_last(*, owner):
    """The learner's latest card grade, if it can be undone (it carries the state before it), else None."""
    from peoplecraft.practice.models import CardReview

    last = CardReview.objects.filter(card__owner=owner).select_related("card").order_by("-reviewed_at", "-pk").first()
    if last is None or (last.previous is None and last.card.reviews != 1):
        return None
    last.prompt = next((c.prompt for c in bundled_cards() if c.id == last.card.card_id), last.card.card_id)
    return last


@dataclass(frozen=True)
class Rehearsal:
    """How to rehearse an exercise: a text to say aloud, or a link to the scenario or card it names."""

    text: str
    url: str = ""
    label: str = ""


def rehearsal(exercise: Exercise) -> Rehearsal | None:
    """``rehearse: "scenario: <id>"`` or ``"card: <id>"`` becomes a link; any other text is shown as is."""
    from django.urls import NoReverseMatch, reverse

    text = exercise.rehearse.strip()
    if not text:
        return None
    kind, _sep, ref = text.partition(":")
    kind, ref = kind.strip().lower(), ref.strip()
    if kind == "card" and ref:
        card = card_get(ref)
        if card is not None:
            return Rehearsal(card.prompt, reverse("practice:cards") + f"#card-{card.id}", card.prompt)
    if kind == "scenario" and ref:
        try:
            return Rehearsal("", reverse("scenarios:detail", args=[ref]), ref.replace("-", " ").capitalize())
        except NoReverseMatch:
            pass
    return Rehearsal(text)


def ask_question(exercise: Exercise | None, skill_name: str = "") -> str:
    """The one yes/no question for the other person: the exercise's ``ask``; else one built from its
    first success criterion; else a generic one about the skill."""
    from django.utils.translation import gettext as _

    if exercise is not None and exercise.ask:
        return exercise.ask
    if exercise is not None and exercise.success:
        criterion = exercise.success[0].rstrip(".")
        return _("When we talked just now, did this happen: “%(criterion)s”?") % {"criterion": criterion}
    return _("When we talked just now, did I practise %(skill)s well with you?") % {"skill": skill_name or _("this")}
