"""practice_entry_log (the service other apps call), focus, and card grades: all-or-nothing."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from django.utils import timezone

from peoplecraft.practice import plans, selectors, services
from peoplecraft.practice.content import bundled_cards, for_skill
from peoplecraft.practice.models import CardReview, CardState, PracticeEntry

pytestmark = pytest.mark.django_db


def test_log_by_skill_object_or_name(owner, imported_guide, skill):
    mediation = skill(imported_guide, "Mediation")
    entry = services.practice_entry_log(
        owner=owner,
        skill=mediation,
        occurred_on=date(2026, 3, 2),
        situation="  Team   stand-up  ",
        self_rating=4,
        duration_minutes=10,
        source="scenario",
        source_ref="scenario:angry-customer",
    )
    assert (entry.situation, entry.source, entry.source_ref) == ("Team stand-up", "scenario", "scenario:angry-customer")
    by_name = services.practice_entry_log(
        owner=owner, skill="active listening", occurred_on=date(2026, 3, 2), situation="1:1"
    )
    assert by_name.skill.name == "Active Listening"


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"self_rating": 6}, "self_rating"),
        ({"self_rating": "4"}, "self_rating"),
        ({"duration_minutes": 0}, "duration_minutes"),
        ({"situation": "   "}, "situation"),
        ({"source": "telepathy"}, "source"),
        ({"exercise_id": "no-such-exercise"}, "exercise_id"),
        ({"occurred_on": "2026-03-02"}, "occurred_on"),
        ({"skill": "Juggling"}, "skill"),
    ],
)
def test_bad_input_names_the_field_and_stores_nothing(owner, imported_guide, changes, field):
    kwargs = {"owner": owner, "skill": "Mediation", "occurred_on": date(2026, 3, 2), "situation": "x"} | changes
    with pytest.raises(services.PracticeError) as error:
        services.practice_entry_log(**kwargs)
    assert error.value.field == field
    assert not PracticeEntry.objects.exists()


def test_future_dates_are_refused(owner, imported_guide):
    with pytest.raises(services.PracticeError, match="future"):
        services.practice_entry_log(
            owner=owner, skill="Mediation", occurred_on=timezone.localdate() + timedelta(days=3), situation="x"
        )


def test_another_users_skill_is_refused(outsider, imported_guide, skill):
    with pytest.raises(services.PracticeError, match="not yours"):
        services.practice_entry_log(
            owner=outsider, skill=skill(imported_guide, "Mediation"), occurred_on=date(2026, 3, 2), situation="x"
        )


def test_focus_is_chosen_else_skill_map_active(owner, imported_guide, skill):
    from peoplecraft.skillmap.services import skill_mark

    assert selectors.focus_get(owner=owner) == ([], "none")
    skill_mark(skill=skill(imported_guide, "Storytelling"), status="active", source="web")
    skills, source = selectors.focus_get(owner=owner)
    assert source == "skill map" and [s.name for s in skills] == ["Storytelling"]
    chosen = services.focus_set(
        owner=owner, skills=[skill(imported_guide, "Mediation"), skill(imported_guide, "Empathy")]
    )
    assert [s.name for s in chosen] == ["Mediation", "Empathy"]
    skills, source = selectors.focus_get(owner=owner)
    assert source == "chosen" and [s.name for s in skills] == ["Mediation", "Empathy"]
    with pytest.raises(services.PracticeError, match="at most 5"):
        services.focus_set(owner=owner, skills=list(imported_guide.areas.first().skills.all()))
    assert [s.name for s in selectors.focus_get(owner=owner)[0]] == ["Mediation", "Empathy"]


def test_grading_a_card_reschedules_it_and_logs_practice(owner, imported_guide):
    now = datetime(2026, 3, 2, 9, tzinfo=UTC)
    state = services.card_grade(owner=owner, card_id="mediation-1", grade="good", now=now)
    assert state.due == now + timedelta(days=2) and state.reviews == 1 and state.fsrs["state"] == 2
    again = services.card_grade(owner=owner, card_id="mediation-1", grade="missed", now=state.due)
    assert again.reviews == 2 and again.due == state.due + timedelta(days=1)
    assert list(CardReview.objects.values_list("grade", flat=True)) == ["good", "missed"]
    [entry] = PracticeEntry.objects.all()  # "missed" means not tried: no practice logged
    assert (entry.source, entry.source_ref, entry.self_rating) == ("card", "mediation-1", 4)


def test_grading_unknown_card_or_grade_stores_nothing(owner, imported_guide):
    with pytest.raises(services.PracticeError):
        services.card_grade(owner=owner, card_id="nope-1", grade="good")
    with pytest.raises(services.PracticeError):
        services.card_grade(owner=owner, card_id="mediation-1", grade="meh")
    assert not CardState.objects.exists() and not PracticeEntry.objects.exists()


def test_due_cards_offer_one_new_card_per_skill(owner, imported_guide, skill):
    mediation = skill(imported_guide, "Mediation")
    due = selectors.cards_for(owner=owner, skills=[mediation], due_only=True)
    assert [v.card.id for v in due] == ["mediation-1"] and due[0].is_new
    services.card_grade(owner=owner, card_id="mediation-1", grade="easy")
    assert selectors.cards_for(owner=owner, skills=[mediation], due_only=True) == []  # one new card a day
    # every bundled Mediation card (three plain ones, plus method cards since issue 16)
    assert len(selectors.cards_for(owner=owner, skills=[mediation])) == len(for_skill(bundled_cards(), "Mediation")) > 3


def test_plan_adapts_to_last_weeks_log(owner, imported_guide, skill):
    listening = skill(imported_guide, "Active Listening")
    this_monday = timezone.localdate() - timedelta(days=timezone.localdate().weekday())
    last_monday = this_monday - timedelta(weeks=1)
    for offset in (0, 2, 4):
        services.practice_entry_log(
            owner=owner, skill=listening, occurred_on=last_monday + timedelta(days=offset), situation="x", self_rating=5
        )
    plan = plans.week_plan(owner=owner, week_start=this_monday, focus=[listening])
    assert plan.skills[0].level == 2 and "went well" in plan.skills[0].reason
    document = plans.plan_document(plan, source="chosen")
    assert document["week_start"] == this_monday.isoformat() and len(document["sessions"]) == 3


def test_focus_falls_back_to_the_latest_assessment(owner, imported_guide):
    from peoplecraft.assessment import selectors as assessment_selectors
    from peoplecraft.assessment import services as assessment_services

    area = imported_guide.areas.get(number=3)
    assessment = assessment_services.assessment_start(owner=owner, guide=imported_guide, scope="area", area=area)
    items = assessment_selectors.assessment_items(assessment=assessment)
    assessment_services.answers_save(assessment=assessment, answers={item.id: 3 for item in items})
    assessment_services.assessment_complete(assessment=assessment)
    skills, source = selectors.focus_get(owner=owner)
    assert source == "assessment" and 1 <= len(skills) <= 5
    assert all(s.area.guide_id == imported_guide.pk for s in skills)
