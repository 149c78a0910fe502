"""The learner's results: the latest release, self versus others, and its exports (reads only).

Only released aggregates leave this module: the figures stored when each batch was released
(:mod:`releasing`), never recomputed here. The self side is the learner's current answers.
Comments are shuffled on every read, never in submission order.
"""

from __future__ import annotations

import csv
import io
import random
import secrets
from collections.abc import Sequence
from dataclasses import dataclass

from django.db.models import F, OuterRef, QuerySet, Subquery

from peoplecraft.assessment import measurement, scoring
from peoplecraft.assessment.catalogue import instrument_get
from peoplecraft.assessment.instrument import Item
from peoplecraft.feedback import aggregation, released
from peoplecraft.feedback.anonymity import ALL
from peoplecraft.feedback.models import FeedbackRequest, Group, Release, ReleasedResult, ReleasedScore
from peoplecraft.feedback.selectors import latest_results, request_items_of, request_skills_many, result_rows

LABELS = {**dict(Group.choices), "others": "Others (groups combined)", "all": "All raters"}
QUESTION_TEXT = {
    "keep": "What should they keep doing?",
    "start": "What could they start doing?",
    "stop": "What could they stop doing?",
}


@dataclass(frozen=True)
class FeedbackResults:
    feedback_request: FeedbackRequest
    items: tuple[Item, ...]
    snapshot: aggregation.Snapshot | None  # None: nothing released yet
    releases: int
    self_answers: dict[str, int]
    skills: tuple = ()  # the request's skills, in guide order


def feedback_results(*, feedback_request: FeedbackRequest) -> FeedbackResults:
    return feedback_results_many([feedback_request])[0]


def feedback_results_many(requests: Sequence[FeedbackRequest]) -> list[FeedbackResults]:
    """Each request's latest released figures, as stored when it was released (four queries at most,
    however many requests and answers): the anonymity plan is never recomputed on a read."""
    requests = list(requests)
    skills = request_skills_many(requests=requests)
    latest = latest_results(ReleasedResult.objects.filter(release__request__in=[r.pk for r in requests]))
    scores, comments = result_rows([entry[0] for entry in latest.values()])
    found = []
    for feedback_request in requests:
        request_skills = skills.get(feedback_request.pk, [])
        items = request_items_of(feedback_request, request_skills)
        own = {k: v for k, v in feedback_request.self_answers.items() if v is not None}
        snapshot = None
        if feedback_request.pk in latest:
            result_id, number, responses, _day = latest[feedback_request.pk]
            areas = {s.name: s.area.title for s in request_skills}
            self_scores, margins = _self_side(feedback_request, items, areas, own)
            specs = [released.item_spec(item) for item in items]
            snapshot = _shuffled(
                released.snapshot_from(
                    number,
                    responses,
                    scores.get(result_id, ()),
                    comments.get(result_id, ()),
                    specs,
                    self_scores,
                    margins,
                )
            )
        found.append(
            FeedbackResults(
                feedback_request, items, snapshot, snapshot.number if snapshot else 0, own, tuple(request_skills)
            )
        )
    return found


@dataclass(frozen=True)
class SkillRef:
    """A request's skill as :func:`overall_results` reads it: id, name and area title."""

    pk: int
    name: str
    area_title: str


def overall_results(*, requests: QuerySet) -> list[FeedbackResults]:
    """Like :func:`feedback_results_many` for the released requests of a (small, sliced) queryset,
    latest deadline first, but each item carries only its overall ("all raters") figures: no groups,
    no comments, and only the items and skills (:class:`SkillRef`) of skills with such a figure.
    One query: enough for what other apps read (self versus others, the lowest-rated items)."""
    last = Release.objects.filter(request=OuterRef("result__release__request")).order_by("-number")
    skills = "result__release__request__skills"
    rows = (
        ReleasedScore.objects.filter(label=ALL, result__release__request__in=requests)
        .filter(result__release__number=Subquery(last.values("number")[:1]))
        .filter(**{f"{skills}__name": F("skill")})  # the request's skill the item belongs to
        .select_related("result__release__request")
        .annotate(skill_id=F(f"{skills}__id"), area_title=F(f"{skills}__area__title"))
        .order_by("-result__release__request__deadline", "-result__release__request_id", "position")
    )
    found: dict[int, tuple[FeedbackRequest, int, int, list, dict]] = {}
    for row in rows:
        release = row.result.release
        entry = found.setdefault(release.request_id, (release.request, release.number, row.result.responses, [], {}))
        entry[3].append(
            released.ScoreRow(
                row.position, row.skill, row.item, row.label, row.attributed, row.n, row.mean, row.percent,
                tuple(row.distribution),
            )
        )  # fmt: skip
        entry[4].setdefault(row.skill_id, SkillRef(row.skill_id, row.skill, row.area_title))
    results = []
    for feedback_request, number, responses, scores, skill_refs in found.values():
        request_skills = tuple(skill_refs.values())
        items = request_items_of(feedback_request, request_skills)
        own = {k: v for k, v in feedback_request.self_answers.items() if v is not None}
        areas = {s.name: s.area_title for s in request_skills}
        self_scores, margins = _self_side(feedback_request, items, areas, own)
        specs = [released.item_spec(item) for item in items]
        snapshot = released.snapshot_from(number, responses, scores, (), specs, self_scores, margins)
        results.append(FeedbackResults(feedback_request, items, snapshot, number, own, request_skills))
    return results


