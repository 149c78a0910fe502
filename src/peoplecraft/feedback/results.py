"""The learner's results: the latest release, self versus others, and its exports (reads only).

Only released aggregates leave this module: the snapshot computed by the pure aggregation module
from responses as opaque keys. Comments are shuffled on every read, never in submission order.
"""

from __future__ import annotations

import csv
import io
import random
import secrets
from dataclasses import dataclass

from peoplecraft.assessment import measurement, scoring
from peoplecraft.assessment.catalogue import instrument_get
from peoplecraft.assessment.instrument import Item
from peoplecraft.feedback import aggregation
from peoplecraft.feedback.models import FeedbackRequest, Group, RaterResponse, Release
from peoplecraft.feedback.selectors import request_items, request_skills

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


def _spec(item: Item) -> aggregation.ItemSpec:
    return aggregation.ItemSpec(item.id, item.skill, item.key, item.scale.min, item.scale.max)


def feedback_results(*, feedback_request: FeedbackRequest) -> FeedbackResults:
    items = request_items(feedback_request=feedback_request)
    releases = [
        aggregation.ReleasePoint(number, thresholds)
        for number, thresholds in Release.objects.filter(request=feedback_request).values_list("number", "thresholds")
    ]
    rows = RaterResponse.objects.filter(request=feedback_request, batch__isnull=False).values_list(
        "id", "group", "attributed", "batch", "ratings", "comments"
    )
    responses = [aggregation.RaterAnswers(str(key), g, a, b, r, c) for key, g, a, b, r, c in rows]
    own = {k: v for k, v in feedback_request.self_answers.items() if v is not None}
    self_scores: dict = {}
    margins: dict[str, float] = {}
    if own:
        areas = {s.name: s.area.title for s in request_skills(feedback_request=feedback_request)}
        scored = scoring.score_responses(
            items, {k: v for k, v in own.items() if k in {i.id for i in items}}, skill_areas=areas
        )
        self_scores = {s.skill: s.score for s in scored.skills}
        margins = _margins(feedback_request, scored.skills)
    snapshot = aggregation.latest(responses, releases, [_spec(item) for item in items], self_scores, margins=margins)
    if snapshot is not None:
        snapshot = _shuffled(snapshot)
    return FeedbackResults(feedback_request, items, snapshot, len(releases), own)


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
