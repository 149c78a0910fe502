"""/accounts/settings/ answers a bad name with the error summary at the top and the error by the field."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.django_db


def test_a_too_long_name_is_listed_in_the_summary_and_next_to_the_field(owner_client):
    response = owner_client.post("/accounts/settings/name/", {"public_name": "x" * 101})
    assert response.status_code == 400
    body = response.content.decode()
    start = body.index('class="error-summary"')
    summary = body[start : body.index("</div>", start)]
    assert "autofocus" in summary and 'href="#id_public_name"' in summary and "Your name:" in summary
    assert 'id="id_public_name-error-1"' in body
    assert 'aria-describedby="public_name-help id_public_name-error-1"' in body


def test_reloading_the_name_form_address_shows_the_settings_page(owner_client):
    response = owner_client.get("/accounts/settings/name/")
    assert response.status_code == 302 and response["Location"] == "/accounts/settings/#name-heading"
