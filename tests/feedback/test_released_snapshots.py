"""Released results are facts (issue 12): stored once at release, read as stored, never changed."""

from __future__ import annotations

from datetime import date
from urllib.parse import urlparse

import pytest
from feedback_helpers import answer, make_moment, make_request, moment_answer

from peoplecraft.feedback import aggregation, moment_results, releasing, results, selectors, services

pytestmark = pytest.mark.django_db


def _released_request(owner, guide, listening):
    """Five peers (two anonymous batches), a mentor and an attributed manager, with comments; closed."""
    raters = [("peer", f"p{i}@example.org") for i in range(1, 6)]
    raters += [("mentor", "m@example.org"), ("manager", "boss@example.org")]
    feedback_request, links = make_request(owner, guide, [listening], raters)
    services.self_answers_save(feedback_request=feedback_request, answers={i: 5 for i in feedback_request.item_ids})
    for number, link in enumerate(links):
        comments = {"keep": f"keep listening, says rater {number}"} if number % 2 == 0 else {}
        value = 1 + number % 5
        assert answer(urlparse(link.url).path, feedback_request.item_ids, value=value, comments=comments).status_code
    services.request_close(feedback_request=feedback_request)
    feedback_request.refresh_from_db()
    return feedback_request


def _recomputed(feedback_request) -> aggregation.Snapshot:
    """What pages computed on every read before issue 12: the whole history from the raw answers."""
    items = selectors.request_items(feedback_request=feedback_request)
    skills = selectors.request_skills(feedback_request=feedback_request)
    own = {k: v for k, v in feedback_request.self_answers.items() if v is not None}
    areas = {s.name: s.area.title for s in skills}
    self_scores, margins = results._self_side(feedback_request, items, areas, own)
    history = releasing.request_snapshots(feedback_request)
    specs = [releasing.released.item_spec(item) for item in items]
    from peoplecraft.feedback.models import RaterResponse, Release

    points = [
        aggregation.ReleasePoint(r.number, r.thresholds) for r in Release.objects.filter(request=feedback_request)
    ]
    rows = RaterResponse.objects.filter(request=feedback_request).values_list(
        "id", "group", "attributed", "batch", "ratings", "comments"
    )
    answers = [aggregation.RaterAnswers(str(k), g, a, b, r, c) for k, g, a, b, r, c in rows]
    latest = aggregation.latest(answers, points, specs, self_scores, margins=margins)
    assert latest.items == history[-1].items  # request_snapshots is that same computation
    return latest


def _comparable(snapshot: aggregation.Snapshot):
    comments = sorted((c.question, c.label, c.attributed, tuple(sorted(c.texts))) for c in snapshot.comments)
    return snapshot.number, snapshot.responses, snapshot.items, comments, snapshot.skills


def test_stored_figures_equal_the_recomputation(owner, imported_guide, listening):
    from peoplecraft.feedback.models import ReleasedResult

    feedback_request = _released_request(owner, imported_guide, listening)
    # three peers; two peers and the mentor; the attributed manager when the request closes
    assert ReleasedResult.objects.filter(release__request=feedback_request).count() == 3  # one per release
    shown = results.feedback_results(feedback_request=feedback_request)
    assert shown.releases == 3 and shown.snapshot.comments and shown.snapshot.items[0].groups
    assert _comparable(shown.snapshot) == _comparable(_recomputed(feedback_request))


def test_a_later_change_in_the_raw_answers_does_not_change_released_figures(owner, imported_guide, listening):
    from peoplecraft.feedback.models import RaterResponse

    feedback_request = _released_request(owner, imported_guide, listening)
    before = _comparable(results.feedback_results(feedback_request=feedback_request).snapshot)
    chips = selectors.others_scores(owner=owner)
    for _ in range(4):  # enough new "released" peers to change every number if it were recomputed
        RaterResponse.objects.create(
            request=feedback_request,
            group="peer",
            ratings=dict.fromkeys(feedback_request.item_ids, 5),
            comments={"keep": "a row written behind the release"},
            received_on=date.today(),
            batch=2,
        )
    assert _comparable(_recomputed(feedback_request)) != before  # the raw data did change
    assert _comparable(results.feedback_results(feedback_request=feedback_request).snapshot) == before
    assert selectors.others_scores(owner=owner) == chips


