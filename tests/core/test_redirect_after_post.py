from django.test import RequestFactory

from peoplecraft.core.http import redirect_after_post


def _request(*, htmx: bool):
    request = RequestFactory().post("/")
    request.htmx = htmx
    return request


def test_plain_post_gets_a_302():
    response = redirect_after_post(_request(htmx=False), "/skills/")
    assert response.status_code == 302 and response["Location"] == "/skills/"


def test_htmx_post_gets_a_client_redirect_instead_of_a_swapped_page():
    response = redirect_after_post(_request(htmx=True), "skillmap:area", 7)
    assert response.status_code == 204 and response["HX-Redirect"] == "/skills/area/7/"
