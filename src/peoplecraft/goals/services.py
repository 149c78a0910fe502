"""Every write to goals. Each function owns its transaction; bad input raises :class:`GoalError`."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date, timedelta

from django.db import transaction
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _

from peoplecraft.core.inputs import number_problem, show_number
from peoplecraft.goals.inputs import TARGET_MAX, TARGET_MIN
from peoplecraft.goals.models import CheckIn, Goal, GoalStatus, Milestone, NextAction
from peoplecraft.goals.progress import flags_of
from peoplecraft.skillmap import selectors as skillmap_selectors

MAX_YEARS_AHEAD = 5


class GoalError(ValueError):
    """Bad input; ``errors`` maps field names to messages (``None`` for the whole form)."""

    def __init__(self, errors: dict[str | None, str]) -> None:
        super().__init__("; ".join(errors.values()))
        self.errors = errors


@dataclass
class GoalInput:
    title: str
    skill_id: int | None
    measure: str
    target: float | None
    due_date: date | None
    urgent: bool = False
    important: bool = True
    reminder_days: int = 7
    milestones: list[tuple[str, date | None]] = field(default_factory=list)


def smart_errors(data: GoalInput, *, today: date) -> dict[str | None, str]:
    """What keeps the goal from being SMART: specific (a skill), measurable (measure and target), time-bound."""
    errors: dict[str | None, str] = {}
    if not data.title.strip():
        errors["title"] = _("Name the goal in a few words.")
    if data.skill_id is None:
        errors["skill"] = _("Choose the skill this goal builds, so it is specific.")
    if not data.measure.strip():
        errors["measure"] = _("Say what you will count, so it is measurable (e.g. “one-to-ones where I asked first”).")
    if number_problem(data.target, TARGET_MIN, TARGET_MAX):  # also refuses inf and nan
        errors["target"] = _("Give a number to reach, greater than zero: from %(low)s to %(high)s.") % {
            "low": show_number(TARGET_MIN),
            "high": show_number(TARGET_MAX),
        }
    if data.due_date is None:
        errors["due_date"] = _("Give a due date, so it is time-bound.")
    elif data.due_date <= today:
        errors["due_date"] = _("The due date must be in the future.")
    elif data.due_date > today + timedelta(days=366 * MAX_YEARS_AHEAD):
        errors["due_date"] = _("Choose a due date within five years; split a bigger ambition into smaller goals.")
    if not 0 <= data.reminder_days <= 365:
        errors["reminder_days"] = _("Check-in reminders are every 1 to 365 days (0 for none).")
    for title, due in data.milestones:
        if due is not None and data.due_date is not None and due > data.due_date:
            errors["milestones"] = _("Milestone “%s” is after the goal's due date.") % title
    return errors


def goal_create(*, owner, data: GoalInput, today: date | None = None) -> Goal:
    errors = smart_errors(data, today=today or timezone.localdate())
    skill = None
    if data.skill_id is not None:
        try:
            skill = skillmap_selectors.skill_get(owner=owner, skill_id=data.skill_id)
        except Http404:
            errors["skill"] = _("That skill is not on your skill map.")
    if errors:
        raise GoalError(errors)
    with transaction.atomic():
        goal = Goal.objects.create(
            owner=owner,
            skill=skill,
            title=data.title.strip()[:200],
            measure=data.measure.strip()[:300],
            target=data.target,
            due_date=data.due_date,
            urgent=data.urgent,
            important=data.important,
            reminder_days=data.reminder_days,
        )
        Milestone.objects.bulk_create(
            [Milestone(goal=goal, title=t.strip()[:200], due_date=d) for t, d in data.milestones if t.strip()]
        )
    return goal


def goal_update(*, goal: Goal, data: GoalInput, today: date | None = None) -> Goal:
    """Change a goal's SMART fields; the same rules as creating one (milestones are kept as they are)."""
    today = today or timezone.localdate()
    errors = smart_errors(replace(data, milestones=[]), today=today)
    if data.due_date == goal.due_date:
        errors.pop("due_date", None)  # an unchanged date may have passed: that is what "slipping" is for
    skill = None
    if data.skill_id is not None:
        try:
            skill = skillmap_selectors.skill_get(owner=goal.owner, skill_id=data.skill_id)
        except Http404:
            errors["skill"] = _("That skill is not on your skill map.")
    if errors:
        raise GoalError(errors)
    goal.skill = skill
    goal.title = data.title.strip()[:200]
    goal.measure = data.measure.strip()[:300]
    goal.target, goal.due_date, goal.reminder_days = data.target, data.due_date, data.reminder_days
    with transaction.atomic():
        goal.save(update_fields=["skill", "title", "measure", "target", "due_date", "reminder_days"])
    return goal


