"""The demo's 360° feedback: requests, raters' answers and releases, through feedback's public services.

Kept apart on purpose: the feedback app's services are being reworked, and a change of their
signatures should break this one small module, not the demo. Invitation e-mails go to an
in-memory outbox while the demo runs (the raters' addresses are made up).
"""

from __future__ import annotations

import random
from datetime import date, timedelta

from django.test.utils import override_settings


def feedback_year(*, person, guide, skills, rounds: int, seed: int, today: date) -> int:
    """``rounds`` closed, released requests about 2-3 of ``skills`` each; returns how many were made."""
    from peoplecraft.feedback import rater_services, services
    from peoplecraft.feedback.models import Invitation

    rng = random.Random(seed)  # noqa: S311 - demo content, not a secret
    groups = ["manager"] + ["peer"] * 4 + ["direct_report"] * 3
    made = 0
    with override_settings(EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend"):
        for n in range(rounds):
            chosen = rng.sample(list(skills), min(len(skills), rng.randint(2, 3)))
            raters = [(group, f"rater{n}-{k}@example.org") for k, group in enumerate(groups)]
            request, _links = services.request_create(
                owner=person,
                guide=guide,
                skills=chosen,
                raters=raters,
                deadline=today + timedelta(days=14),
                base_url="http://127.0.0.1:8000",
                message="Your honest view helps me improve; it takes five minutes.",
            )
            for invitation in Invitation.objects.filter(request=request).order_by("pk"):
                ratings = {item: rng.randint(2, 5) for item in request.item_ids}
                rater_services.response_submit(invitation_id=invitation.pk, ratings=ratings, comments={})
            services.request_close(feedback_request=request)
            made += 1
    return made
