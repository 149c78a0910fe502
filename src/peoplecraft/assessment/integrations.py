"""How self-assessment feeds the rest of Peoplecraft: its Today actions.

Registered from ``AssessmentConfig.ready()``; the Today hook belongs to ``core.contributions``.
"""

from __future__ import annotations

from datetime import date, timedelta

from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from peoplecraft.assessment import retest
from peoplecraft.assessment.retest_selectors import latest_started
from peoplecraft.core.contributions import Step, TodayAction, Urgency, register_today_provider


def today_actions(owner, today: date) -> list[TodayAction]:
    """An unfinished assessment to finish, a first one to take, or a retest that is due.

    One query (two for a learner who never started one): the latest assessment started in the
    active guide, annotated with its retest.
    """
    latest = latest_started(owner=owner)
    if latest is None:
        from peoplecraft.skillmap.selectors import guide_active

        if guide_active(owner=owner) is None:
            return []  # nothing to assess yet: the Today page's empty state points to importing a note
        return [
            TodayAction(
                step=Step.ASSESS,
                key="assessment:first",
                title=_("Take a self-assessment"),
                detail=_("About ten minutes: it shows where you stand and what to work on first."),
                url=reverse("assessment:home"),
                urgency=Urgency.DUE,
            )
        ]
    if latest.completed_at is None:
        return [
            TodayAction(
                step=Step.ASSESS,
                key=f"assessment:finish-{latest.pk}",
                title=_("Finish your self-assessment"),
                detail=_("You started it on %(day)s; your answers so far are saved.")
                % {"day": formats.date_format(timezone.localtime(latest.started_at).date(), "j F")},
                url=reverse("assessment:take", args=[latest.pk, 1]),
                urgency=Urgency.DUE,
            )
        ]
    started = latest.retest_id is not None
    if latest.retested or not (started or retest.is_due(latest.completed_at, timezone.now())):
        return []
    last_day = timezone.localtime(retest.window(latest.completed_at)[1] - timedelta(days=1)).date()
    return [
        TodayAction(
            step=Step.ASSESS,
            key=f"assessment:retest-{latest.pk}",
            title=_("Finish your retest") if started else _("Retest is due"),
            detail=_("Answer the same questions again by %(day)s to see how steady your scores are.")
            % {"day": formats.date_format(last_day, "j F")},
            url=reverse("assessment:home") + "#retest",
            urgency=Urgency.DUE,
            due=None if started else last_day,
        )
    ]


def register() -> None:
    register_today_provider("assessment", today_actions)