def goal_checkin(*, goal: Goal, amount: float, note: str = "") -> CheckIn:
    """Record how much of the goal's measure is done so far, in its unit (3 of 8 one-to-ones → 3)."""
    if number_problem(amount, 0, TARGET_MAX):
        raise GoalError(
            {
                "amount": _("Say how many %(measure)s so far: a number from 0 to %(high)s (the target is %(target)s).")
                % {"measure": goal.measure, "high": show_number(TARGET_MAX), "target": show_number(goal.target)}
            }
        )
    if goal.status != GoalStatus.ACTIVE:
        raise GoalError({None: _("This goal is %s; reopen it to check in.") % goal.get_status_display().lower()})
    with transaction.atomic():
        return CheckIn.objects.create(goal=goal, amount=float(amount), note=note.strip())


def goal_set_status(*, goal: Goal, status: str) -> Goal:
    if status not in GoalStatus.values:
        raise GoalError({"status": _("Status is active, done or dropped.")})
    with transaction.atomic():
        goal.status = status
        goal.closed_at = None if status == GoalStatus.ACTIVE else timezone.now()
        goal.save(update_fields=["status", "closed_at"])
    return goal


def _quadrant_flags(quadrant: str) -> tuple[bool, bool]:
    try:
        return flags_of(quadrant)
    except KeyError:
        raise GoalError({"quadrant": _("Unknown quadrant “%s”.") % quadrant}) from None


def goal_move(*, goal: Goal, quadrant: str) -> Goal:
    goal.urgent, goal.important = _quadrant_flags(quadrant)
    with transaction.atomic():
        goal.save(update_fields=["urgent", "important"])
    return goal


def action_add(*, goal: Goal, title: str, quadrant: str | None = None) -> NextAction:
    if not title.strip():
        raise GoalError({"title": _("Describe the next action in a few words.")})
    urgent, important = _quadrant_flags(quadrant) if quadrant else (goal.urgent, goal.important)
    with transaction.atomic():
        return NextAction.objects.create(goal=goal, title=title.strip()[:200], urgent=urgent, important=important)


def action_move(*, action: NextAction, quadrant: str) -> NextAction:
    action.urgent, action.important = _quadrant_flags(quadrant)
    with transaction.atomic():
        action.save(update_fields=["urgent", "important"])
    return action


def action_done(*, action: NextAction) -> NextAction:
    with transaction.atomic():
        action.done_at = action.done_at or timezone.now()
        action.save(update_fields=["done_at"])
    return action


def milestone_add(*, goal: Goal, title: str, due_date: date | None = None) -> Milestone:
    if not title.strip():
        raise GoalError({"title": _("Name the milestone.")})
    if due_date is not None and due_date > goal.due_date:
        raise GoalError({"due_date": _("A milestone cannot be due after its goal.")})
    with transaction.atomic():
        return Milestone.objects.create(goal=goal, title=title.strip()[:200], due_date=due_date)


def milestone_done(*, milestone: Milestone) -> Milestone:
    with transaction.atomic():
        milestone.done_at = milestone.done_at or timezone.now()
        milestone.save(update_fields=["done_at"])
    return milestone
