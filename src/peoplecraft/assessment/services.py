"""Every write of the self-assessment. Each function owns its transaction.

A web assessment is only scored when the learner finishes it; until then it is "in progress"
and its answers are kept so it can be resumed. Skills below the two-thirds rule are stored as
"not enough answers", never as a score.
"""

from __future__ import annotations

import secrets
from collections.abc import Iterable, Mapping, Sequence
from datetime import datetime, timedelta
from pathlib import Path

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from peoplecraft.assessment import scoring, selectors
from peoplecraft.assessment.answer_files import AnswerFileError, read_answer_file
from peoplecraft.assessment.catalogue import instrument_for_skills
from peoplecraft.assessment.instrument import Item
from peoplecraft.assessment.models import Answer, Assessment, Scope, SkillResult, Source
from peoplecraft.assessment.questionnaire import items_by_id
from peoplecraft.skillmap.models import Area, Guide, Skill


class AssessmentError(ValueError):
    """Bad input for an assessment; ``problems`` lists every problem found."""

    def __init__(self, problems: list[str] | str) -> None:
        self.problems = [problems] if isinstance(problems, str) else list(problems)
        super().__init__("\n".join(self.problems))


class DuplicateImport(AssessmentError):
    """These answers were imported into this guide before; ``earlier`` is that assessment."""

    def __init__(self, path: str | Path, earlier: Assessment) -> None:
        self.earlier = earlier
        taken = timezone.localtime(earlier.completed_at or earlier.started_at)
        super().__init__(
            _(
                "%(path)s: these answers were already imported as assessment %(id)s, taken %(date)s; "
                "nothing was imported."
            )
            % {"path": path, "id": earlier.pk, "date": f"{taken:%Y-%m-%d %H:%M}"}
        )


def assessment_start(
    *,
    owner,
    guide: Guide,
    scope: str,
    area: Area | None = None,
    skills: Sequence[Skill] = (),
    priorities: Iterable[str] = (),
    source: str = Source.WEB,
    answers: Mapping[str, int | None] | None = None,
    order_seed: int | None = None,
) -> Assessment:
    """Start an assessment of the whole guide, one area or chosen skills.

    ``answers`` are saved in the same transaction: the command line starts an assessment only
    with its first answer, so an interrupted session stores nothing. ``order_seed`` fixes the
    shuffled order of the items (random when not given); the command line passes the seed of the
    order it has already shown."""
    if guide.owner_id != owner.pk:
        raise AssessmentError(_("That guide is not yours."))
    try:
        chosen = selectors.scope_skills(guide=guide, scope=scope, area=area, skills=skills)
    except selectors.ScopeError as error:
        raise AssessmentError(str(error)) from None
    instrument = instrument_for_skills(skill.name for skill in chosen)
    with transaction.atomic():
        assessment = Assessment.objects.create(
            owner=owner,
            guide=guide,
            instrument_id=instrument.id,
            instrument_version=instrument.version,
            scope=scope,
            area=area if scope == Scope.AREA else None,
            priorities=sorted({name.strip() for name in priorities if name.strip()}),
            source=source,
            order_seed=new_order_seed() if order_seed is None else order_seed,
        )
        assessment.skills.set(chosen)
        if answers:
            answers_save(assessment=assessment, answers=answers)
    return assessment


def new_order_seed() -> int:
    """A fresh seed for the presentation order of a new assessment."""
    return secrets.randbelow(2**31)


def retest_start(
    *,
    owner,
    original: Assessment,
    source: str = Source.WEB,
    answers: Mapping[str, int | None] | None = None,
    now: datetime | None = None,
) -> Assessment:
    """Start the retest of a finished assessment: its skills and instrument, 14-21 days after it.

    Like :func:`assessment_start`, ``answers`` are saved in the same transaction."""
    from peoplecraft.assessment import retest

    if original.owner_id != owner.pk:
        raise AssessmentError(_("That assessment is not yours."))
    if not original.is_complete or original.retest_of_id is not None:
        raise AssessmentError(_("Only a finished assessment that is not itself a retest can be retested."))
    if Assessment.objects.filter(retest_of=original).exists():
        raise AssessmentError(_("This assessment already has a retest."))
    if not retest.is_due(original.completed_at, now or timezone.now()):
        opens, closes = retest.window(original.completed_at)
        raise AssessmentError(
            _("A retest of the assessment of %(taken)s can be taken from %(opens)s to %(last)s, not today.")
            % {
                "taken": f"{timezone.localtime(original.completed_at):%Y-%m-%d}",
                "opens": f"{timezone.localtime(opens):%Y-%m-%d}",
                "last": f"{timezone.localtime(closes) - timedelta(days=1):%Y-%m-%d}",
            }
        )
    with transaction.atomic():
        assessment = Assessment.objects.create(
            owner=owner,
            guide=original.guide,
            instrument_id=original.instrument_id,
            instrument_version=original.instrument_version,
            scope=original.scope,
            area=original.area,
            priorities=original.priorities,
            source=source,
            retest_of=original,
            order_seed=retest.seed_for(original.pk, original.order_seed),
        )
        assessment.skills.set(original.skills.all())
        if answers:
            answers_save(assessment=assessment, answers=answers)
    return assessment


