"""Migration 0004 (issue 12): releases made before it get their figures stored, computed once."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from migration_steps import latest, latest_schema_afterwards  # noqa: F401 - latest_schema_afterwards is autouse
from migration_steps import migrate as _migrate

pytestmark = pytest.mark.django_db(transaction=True)

BEFORE = [("feedback", "0003_unlinkable_storage")]
AFTER = [("feedback", "0004_released_results")]


def test_earlier_releases_get_their_figures_as_pages_computed_them(owner, imported_guide, listening):
    from peoplecraft.assessment.catalogue import default_instrument
    from peoplecraft.assessment.questionnaire import questionnaire_items

    instrument = default_instrument()
    item_ids = [item.id for item in questionnaire_items(instrument, [listening.name])]
    old = _migrate(BEFORE)
    Request = old.get_model("feedback", "FeedbackRequest")
    request = Request.objects.create(
        owner_id=owner.pk,
        guide_id=imported_guide.pk,
        instrument_id=instrument.id,
        item_ids=item_ids,
        deadline=date.today() + timedelta(days=9),
        thresholds={"manager": 3, "peer": 3, "direct_report": 3, "mentor": 3, "friend_family": 3, "other": 3,
                    "others": 3, "all": 4, "comments": 3},
    )  # fmt: skip
    request.skills.add(listening.pk)
    Release = old.get_model("feedback", "Release")
    Response = old.get_model("feedback", "RaterResponse")
    for number in (1, 2):
        Release.objects.create(request=request, number=number, thresholds=request.thresholds, released_on=date.today())
    for number, value in enumerate((1, 2, 3, 4, 5, 3)):
        Response.objects.create(
            request=request, group="peer", ratings=dict.fromkeys(item_ids, value),
            comments={"keep": f"text {number}"}, received_on=date.today(), batch=1 if number < 3 else 2,
        )  # fmt: skip
    pool = old.get_model("feedback", "MomentPool").objects.create(
        owner_id=owner.pk, skill_id=listening.pk, thresholds=request.thresholds
    )
    old.get_model("feedback", "MomentRelease").objects.create(
        pool=pool, number=1, thresholds={**request.thresholds, "all": 3}, released_on=date.today()
    )
    for rating in (2, 4, 3):
        old.get_model("feedback", "MomentResponse").objects.create(
            pool=pool, rating=rating, received_on=date.today(), batch=1
        )

    _migrate(AFTER)
    _migrate(latest())  # today's models need the later columns
    from peoplecraft.feedback import moment_results, releasing, results
    from peoplecraft.feedback.models import FeedbackRequest, ReleasedResult

    assert ReleasedResult.objects.filter(release__request_id=request.pk).count() == 2
    migrated = FeedbackRequest.objects.get(pk=request.pk)
    shown = results.feedback_results(feedback_request=migrated).snapshot
    expected = releasing.request_snapshots(migrated)[-1]
    assert shown.number == 2 and shown.responses == expected.responses == 6
    assert shown.items == expected.items and shown.items[0].overall.mean == 3.0
    assert sorted(t for c in shown.comments for t in c.texts) == [f"text {n}" for n in range(6)]
    pooled = moment_results.pooled_skills(owner=owner)
    assert pooled[0].released and pooled[0].mean == 3.0 and pooled[0].responses == 3
