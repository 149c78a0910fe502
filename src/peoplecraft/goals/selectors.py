"""Every read of goals, filtered by owner, with the latest progress annotated (one query per list)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from django.db.models import FloatField, OuterRef, Prefetch, QuerySet, Subquery, Value
from django.db.models.functions import Coalesce
from django.utils import timezone

from peoplecraft.core.ownership import get_owned_or_404
from peoplecraft.goals import ical
from peoplecraft.goals.models import CheckIn, Goal, GoalStatus, Milestone, NextAction
from peoplecraft.goals.progress import QUADRANTS, expected_progress, is_slipping, quadrant_of, slip_gap


def with_progress(goals: QuerySet[Goal]) -> QuerySet[Goal]:
    """Annotate ``done`` (the latest check-in's amount, in the goal's unit) and ``progress``.

    ``progress`` is the percentage of the target done, a whole number at most 100 (computed
    in Python from ``done`` so the database never rounds a half one way and Python another).
    """
    latest = CheckIn.objects.filter(goal=OuterRef("pk")).order_by("-created_at", "-pk").values("amount")[:1]
    return goals.select_related("skill").annotate(
        done=Coalesce(Subquery(latest, output_field=FloatField()), Value(0.0))
    )


def percent_done(done: float, target: float) -> int:
    """The whole percentage of ``target`` that ``done`` reaches, at most 100 (3 of 8 → 38)."""
    return min(100, int(100 * done / target + 0.5)) if target > 0 else 0


def _with_percent(goals) -> list[Goal]:
    goals = list(goals)
    for goal in goals:
        goal.progress = percent_done(goal.done, goal.target)
    return goals


def goal_list(*, owner, status: str | None = None) -> list[Goal]:
    goals = with_progress(Goal.objects.filter(owner=owner))
    if status:
        goals = goals.filter(status=status)
    return _with_percent(goals.order_by("status", "due_date", "pk"))


def goal_get(*, owner, goal_id: int) -> Goal:
    goals = with_progress(Goal.objects.all()).prefetch_related(
        "milestones", Prefetch("checkins", queryset=CheckIn.objects.order_by("-created_at", "-pk")), "actions"
    )
    return _with_percent([get_owned_or_404(goals, owner, pk=goal_id)])[0]


def action_get(*, owner, action_id: int) -> NextAction:
    return get_owned_or_404(NextAction.objects.select_related("goal"), owner, owner_field="goal__owner", pk=action_id)


def milestone_get(*, owner, milestone_id: int) -> Milestone:
    return get_owned_or_404(Milestone.objects.select_related("goal"), owner, owner_field="goal__owner", pk=milestone_id)


@dataclass(frozen=True)
class GoalHealth:
    goal: Goal
    expected: float
    slipping: bool
    gap: float


def goal_health(goal: Goal, today: date) -> GoalHealth:
    created = timezone.localtime(goal.created_at).date()
    return GoalHealth(
        goal,
        expected_progress(created, goal.due_date, today),
        goal.status == GoalStatus.ACTIVE and is_slipping(goal.progress, created, goal.due_date, today),
        slip_gap(goal.progress, created, goal.due_date, today),
    )


@dataclass(frozen=True)
class BoardCard:
    kind: str  # "goal" | "action"
    pk: int
    title: str
    goal: Goal
    quadrant: str


def board(*, owner) -> dict[str, list[BoardCard]]:
    """Active goals and their open next actions, by Eisenhower quadrant (in QUADRANTS order)."""
    goals = with_progress(Goal.objects.filter(owner=owner, status=GoalStatus.ACTIVE)).prefetch_related(
        Prefetch("actions", queryset=NextAction.objects.filter(done_at=None).order_by("created_at", "pk"))
    )
    quadrants: dict[str, list[BoardCard]] = {name: [] for name in QUADRANTS}
    for goal in _with_percent(goals.order_by("due_date", "pk")):
        quadrants[quadrant_of(goal.urgent, goal.important)].append(
            BoardCard("goal", goal.pk, goal.title, goal, quadrant_of(goal.urgent, goal.important))
        )
        for action in goal.actions.all():
            where = quadrant_of(action.urgent, action.important)
            quadrants[where].append(BoardCard("action", action.pk, action.title, goal, where))
    return quadrants


def calendar_ics(*, owner, now: datetime | None = None) -> bytes:
    goals = (
        Goal.objects.filter(owner=owner, status=GoalStatus.ACTIVE)
        .select_related("skill")
        .prefetch_related(
            Prefetch("milestones", queryset=Milestone.objects.filter(done_at=None, due_date__isnull=False))
        )
    )
    items = [
        ical.CalendarGoal(
            goal_id=goal.pk,
            title=goal.title,
            skill=goal.skill.name,
            measure=goal.measure,
            target=goal.target,
            created=timezone.localtime(goal.created_at).date(),
            due=goal.due_date,
            reminder_days=goal.reminder_days,
            milestones=tuple((m.pk, m.title, m.due_date) for m in goal.milestones.all()),
        )
        for goal in goals
    ]
    return ical.goals_calendar(items, now=now or timezone.now())


def goal_document(goal: Goal, today: date) -> dict:
    """The JSON shape of a goal in ``peoplecraft goals list --format json``."""
    health = goal_health(goal, today)
    return {
        "id": goal.pk,
        "title": goal.title,
        "skill": goal.skill.name,
        "measure": goal.measure,
        "target": goal.target,
        "due": goal.due_date.isoformat(),
        "status": goal.status,
        "done": goal.done,
        "progress": goal.progress,
        "expected": round(health.expected),
        "slipping": health.slipping,
        "quadrant": quadrant_of(goal.urgent, goal.important),
        "created": timezone.localtime(goal.created_at).date().isoformat(),
    }


def goal_due_first(*, owner) -> Goal | None:
    """The active goal due soonest (overdue ones first), or None without active goals: one query."""
    return Goal.objects.filter(owner=owner, status=GoalStatus.ACTIVE).order_by("due_date", "pk").first()