def _check(items: Mapping[str, Item], answers: Mapping[str, int | None]) -> None:
    problems = []
    for item_id, value in answers.items():
        item = items.get(item_id)
        if item is None:
            problems.append(_("Unknown item %(id)s in this assessment.") % {"id": item_id})
        elif value is not None and not item.scale.accepts(value):
            problems.append(
                _("Item %(id)s: answer %(value)s is not on the scale %(scale)s.")
                % {"id": item_id, "value": value, "scale": item.scale.describe()}
            )
    if problems:
        raise AssessmentError(problems)


def answers_save(*, assessment: Assessment, answers: Mapping[str, int | None]) -> int:
    """Save (or overwrite) answers of an unfinished assessment; ``None`` marks a skipped item,
    ``instrument.NO_OCCASION`` the answer "No such occasion".

    All-or-nothing: one unknown item or out-of-range answer stores nothing."""
    if assessment.is_complete:
        raise AssessmentError(_("This assessment is finished; start a new one to answer again."))
    _check(items_by_id(selectors.assessment_items(assessment=assessment)), answers)
    rows = [Answer(assessment=assessment, item_id=item_id, value=value) for item_id, value in answers.items()]
    with transaction.atomic():
        Answer.objects.bulk_create(
            rows, update_conflicts=True, unique_fields=["assessment", "item_id"], update_fields=["value", "answered_at"]
        )
    return len(rows)


def assessment_complete(*, assessment: Assessment, completed_at: datetime | None = None) -> Assessment:
    """Score the answers and store one result per skill; refuses when no skill can be scored."""
    with transaction.atomic():
        locked = Assessment.objects.select_for_update().get(pk=assessment.pk)
        if locked.is_complete:
            raise AssessmentError(_("This assessment is already finished."))
        skills = selectors.assessment_skills(assessment=locked)
        items = selectors.assessment_items(assessment=locked, skills=skills)
        answers = selectors.answers_get(assessment=locked, items=items)
        scores = scoring.score_responses(items, answers, skill_areas={s.name: s.area.title for s in skills})
        if not any(s.status == scoring.SCORED for s in scores.skills):
            raise AssessmentError(
                _("Not enough answers to score any skill: answer at least two thirds of a skill's statements.")
            )
        by_name = {skill.name.casefold(): skill for skill in skills}
        SkillResult.objects.bulk_create(
            SkillResult(
                assessment=locked,
                skill=by_name[s.skill.casefold()],
                score=s.score,
                answered=s.answered,
                items=s.items,
                status=s.status,
            )
            for s in scores.skills
        )
        locked.completed_at = completed_at or timezone.now()
        locked.save(update_fields=["completed_at"])
    assessment.completed_at = locked.completed_at  # the caller's instance is finished too
    return locked


def assessment_import(*, owner, guide: Guide, path: str | Path, priorities: Iterable[str] = ()) -> Assessment:
    """Import a finished assessment from a CSV or JSON file; any problem stores nothing.

    Idempotent: answers already imported into this guide (same ``AnswerFile.digest``) are
    refused with ``DuplicateImport``, which names the earlier assessment."""
    items, skills = selectors.guide_items(guide=guide)
    try:
        parsed = read_answer_file(path, items_by_id(items))
    except AnswerFileError as error:
        raise AssessmentError(error.problems) from None
    _refuse_duplicate(guide, parsed.digest, path)
    asked = {items_by_id(items)[item_id].skill.casefold() for item_id in parsed.answers}
    chosen = [skill for skill in skills if skill.name.casefold() in asked]
    try:
        with transaction.atomic():
            return _import(owner, guide, chosen, priorities, parsed, path)
    except IntegrityError:  # the same file imported at the same moment by another process
        _refuse_duplicate(guide, parsed.digest, path)
        raise


def _refuse_duplicate(guide: Guide, digest: str, path: str | Path) -> None:
    earlier = Assessment.objects.filter(guide=guide, answers_digest=digest).first()
    if earlier is not None:
        raise DuplicateImport(path, earlier)


def _import(owner, guide: Guide, chosen: Sequence[Skill], priorities, parsed, path) -> Assessment:
    assessment = assessment_start(
        owner=owner, guide=guide, scope=Scope.SKILLS, skills=chosen, priorities=priorities, source=Source.IMPORT
    )
    assessment.answers_digest = parsed.digest
    if parsed.taken_at is not None:
        assessment.started_at = parsed.taken_at
    assessment.save(update_fields=["started_at", "answers_digest"])
    answers_save(assessment=assessment, answers=parsed.answers)
    try:
        return assessment_complete(assessment=assessment, completed_at=parsed.taken_at)
    except AssessmentError as error:
        raise AssessmentError([f"{path}: {problem}" for problem in error.problems]) from None


def focus_choose(*, skill: Skill, source: str, expected_status: str | None = None, force: bool = False):
    """Put a recommended skill in focus: it becomes ``active`` on the skill map (and in the note).

    The skill map's rule applies: the note is read first, and a change the note just made to
    this skill (or since ``expected_status`` was shown) is not undone unless ``force``.
    """
    from peoplecraft.skillmap import services as skillmap_services

    return skillmap_services.skill_mark(
        skill=skill, status="active", source=source, expected_status=expected_status, force=force
    )
