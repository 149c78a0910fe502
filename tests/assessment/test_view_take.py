"""The take view: save and continue, resume, finish; ownership, htmx partial and full page."""

from __future__ import annotations

import pytest
from django.urls import reverse

from peoplecraft.assessment import selectors
from peoplecraft.assessment.instrument import bundled_instrument

pytestmark = pytest.mark.django_db


def _url(assessment, page=1):
    return reverse("assessment:take", args=[assessment.pk, page])


def _page_answers(value=4):
    skills = ("Empathy", "Self-Awareness")
    return {f"item-{item.id}": value for item in bundled_instrument().items if item.skill in skills}


def test_page_shows_labelled_radios_per_item(owner_client, area_assessment):
    body = owner_client.get(_url(area_assessment)).content.decode()
    assert body.count('<fieldset class="assess-item">') == 20
    assert '<input type="radio" name="item-empathy-1" value="1">' in body and "None of the occasions" in body


def test_save_and_continue_keeps_progress(owner_client, area_assessment):
    response = owner_client.post(_url(area_assessment), {**_page_answers(), "action": "next"})
    assert response.status_code == 302 and response["Location"] == _url(area_assessment, 1)  # one area: one page
    assert len(selectors.answers_get(assessment=area_assessment)) == 8
    again = owner_client.get(_url(area_assessment)).content.decode()
    assert 'name="item-empathy-1" value="4" checked' in again
    area_assessment.refresh_from_db()
    assert area_assessment.completed_at is None


def test_finish_scores_and_shows_results(owner_client, area_assessment):
    response = owner_client.post(_url(area_assessment), {**_page_answers(), "action": "finish"})
    assert response.status_code == 302
    assert response["Location"] == reverse("assessment:results", args=[area_assessment.pk])
    body = owner_client.get(response["Location"]).content.decode()
    assert "not enough answers" in body  # three of five skills were not answered
    assert 'alt="Radar chart of area scores' in body


def test_htmx_finish_redirects_with_a_header(owner_client, area_assessment):
    response = owner_client.post(_url(area_assessment), {**_page_answers(), "action": "finish"}, HTTP_HX_REQUEST="true")
    assert response.status_code == 204
    assert response["HX-Redirect"] == reverse("assessment:results", args=[area_assessment.pk])


def test_htmx_save_returns_the_form_partial(owner_client, owner, imported_guide):
    from peoplecraft.assessment import services

    whole = services.assessment_start(owner=owner, guide=imported_guide, scope="guide")
    data = {"item-active-listening-1": "3", "action": "next"}
    response = owner_client.post(_url(whole), data, HTTP_HX_REQUEST="true")
    body = response.content.decode()
    assert response.status_code == 200 and "<html" not in body
    assert 'id="take-form"' in body and "Page 2 of 15" in body


def test_off_scale_answer_saves_nothing(owner_client, area_assessment):
    response = owner_client.post(_url(area_assessment), {"item-empathy-1": "9", "item-empathy-5": "3"})
    assert response.status_code == 400 and "nothing on this page was saved" in response.content.decode()
    assert selectors.answers_get(assessment=area_assessment) == {}


def test_finishing_too_early_is_refused(owner_client, area_assessment):
    response = owner_client.post(_url(area_assessment), {"item-empathy-1": "3", "action": "finish"})
    assert response.status_code == 400 and "Not enough answers" in response.content.decode()
    area_assessment.refresh_from_db()
    assert area_assessment.completed_at is None


def test_outsider_gets_404_and_nothing_is_saved(client, outsider, area_assessment):
    client.force_login(outsider)
    assert client.get(_url(area_assessment)).status_code == 404
    assert client.post(_url(area_assessment), _page_answers()).status_code == 404
    assert client.get(reverse("assessment:results", args=[area_assessment.pk])).status_code == 404
    assert selectors.answers_get(assessment=area_assessment) == {}


def test_unfinished_results_redirect_to_the_form(owner_client, area_assessment):
    response = owner_client.get(reverse("assessment:results", args=[area_assessment.pk]))
    assert response.status_code == 302 and response["Location"] == _url(area_assessment)


def test_each_item_shows_its_own_anchors_and_no_such_occasion_is_saved(owner_client, area_assessment):
    body = owner_client.get(_url(area_assessment)).content.decode()
    assert '<input type="radio" name="item-empathy-1" value="0">' in body and "No such occasion" in body
    assert 'name="item-social-skills-6" value="0"' not in body and "More than 10 times" in body
    page = selectors.assessment_pages(assessment=area_assessment)[0]
    shown = [body.index(f'name="item-{item.id}" value="1"') for item in page.items]
    assert shown == sorted(shown)  # the page follows the assessment's seeded order
    response = owner_client.post(_url(area_assessment), {"item-empathy-1": "0", "action": "next"})
    assert response.status_code == 302
    assert selectors.answers_get(assessment=area_assessment) == {"empathy-1": 0}
    refused = owner_client.post(_url(area_assessment), {"item-social-skills-6": "0", "action": "next"})
    assert refused.status_code == 400 and "social-skills-6" not in selectors.answers_get(assessment=area_assessment)
