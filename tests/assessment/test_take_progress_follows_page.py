"""The questionnaire's progress bar counts answered statements, and the address follows the page
shown, with htmx (HX-Push-Url) and without (a redirect) — issue 14, item 7."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from peoplecraft.assessment import selectors, services

pytestmark = pytest.mark.django_db


def _url(assessment, page=1):
    return reverse("assessment:take", args=[assessment.pk, page])


def _bar(body: str) -> tuple[int, int]:
    found = re.search(r'<progress max="(\d+)" value="(\d+)"', body)
    assert found, body
    return int(found[1]), int(found[2])


def test_progress_bar_is_empty_before_any_answer(owner_client, area_assessment):
    """Before: one area is one page, so "page 1 of 1" drew a full bar at "0 of 20 answered"."""
    body = owner_client.get(_url(area_assessment)).content.decode()
    assert "0 of 20 statements answered" in body
    assert _bar(body) == (20, 0)


def test_progress_bar_counts_answers_not_pages(owner_client, area_assessment):
    items = selectors.assessment_items(assessment=area_assessment)
    services.answers_save(assessment=area_assessment, answers={item.id: 3 for item in items[:7]})
    services.answers_save(assessment=area_assessment, answers={items[7].id: None})  # skipped: not answered
    assert _bar(owner_client.get(_url(area_assessment)).content.decode()) == (20, 7)


@pytest.fixture
def whole(owner, imported_guide):
    return services.assessment_start(owner=owner, guide=imported_guide, scope="guide")


def test_htmx_next_pushes_the_next_pages_address(owner_client, whole):
    """Before: the form moved to page 2 while the address stayed on page 1 (reload lost the place)."""
    response = owner_client.post(_url(whole, 1), {"action": "next"}, HTTP_HX_REQUEST="true")
    assert response.status_code == 200 and "Page 2 of 15" in response.content.decode()
    assert response["HX-Push-Url"] == _url(whole, 2)
    assert "<title>Self-assessment: " in response.content.decode()  # htmx retitles the tab from it


def test_htmx_back_pushes_the_previous_pages_address(owner_client, whole):
    response = owner_client.post(_url(whole, 3), {"action": "back"}, HTTP_HX_REQUEST="true")
    assert response["HX-Push-Url"] == _url(whole, 2)


def test_an_error_keeps_the_address(owner_client, whole):
    response = owner_client.post(_url(whole, 1), {"item-active-listening-1": "9"}, HTTP_HX_REQUEST="true")
    assert response.status_code == 400 and "HX-Push-Url" not in response


def test_without_javascript_next_redirects_to_the_next_page(owner_client, whole):
    response = owner_client.post(_url(whole, 1), {"item-active-listening-1": "3", "action": "next"})
    assert response.status_code == 302 and response["Location"] == _url(whole, 2)
    body = owner_client.get(response["Location"]).content.decode()
    assert "Page 2 of 15" in body and "1 of " in body
