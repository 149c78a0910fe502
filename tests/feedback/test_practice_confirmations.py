"""Practice confirmations (issue 16): the other person confirms one logged practice, attributed or pooled."""

from __future__ import annotations

from datetime import timedelta
from urllib.parse import urlparse

import pytest
from django.core import mail
from django.http import Http404
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from feedback_helpers import BASE, mailed_url, rater_client

from peoplecraft.feedback import confirm_services, moment_results
from peoplecraft.feedback.models import AttributedConfirmation, MomentResponse, SealedMomentResponse
from peoplecraft.practice import confirmation_sources, selectors
from peoplecraft.practice.content import Exercise

pytestmark = pytest.mark.django_db

ASK = "Did I summarise your concern back to you before I replied?"
SECRET = "You cut me off twice, honestly"


@pytest.fixture
def exercise(monkeypatch):
    """An exercise with an ``ask`` (the bundled content is being filled in elsewhere)."""
    from dataclasses import replace

    bundled = next(e for e in selectors.exercises_list(skill="Active Listening"))
    found = replace(
        bundled,
        ask=ASK,
    )
    real = selectors.exercise_get
    monkeypatch.setattr(selectors, "exercise_get", lambda ident: found if ident == found.id else real(ident))
    return found


@pytest.fixture
def entry(owner, listening, exercise):
    from peoplecraft.practice import services

    return services.practice_entry_log(
        owner=owner,
        skill=listening,
        occurred_on=timezone.localdate(),
        situation="Sam's worry about the release",
        exercise_id=exercise.id,
        source="exercise",
    )


def _path(link) -> str:
    return urlparse(link.url).path


def _confirm(path: str, answer: str, comment: str = ""):
    client = rater_client(path, "/r/moment/")
    return client, client.post("/r/moment/", {"answer": answer, "comment": comment})


def test_question_is_the_exercise_ask_else_built_from_the_first_success_criterion(owner, listening, entry):
    assert confirm_services.confirmation_question(entry) == ASK
    entry.exercise_id = ""
    assert "Active Listening" in confirm_services.confirmation_question(entry)
    bare = Exercise("x", "Active Listening", "t", "g", "s", "work", ("a",), 5, "easy", ("They felt heard.",), ())
    assert selectors.ask_question(bare) == "When we talked just now, did this happen: “They felt heard”?"


def test_attributed_pass_on_link_confirms_the_entry_and_counts_in_habit_strength(owner, listening, entry):
    before = selectors.habits_for(owner=owner, skills=[listening])[listening.pk].strength
    moment, link = confirm_services.confirmation_create(owner=owner, entry_id=entry.pk, base_url=BASE, attributed=True)
    assert moment.question == ASK and moment.attributed and link.url
    page = rater_client(_path(link), "/r/moment/").get("/r/moment/").content.decode()
    assert "will see your answer" in page and "one interaction" in page and page.count('name="answer"') == 3
    assert confirmation_sources.confirmations_for(owner, [entry.pk])[entry.pk].state == confirmation_sources.ASKED
    _client, response = _confirm(_path(link), "yes", "Yes, word for word")
    assert response.status_code == 302 and response["Location"] == reverse("rater:done")
    found = confirmation_sources.confirmations_for(owner, [entry.pk])[entry.pk]
    assert found.confirmed and found.comment == "Yes, word for word"
    after = selectors.habits_for(owner=owner, skills=[listening])[listening.pk].strength
    assert after == pytest.approx(before * 1.5)
    assert not SealedMomentResponse.objects.exists()  # attributed answers never enter the pool


def test_not_really_is_not_confirmed_and_weighs_like_a_self_logged_session(owner, listening, entry):
    before = selectors.habits_for(owner=owner, skills=[listening])[listening.pk].strength
    _moment, link = confirm_services.confirmation_create(owner=owner, entry_id=entry.pk, base_url=BASE, attributed=True)
    _confirm(_path(link), "not_really")
    found = confirmation_sources.confirmations_for(owner, [entry.pk])[entry.pk]
    assert found.state == confirmation_sources.NOT_CONFIRMED and not found.confirmed
    assert selectors.habits_for(owner=owner, skills=[listening])[listening.pk].strength == pytest.approx(before)


def test_pooled_answer_never_shows_per_entry_and_joins_the_skills_pool(owner_client, owner, listening, entry):
    _moment, link = confirm_services.confirmation_create(
        owner=owner, entry_id=entry.pk, base_url=BASE, attributed=False
    )
    page = rater_client(_path(link), "/r/moment/").get("/r/moment/").content.decode()
    assert "will see your answer" not in page and "Anonymous" in page
    _client, response = _confirm(_path(link), "yes", SECRET)
    assert response.status_code == 302
    assert SealedMomentResponse.objects.count() == 1 and not AttributedConfirmation.objects.exists()
    found = confirmation_sources.confirmations_for(owner, [entry.pk])[entry.pk]
    assert found.state == confirmation_sources.ASKED and not found.confirmed and found.comment == ""
    log = owner_client.get(reverse("practice:log")).content.decode()
    skill_page = owner_client.get(reverse("skillmap:skill", args=[listening.pk])).content.decode()
    for body in (log, skill_page):
        assert SECRET not in body and ">confirmed<" not in body
    assert "never shown here" in log
    assert not moment_results.pooled_skills(owner=owner)[0].released