def _self_side(feedback_request: FeedbackRequest, items, areas: dict, own: dict) -> tuple[dict, dict[str, float]]:
    """The learner's own scores per skill and the detectable difference (their answers, read now);
    ``areas`` maps skill name -> area title."""
    if not own:
        return {}, {}
    scored = scoring.score_responses(
        items, {k: v for k, v in own.items() if k in {i.id for i in items}}, skill_areas=areas
    )
    return {s.skill: s.score for s in scored.skills}, _margins(feedback_request, scored.skills)


def _margins(feedback_request: FeedbackRequest, skills) -> dict[str, float]:
    """Per skill, the smallest self-others gap beyond measurement error: the detectable difference
    of two scores with the self-score's SEM (raters answer the same items), as focus uses."""
    instrument = instrument_get(feedback_request.instrument_id)
    margins = {}
    for skill in skills:
        precision = measurement.precision_for(
            instrument.reliability_for(skill.skill), answered=skill.answered, items=skill.items
        )
        if precision is not None:
            margins[skill.skill] = measurement.detectable_difference(precision.sem, precision.sem)
    return margins


def _shuffled(snapshot: aggregation.Snapshot) -> aggregation.Snapshot:
    from dataclasses import replace

    rng = random.Random(secrets.randbits(64))  # noqa: S311 - display order only, not security
    groups = []
    for group in snapshot.comments:
        texts = list(group.texts)
        rng.shuffle(texts)
        groups.append(replace(group, texts=tuple(texts)))
    return replace(snapshot, comments=tuple(groups))


def _round(value: float | None, digits: int = 1) -> float | None:
    return None if value is None else round(value, digits)


def results_document(results: FeedbackResults) -> dict:
    """The JSON export: released aggregates only (never a rater, never a pending answer)."""
    request = results.feedback_request
    snapshot = results.snapshot
    document = {
        "request": request.pk,
        "deadline": request.deadline.isoformat(),
        "closed": request.closed_at is not None,
        "released": snapshot is not None,
        "release": snapshot.number if snapshot else 0,
        "responses_released": snapshot.responses if snapshot else 0,
        "skills": [],
        "items": [],
        "comments": [],
    }
    if snapshot is None:
        return document
    document["skills"] = [
        {
            "skill": s.skill,
            "self": _round(s.self_score),
            "others": _round(s.others_score),
            "gap": _round(s.gap),
            "johari": s.johari,
            "by_group": {label: _round(score) for label, score in s.by_label},
        }
        for s in snapshot.skills
    ]
    document["items"] = [_item_json(r, results.self_answers) for r in snapshot.items]
    document["comments"] = [
        {"question": c.question, "group": c.label, "attributed": c.attributed, "texts": list(c.texts)}
        for c in snapshot.comments
    ]
    return document


def _stat_json(stat: aggregation.GroupStat) -> dict:
    return {
        "group": stat.label,
        "attributed": stat.attributed,
        "n": stat.n,
        "mean": _round(stat.mean, 2),
        "distribution": list(stat.distribution),
    }


def _item_json(result: aggregation.ItemResult, self_answers: dict[str, int]) -> dict:
    return {
        "item": result.item.id,
        "skill": result.item.skill,
        "self": self_answers.get(result.item.id),
        "groups": [_stat_json(stat) for stat in result.groups],
        "overall": _stat_json(result.overall) if result.overall else None,
    }


CSV_HEADER = ["skill", "item", "group", "attributed", "n", "mean", "1", "2", "3", "4", "5", "self"]


def results_csv(results: FeedbackResults) -> str:
    """One row per released (item, group), plus the overall; the self answer on every row."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_HEADER)
    if results.snapshot is not None:
        for result in results.snapshot.items:
            own = results.self_answers.get(result.item.id, "")
            stats = [*result.groups, *([result.overall] if result.overall else [])]
            for stat in stats:
                writer.writerow(
                    [
                        result.item.skill,
                        result.item.id,
                        stat.label,
                        int(stat.attributed),
                        stat.n,
                        f"{stat.mean:.2f}",
                        *stat.distribution,
                        own,
                    ]
                )
    return out.getvalue()
