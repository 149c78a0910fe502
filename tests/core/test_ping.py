"""``/ping``: the minimal signed-in page the page benchmark measures every page against."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.django_db


def test_ping_costs_only_the_session_and_the_user(owner_client, django_assert_max_num_queries):
    with django_assert_max_num_queries(2):
        response = owner_client.get("/ping")
    assert response.status_code == 200 and response.content == b"pong"


def test_ping_needs_a_signed_in_user(client):
    response = client.get("/ping")
    assert response.status_code == 302 and "/accounts/" in response["Location"]
