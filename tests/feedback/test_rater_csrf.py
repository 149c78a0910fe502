"""The rater pages' CSRF check vouches for ``Origin: null`` only when the browser says same-origin."""

from __future__ import annotations

import pytest
from django.test import Client
from feedback_helpers import make_request

pytestmark = pytest.mark.django_db

RATERS = [("peer", "ana@example.org"), ("peer", "ben@example.org"), ("peer", "cy@example.org")]


def _rater_with_csrf_token(link: str) -> tuple[Client, str]:
    client = Client(enforce_csrf_checks=True)
    assert client.get(link).status_code == 302
    page = client.get("/r/")
    assert page.status_code == 200
    return client, client.cookies["csrftoken"].value


@pytest.mark.parametrize(
    ("fetch_site", "expected"), [("same-origin", 302), ("cross-site", 403), ("same-site", 403), (None, 403)]
)
def test_null_origin_passes_only_from_the_same_origin(owner, imported_guide, listening, fetch_site, expected):
    _request, links = make_request(owner, imported_guide, [listening], RATERS, delivery="pass_on")
    client, token = _rater_with_csrf_token(links[0].url)
    headers = {"HTTP_ORIGIN": "null"} | ({"HTTP_SEC_FETCH_SITE": fetch_site} if fetch_site else {})
    response = client.post("/r/decline/", {"csrfmiddlewaretoken": token}, **headers)
    assert response.status_code == expected


def test_a_same_origin_post_without_the_csrf_token_is_still_refused(owner, imported_guide, listening):
    _request, links = make_request(owner, imported_guide, [listening], RATERS, delivery="pass_on")
    client, _token = _rater_with_csrf_token(links[0].url)
    response = client.post("/r/decline/", {}, HTTP_ORIGIN="null", HTTP_SEC_FETCH_SITE="same-origin")
    assert response.status_code == 403
