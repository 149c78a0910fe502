"""Attack 2 of issue 13, arrival order: UUID keys hide nothing if the table's physical order (SQLite's
rowid, PostgreSQL's ctid) follows the order answers arrived in. A learner who knows who usually answers
first could then pair released answers with raters.

Answers wait sealed until a batch is due and are stored in a random order at release. Ten requests,
each answered by three raters with values that say their arrival position (1, 2, 3): if storage kept
arrival order, all ten releases would read 1, 2, 3; shuffled, that happens by chance with probability
(1/6)^10.
"""

from __future__ import annotations

import pytest
from adversary_helpers import mailed_link
from django.db import connection
from django.test import override_settings
from feedback_helpers import make_request, rater_client

pytestmark = pytest.mark.django_db

RATERS = [("peer", "ana@example.org"), ("peer", "ben@example.org"), ("peer", "cy@example.org")]


def _physical_order(request_id: int, item: str) -> list[int]:
    position = "rowid" if connection.vendor == "sqlite" else "ctid"
    table = "feedback_raterresponse"
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT ratings FROM {table} WHERE request_id = %s ORDER BY {position}", [request_id])  # noqa: S608 -- fixed names
        rows = cursor.fetchall()
    import json

    return [(json.loads(ratings) if isinstance(ratings, str) else ratings)[item] for (ratings,) in rows]


@override_settings(FEEDBACK_EMAIL_AVAILABLE=True)
def test_released_answers_are_not_stored_in_the_order_they_arrived(owner, imported_guide, listening):
    orders = []
    for number in range(10):
        feedback_request, _links = make_request(owner, imported_guide, [listening], RATERS, message=f"Round {number}")
        item = feedback_request.item_ids[0]
        for value, (_group, email) in enumerate(RATERS, start=1):
            answer = {f"item-{item}": str(value), "action": "submit"}
            link = mailed_link(email, contains=f"Round {number}")
            assert rater_client(link).post("/r/", answer).status_code == 302
        order = _physical_order(feedback_request.pk, item)
        assert sorted(order) == [1, 2, 3]  # the batch of three was released
        orders.append(order)
    assert any(order != [1, 2, 3] for order in orders), orders
