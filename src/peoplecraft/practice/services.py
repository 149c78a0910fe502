"""Every write of practice: the log, the focus skills and card grades. Each owns its transaction.

``practice_entry_log`` is the one door into the practice log for other apps too (scenarios,
the writing coach): it validates everything first, so bad input stores nothing.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, timedelta

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from peoplecraft.core import trash
from peoplecraft.core.models import TrashedItem
from peoplecraft.practice import scheduling
from peoplecraft.practice.content import bundled_cards, bundled_exercises
from peoplecraft.practice.models import (
    CardReview,
    CardState,
    EntrySource,
    FocusSkill,
    PracticeEntry,
    PracticeReminder,
)
from peoplecraft.practice.planner import MAX_FOCUS
from peoplecraft.skillmap.models import Skill
from peoplecraft.skillmap.selectors import skill_in_active_guide

# A grade of a practice card is also a practice session, rated like this ("missed": not tried).
CARD_GRADE_RATING = {"hard": 2, "good": 4, "easy": 5}
EARLIEST = date(2000, 1, 1)


class PracticeError(ValueError):
    """Bad input for practice; ``field`` names the offending field when there is one."""

    def __init__(self, message: str, *, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field


def _skill(owner, skill: Skill | str) -> Skill:
    """A Skill of ``owner``; a name is looked up in the active guide (case-insensitively)."""
    if isinstance(skill, str):
        found = skill_in_active_guide(owner=owner, name=skill.strip())
        if found is None:
            raise PracticeError(_("No skill named '%(name)s' in your active guide.") % {"name": skill}, field="skill")
        return found
    if Skill.objects.filter(pk=skill.pk, area__guide__owner=owner).exists():
        return skill
    raise PracticeError(_("That skill is not yours."), field="skill")


def _check_entry(occurred_on, situation: str, self_rating, duration_minutes, source: str, exercise_id: str) -> None:
    if not isinstance(occurred_on, date) or isinstance(occurred_on, datetime):
        raise PracticeError(_("Give the date as a day, like 2026-03-14."), field="occurred_on")
    if occurred_on > timezone.localdate() + timedelta(days=1) or occurred_on < EARLIEST:
        raise PracticeError(
            _("The date %(day)s is in the future or too long ago.") % {"day": occurred_on}, field="occurred_on"
        )
    if not situation.strip():
        raise PracticeError(_("Say in a few words what the situation was."), field="situation")
    if len(situation) > 500:
        raise PracticeError(_("Keep the situation under 500 characters."), field="situation")
    if self_rating is not None and (type(self_rating) is not int or not 1 <= self_rating <= 5):
        raise PracticeError(_("The self-rating is a whole number from 1 to 5."), field="self_rating")
    if duration_minutes is not None and (type(duration_minutes) is not int or not 1 <= duration_minutes <= 1440):
        raise PracticeError(_("The duration is a whole number of minutes from 1 to 1440."), field="duration_minutes")
    if source not in EntrySource.values:
        raise PracticeError(_("Unknown source '%(source)s'.") % {"source": source}, field="source")
    if exercise_id and not any(e.id == exercise_id for e in bundled_exercises()):
        raise PracticeError(_("No exercise '%(id)s'.") % {"id": exercise_id}, field="exercise_id")


def practice_entry_log(
    *,
    owner,
    skill: Skill | str,
    occurred_on: date,
    situation: str,
    what_happened: str = "",
    went_well: str = "",
    to_improve: str = "",
    self_rating: int | None = None,
    duration_minutes: int | None = None,
    source: str = EntrySource.MANUAL,
    source_ref: str = "",
    exercise_id: str = "",
) -> PracticeEntry:
    """Log one practice session. ``skill`` is a Skill of ``owner`` or a skill name in the active guide."""
    skill = _skill(owner, skill)
    _check_entry(occurred_on, situation or "", self_rating, duration_minutes, source, exercise_id)
    if len(source_ref) > 200:
        raise PracticeError(_("The source reference is too long."), field="source_ref")
    with transaction.atomic():
        return PracticeEntry.objects.create(
            owner=owner,
            skill=skill,
            occurred_on=occurred_on,
            exercise_id=exercise_id,
            situation=" ".join(situation.split()),
            what_happened=what_happened.strip(),
            went_well=went_well.strip(),
            to_improve=to_improve.strip(),
            self_rating=self_rating,
            duration_minutes=duration_minutes,
            source=source,
            source_ref=source_ref,
        )


def focus_set(*, owner, skills: Sequence[Skill]) -> list[Skill]:
    """Replace the learner's focus skills (at most five, in the given order)."""
    chosen = list(dict.fromkeys(_skill(owner, skill) for skill in skills))
    if len(chosen) > MAX_FOCUS:
        raise PracticeError(_("Choose at most %(n)s focus skills.") % {"n": MAX_FOCUS}, field="skills")
    with transaction.atomic():
        FocusSkill.objects.filter(owner=owner).delete()
        FocusSkill.objects.bulk_create(
            FocusSkill(owner=owner, skill=skill, position=n) for n, skill in enumerate(chosen)
        )
    return chosen


