"""Every page that takes a date in its query string answers a bad one with a 400 and a message on the page:
never a 500, a bare 404 or a bare error page (issue 14 item 6)."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.django_db

BAD_DATES = ["9999-12-31", "0001-01-01", "2026-02-30", "yesterday"]
# page, the query parameter taking a date, what the page says (its own heading) when it answers 400
PAGES = [
    ("/goals/review/", "week", "Weekly review"),
    ("/practice/plan/", "week", "Your plan:"),
    ("/journal/", "date_from", "Search your journal"),
    ("/journal/", "date_to", "Search your journal"),
]


@pytest.mark.parametrize("day", BAD_DATES)
@pytest.mark.parametrize(("url", "param", "heading"), PAGES)
def test_a_bad_date_is_a_400_on_the_page_itself(owner_client, imported_guide, url, param, heading, day):
    response = owner_client.get(url, {param: day})
    body = response.content.decode()
    assert response.status_code == 400, (url, param, day, response.status_code)
    assert heading in body and "<nav" in body  # the page with its navigation, not a bare error page
    assert "error" in body


@pytest.mark.parametrize("day", BAD_DATES)
@pytest.mark.parametrize("url", ["/goals/review/mood.svg", "/practice/plan.ics"])
def test_a_bad_date_in_a_download_is_a_400_not_a_500(owner_client, imported_guide, url, day):
    response = owner_client.get(url, {"week": day})
    assert response.status_code in (200, 400), (url, day, response.status_code)


@pytest.mark.parametrize("day", BAD_DATES)
def test_a_new_journal_entry_with_a_bad_date_says_so_and_starts_today(owner_client, imported_guide, day):
    from django.utils import timezone

    response = owner_client.get("/journal/new/", {"date": day})
    body = response.content.decode()
    assert response.status_code == 400
    assert "error-summary" in body and f"The date “{day}”" in body and "starts on today instead" in body
    assert f'value="{timezone.localdate().isoformat()}"' in body  # the form is there, on today
