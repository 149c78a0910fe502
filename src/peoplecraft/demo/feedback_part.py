"""The demo's 360° feedback: requests, raters' answers and releases, through feedback's public services.

Kept apart on purpose: the feedback app's services change, and a change of their signatures
should break this one small module, not the demo (``demo --no-feedback`` still works then). The
learner "passes the links on" (no e-mail is sent: the raters' addresses are made up), and each
rater answers through the token of their link, as the rater form does.
"""

from __future__ import annotations

import random
from datetime import date, timedelta


class FeedbackPartError(RuntimeError):
    """The feedback services refused the demo's requests or answers; the message says why."""


def feedback_year(*, person, guide, skills, rounds: int, seed: int, today: date) -> int:
    """``rounds`` closed, released requests about 2-3 of ``skills`` each; returns how many were made."""
    from peoplecraft.feedback import rater_services, services
    from peoplecraft.feedback.models import Delivery

    rng = random.Random(seed)  # noqa: S311 - demo content, not a secret
    groups = ["manager"] + ["peer"] * 4 + ["direct_report"] * 3
    for n in range(rounds):
        chosen = rng.sample(list(skills), min(len(skills), rng.randint(2, 3)))
        raters = [(group, f"rater{n}-{k}@example.org") for k, group in enumerate(groups)]
        try:
            request, links = services.request_create(
                owner=person,
                guide=guide,
                skills=chosen,
                raters=raters,
                deadline=today + timedelta(days=14),
                base_url="http://127.0.0.1:8000",
                message="Your honest view helps me improve; it takes five minutes.",
                delivery=Delivery.PASS_ON,
            )
            for link in links:
                token = link.url.rstrip("/").rsplit("/", 1)[-1]
                ratings = {item: rng.randint(2, 5) for item in request.item_ids}
                rater_services.response_submit(raw_token=token, ratings=ratings, comments={})
            services.request_close(feedback_request=request)
        except (services.FeedbackError, TypeError, AttributeError) as error:
            raise FeedbackPartError(f"the 360° feedback part failed ({error}); try again with --no-feedback") from error
    return rounds