def test_released_figures_have_no_update_path(owner, imported_guide, listening):
    from peoplecraft.feedback.models import ImmutableRowError, ReleasedComment, ReleasedResult, ReleasedScore

    _released_request(owner, imported_guide, listening)
    score = ReleasedScore.objects.first()
    stored = score.mean
    score.mean = stored + 1
    with pytest.raises(ImmutableRowError):
        score.save()
    for model in (ReleasedResult, ReleasedScore, ReleasedComment):
        with pytest.raises(ImmutableRowError):
            model.objects.all().update(pk=1)
    assert ReleasedScore.objects.get(pk=score.pk).mean == stored


def test_a_pool_release_is_stored_once_and_later_raw_rows_change_nothing(owner, listening):
    from peoplecraft.feedback.models import MomentResponse, ReleasedResult

    emails = [f"someone{i}@example.org" for i in range(3)]
    _moment, links = make_moment(owner, listening, emails=emails, links=0)
    for link, rating in zip(links, [2, 3, 4], strict=True):
        moment_answer(urlparse(link.url).path, rating, "kind words")
    result = ReleasedResult.objects.get(moment_release__pool__owner=owner)
    assert result.responses == 3
    before = moment_results.pooled_skills(owner=owner)
    assert before[0].released and before[0].mean == 3.0
    MomentResponse.objects.create(pool_id=_moment.pool_id, rating=5, received_on=date.today(), batch=1)
    after = moment_results.pooled_skills(owner=owner)
    assert (after[0].mean, after[0].responses, after[0].distribution) == (3.0, 3, before[0].distribution)


def test_overall_results_agree_with_the_full_results_in_one_query(owner, imported_guide, listening):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from peoplecraft.feedback.models import FeedbackRequest

    feedback_request = _released_request(owner, imported_guide, listening)
    full = results.feedback_results(feedback_request=feedback_request).snapshot
    with CaptureQueriesContext(connection) as queries:
        (light,) = results.overall_results(requests=FeedbackRequest.objects.filter(pk=feedback_request.pk))
    assert len(queries.captured_queries) == 1
    assert [(s.skill, s.self_score, s.others_score, s.gap, s.johari) for s in light.snapshot.skills] == [
        (s.skill, s.self_score, s.others_score, s.gap, s.johari) for s in full.skills
    ]
    assert [(r.item, r.overall) for r in light.snapshot.items] == [(r.item, r.overall) for r in full.items]
    assert [(s.pk, s.name) for s in light.skills] == [(listening.pk, listening.name)]


def test_a_release_and_its_stored_figures_are_one_transaction(owner, imported_guide, listening, monkeypatch):
    from peoplecraft.feedback import rater_services
    from peoplecraft.feedback.models import RaterResponse, Release, SealedResponse

    raters = [("peer", f"t{i}@example.org") for i in range(3)]
    feedback_request, links = make_request(owner, imported_guide, [listening], raters, delivery="pass_on")
    tokens = [link.url.rstrip("/").rsplit("/", 1)[1] for link in links]
    ratings = dict.fromkeys(feedback_request.item_ids, 3)
    for token in tokens[:2]:
        rater_services.response_submit(raw_token=token, ratings=ratings, comments={})

    def broken(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(releasing, "result_store", broken)
    with pytest.raises(RuntimeError):
        rater_services.response_submit(raw_token=tokens[2], ratings=ratings, comments={})
    assert not Release.objects.exists() and not RaterResponse.objects.exists()  # nothing half-released
    assert SealedResponse.objects.count() == 2