def test_pooled_answers_release_only_as_a_batch_of_three_emailed_answers(owner, listening, entry, settings):
    paths = []
    for n in range(3):
        _moment, link = confirm_services.confirmation_create(
            owner=owner, entry_id=entry.pk, base_url=BASE, attributed=False, email=f"p{n}@example.org"
        )
        assert link.url is None  # e-mailed: the learner never sees the link
        paths.append(urlparse(mailed_url(f"p{n}@example.org")).path)
    for path, answer in zip(paths, ["yes", "not_sure", "not_really"], strict=True):
        _confirm(path, answer)
        if path != paths[-1]:
            assert not MomentResponse.objects.exists()
    pooled = moment_results.pooled_skills(owner=owner)[0]
    assert pooled.released and pooled.responses == 3 and pooled.mean == pytest.approx(3.0)
    assert sorted(MomentResponse.objects.values_list("rating", flat=True)) == [1, 3, 5]
    assert len(mail.outbox) == 3


def test_ownership_404s(client, outsider, owner, entry):
    with pytest.raises(Http404):
        confirm_services.confirmation_create(owner=outsider, entry_id=entry.pk, base_url=BASE, attributed=True)
    client.force_login(outsider)
    assert client.get(reverse("feedback:confirm", args=[entry.pk])).status_code == 404
    assert client.post(reverse("feedback:confirm", args=[entry.pk]), {"mode": "attributed"}).status_code == 404


def test_a_used_link_cannot_answer_twice(owner, entry):
    _moment, link = confirm_services.confirmation_create(owner=owner, entry_id=entry.pk, base_url=BASE, attributed=True)
    _client, _response = _confirm(_path(link), "yes")
    assert Client().get(_path(link)).status_code == 410
    with pytest.raises(confirm_services.MomentClosed):
        confirm_services.confirmation_answer(raw_token=_path(link).split("/")[2], answer="not_really")
    assert AttributedConfirmation.objects.get().answer == "yes"


def test_closed_or_expired_link_is_410(owner, entry):
    from peoplecraft.feedback import moment_services

    moment, link = confirm_services.confirmation_create(owner=owner, entry_id=entry.pk, base_url=BASE, attributed=True)
    client = rater_client(_path(link), "/r/moment/")
    moment_services.moment_close(moment=moment)
    assert client.post("/r/moment/", {"answer": "yes"}).status_code == 410
    assert Client().get(_path(link)).status_code == 410
    other, link2 = confirm_services.confirmation_create(owner=owner, entry_id=entry.pk, base_url=BASE, attributed=True)
    type(other).objects.filter(pk=other.pk).update(expires_on=timezone.localdate() - timedelta(days=1))
    assert Client().get(_path(link2)).status_code == 410
    assert not AttributedConfirmation.objects.exists()


def test_bad_answer_is_a_400_naming_the_choices(owner, entry):
    _moment, link = confirm_services.confirmation_create(owner=owner, entry_id=entry.pk, base_url=BASE, attributed=True)
    client = rater_client(_path(link), "/r/moment/")
    response = client.post("/r/moment/", {"answer": "maybe"})
    assert response.status_code == 400 and "Choose Yes, Not really or Not sure" in response.content.decode()
    too_long = client.post("/r/moment/", {"answer": "yes", "comment": "x" * 501})
    assert too_long.status_code == 400 and not AttributedConfirmation.objects.exists()


def test_learner_asks_from_the_log_and_sees_the_link_once_then_confirmed(owner_client, owner, listening, entry):
    response = owner_client.get(reverse("practice:log"))
    ask = reverse("feedback:confirm", args=[entry.pk])
    assert ask in response.content.decode()
    page = owner_client.get(ask).content.decode()
    assert ASK in page
    response = owner_client.post(ask, {"mode": "attributed", "email": ""})
    assert response.status_code == 302
    shown = owner_client.get(response["Location"]).content.decode()
    url = next(word.split('"')[1] for word in shown.split("value=")[1:] if "/r/" in word)
    assert owner_client.get(response["Location"]).content.decode().count(url) == 0  # shown once
    _confirm(urlparse(url).path, "yes")
    log = owner_client.get(reverse("practice:log")).content.decode()
    assert "<strong>confirmed</strong>" in log
    skill_page = owner_client.get(reverse("skillmap:skill", args=[listening.pk])).content.decode()
    assert ">confirmed<" in skill_page


def test_bad_mode_is_a_400_and_nothing_is_created(owner_client, entry):
    from peoplecraft.feedback.models import MomentRequest

    response = owner_client.post(reverse("feedback:confirm", args=[entry.pk]), {"mode": "both"})
    assert response.status_code == 400 and not MomentRequest.objects.exists()


def test_email_only_when_email_delivers(owner_client, owner, entry, settings):
    settings.FEEDBACK_EMAIL_AVAILABLE = False
    from peoplecraft.feedback.services import FeedbackError

    with pytest.raises(FeedbackError):
        confirm_services.confirmation_create(
            owner=owner, entry_id=entry.pk, base_url=BASE, attributed=True, email="sam@example.org"
        )
    assert 'type="email"' not in owner_client.get(reverse("feedback:confirm", args=[entry.pk])).content.decode()