def card_grade(*, owner, card_id: str, grade: str, now: datetime | None = None) -> CardState:
    """Grade a practice card after a real interaction and reschedule it (FSRS).

    Anything but "missed" also logs a practice session of the card's skill.
    """
    card = next((c for c in bundled_cards() if c.id == card_id), None)
    if card is None:
        raise PracticeError(_("No practice card '%(id)s'.") % {"id": card_id}, field="card")
    if grade not in scheduling.GRADES:
        raise PracticeError(_("Grade it missed, hard, good or easy."), field="grade")
    skill = _skill(owner, card.skill)
    now = now or timezone.now()
    with transaction.atomic():
        state = CardState.objects.select_for_update().filter(owner=owner, card_id=card_id).first()
        previous = _card_snapshot(state)
        fsrs_state, due = scheduling.review(state.fsrs if state else None, grade, now=now)
        if state is None:
            state = CardState(owner=owner, card_id=card_id, skill=skill)
        state.fsrs, state.due, state.last_grade = fsrs_state, due, grade
        state.reviews += 1
        state.save()
        entry = None
        if grade in CARD_GRADE_RATING:
            entry = practice_entry_log(
                owner=owner,
                skill=skill,
                occurred_on=timezone.localdate(now),
                situation=card.prompt,
                self_rating=CARD_GRADE_RATING[grade],
                source=EntrySource.CARD,
                source_ref=card.id,
            )
        CardReview.objects.create(
            card=state, grade=grade, reviewed_at=now, previous=previous, entry_id=entry.pk if entry else None
        )
    return state


def _card_snapshot(state: CardState | None) -> dict | None:
    if state is None:
        return None
    return {
        "fsrs": state.fsrs,
        "due": state.due.isoformat(),
        "last_grade": state.last_grade,
        "reviews": state.reviews,
    }


def card_grade_undo(*, owner) -> CardReview | None:
    """Take back the learner's latest card grade: the card gets its state from just before it,
    exactly (a card graded for the first time becomes new again), and the practice session the
    grade logged is removed. None when there is nothing to undo.

    Only grades made since undo was possible (they carry the previous state) can be undone.
    """
    with transaction.atomic():
        review = (
            CardReview.objects.select_for_update()
            .filter(card__owner=owner)
            .select_related("card")
            .order_by("-reviewed_at", "-pk")
            .first()
        )
        if review is None or (review.previous is None and review.card.reviews != 1):
            return None
        card = review.card
        if review.entry_id is not None:
            PracticeEntry.objects.filter(pk=review.entry_id, owner=owner).delete()
        review.delete()
        if review.previous is None:
            card.delete()
        else:
            card.fsrs = review.previous["fsrs"]
            card.due = datetime.fromisoformat(review.previous["due"])
            card.last_grade = review.previous["last_grade"]
            card.reviews = review.previous["reviews"]
            card.save(update_fields=["fsrs", "due", "last_grade", "reviews"])
    return review


def reminder_set(*, owner, enabled: bool) -> bool:
    """Opt in to (or out of) the daily e-mail of today's planned sessions."""
    with transaction.atomic():
        PracticeReminder.objects.update_or_create(owner=owner, defaults={"enabled": enabled})
    return enabled


def practice_entry_delete(*, entry: PracticeEntry, return_url: str = "", now=None) -> TrashedItem:
    """Remove a session logged by mistake; habit strength and streaks are recomputed from what is left.

    It goes to the trash and can be restored for a short while (:mod:`peoplecraft.core.trash`)."""
    label = f"{entry.occurred_on.isoformat()}: {entry.situation}"
    return trash.discard(entry, owner=entry.owner, label=label, return_url=return_url, now=now)


def planned_session_tick(*, owner, day: date, skill_id: int, today: date | None = None) -> PracticeEntry:
    """Tick off the session planned for ``skill_id`` on ``day``: log it (once) as practice.

    The entry's ``source_ref`` is the planned session's key, which is how the plan knows it is
    done. A session ahead of today that is done early is logged today (the log holds no future).
    """
    from peoplecraft.practice import plans  # plans reads selectors, which must not import services

    today = today or timezone.localdate()
    if not today - timedelta(days=6) <= day <= today + timedelta(days=plans.ROLLING_DAYS - 1):
        raise PracticeError(_("Only sessions of the last and the next seven days can be ticked off."), field="day")
    planned = next(
        (p for p in plans.rolling_plan(owner=owner, today=day, days=1).sessions if p.skill_id == skill_id), None
    )
    if planned is None:
        raise PracticeError(
            _("No session of that skill is planned on %(day)s.") % {"day": day.isoformat()}, field="skill"
        )
    if planned.done:
        return PracticeEntry.objects.get(pk=planned.entry_id)
    session = planned.session
    return practice_entry_log(
        owner=owner,
        skill=Skill.objects.get(pk=skill_id),
        occurred_on=min(day, today),
        situation=session.title,
        duration_minutes=session.minutes,
        exercise_id=session.exercise_id,
        source=EntrySource.EXERCISE if session.exercise_id else EntrySource.MANUAL,
        source_ref=planned.key,
    )


def planned_session_untick(*, owner, day: date, skill_id: int) -> int:
    """Undo a tick: remove the log entries it made (none is fine: unticking twice is harmless)."""
    from peoplecraft.practice import plans

    with transaction.atomic():
        deleted, _by_model = PracticeEntry.objects.filter(
            owner=owner, source_ref=plans.session_key(day, skill_id)
        ).delete()
    return deleted


def entry_confirmed(*, entry_id: int) -> None:
    """The other person confirmed this session (an attributed "Yes"): it now weighs more in habit strength.
    Only ever set, never cleared: a later "Not really" about the same session does not undo a "Yes"."""
    with transaction.atomic():
        PracticeEntry.objects.filter(pk=entry_id).update(confirmed=True)
