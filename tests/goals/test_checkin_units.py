"""Issue 14 item 7: a goal's check-in is in the goal's unit ("3 of 8 one-to-ones"), not a percentage."""

from __future__ import annotations

import pytest
from django.urls import reverse

from peoplecraft.goals import selectors, services
from peoplecraft.goals.models import CheckIn

pytestmark = pytest.mark.django_db


def test_three_of_eight_is_a_check_in_and_the_progress_follows(owner, make_goal):
    goal = make_goal()  # target 8 one-to-ones
    services.goal_checkin(goal=goal, amount=3, note="three so far")
    found = selectors.goal_get(owner=owner, goal_id=goal.pk)
    assert (found.done, found.progress) == (3, 38)
    assert selectors.goal_document(found, found.due_date)["done"] == 3


def test_decimals_are_kept_and_passing_the_target_caps_the_percentage(owner, make_goal):
    goal = make_goal()
    services.goal_checkin(goal=goal, amount=2.5)
    assert selectors.goal_get(owner=owner, goal_id=goal.pk).done == 2.5
    services.goal_checkin(goal=goal, amount=11)
    assert selectors.goal_get(owner=owner, goal_id=goal.pk).progress == 100


@pytest.mark.parametrize("amount", [-1, float("nan"), float("inf"), 10**7])
def test_impossible_amounts_are_refused_naming_the_measure(make_goal, amount):
    goal = make_goal()
    with pytest.raises(services.GoalError) as caught:
        services.goal_checkin(goal=goal, amount=amount)
    assert "one-to-ones where I asked first" in caught.value.errors["amount"]
    assert not CheckIn.objects.exists()


def test_the_web_form_takes_a_count_and_shows_it(owner_client, make_goal):
    goal = make_goal()
    page = owner_client.get(reverse("goals:goal", args=[goal.pk])).content.decode()
    assert "Done so far (of 8 one-to-ones where I asked first)" in page and 'step="any"' in page
    response = owner_client.post(reverse("goals:checkin", args=[goal.pk]), {"amount": "3", "note": ""})
    assert response.status_code == 302
    page = owner_client.get(reverse("goals:goal", args=[goal.pk])).content.decode()
    assert "Progress: 3 of 8 one-to-ones where I asked first (38%)" in page
    assert owner_client.post(reverse("goals:checkin", args=[goal.pk]), {"amount": "2.5"}).status_code == 302
    assert "2.5 of 8" in owner_client.get(reverse("goals:goal", args=[goal.pk])).content.decode()


def test_the_web_form_refuses_words_and_negatives_with_a_400(owner_client, make_goal):
    goal = make_goal()
    response = owner_client.post(reverse("goals:checkin", args=[goal.pk]), {"amount": "three"})
    assert response.status_code == 400 and "Enter a number, like 3 or 2.5." in response.content.decode()
    response = owner_client.post(reverse("goals:checkin", args=[goal.pk]), {"amount": "-2"})
    assert response.status_code == 400 and "how many one-to-ones where I asked first" in response.content.decode()
    assert not CheckIn.objects.exists()
