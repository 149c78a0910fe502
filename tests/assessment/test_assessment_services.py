"""Start, save, resume, finish: the assessment services and their reads."""

from __future__ import annotations

from datetime import timedelta

import pytest

from peoplecraft.assessment import scoring, selectors, services
from peoplecraft.assessment.models import Answer, Assessment, SkillResult
from peoplecraft.assessment.results import assessment_results, results_document

pytestmark = pytest.mark.django_db


def test_scopes_choose_the_skills(owner, imported_guide, area_assessment, skill):
    names = [s.name for s in selectors.assessment_skills(assessment=area_assessment)]
    assert names[:2] == ["Empathy", "Self-Awareness"]
    assert len(selectors.assessment_items(assessment=area_assessment)) == 20
    whole = services.assessment_start(owner=owner, guide=imported_guide, scope="guide")
    assert len(selectors.assessment_items(assessment=whole)) == 208
    chosen = services.assessment_start(
        owner=owner, guide=imported_guide, scope="skills", skills=[skill(imported_guide, "Mediation")]
    )
    assert selectors.assessment_items(assessment=chosen)[0].id == "mediation-8"


def test_start_refuses_a_scope_without_skills(owner, imported_guide):
    with pytest.raises(services.AssessmentError, match="Choose an area"):
        services.assessment_start(owner=owner, guide=imported_guide, scope="area")
    with pytest.raises(services.AssessmentError, match="Choose one or more skills"):
        services.assessment_start(owner=owner, guide=imported_guide, scope="skills", skills=[])


def test_start_with_a_first_answer_stores_both_or_nothing(owner, imported_guide, skill):
    empathy = [skill(imported_guide, "Empathy")]
    items = selectors.scope_items(guide=imported_guide, scope="skills", skills=empathy)
    assert [item.id for item in items][:2] == ["empathy-1", "empathy-5"]
    with pytest.raises(services.AssessmentError, match="not on the scale"):
        services.assessment_start(
            owner=owner, guide=imported_guide, scope="skills", skills=empathy, answers={"empathy-1": 9}
        )
    assert not Assessment.objects.exists()
    started = services.assessment_start(
        owner=owner, guide=imported_guide, scope="skills", skills=empathy, answers={"empathy-1": 4}
    )
    assert selectors.assessment_items(assessment=started) == items
    assert selectors.answers_get(assessment=started) == {"empathy-1": 4}


def test_bad_answers_store_nothing(area_assessment):
    with pytest.raises(services.AssessmentError) as error:
        services.answers_save(assessment=area_assessment, answers={"empathy-1": 3, "empathy-5": 6, "nope-1": 2})
    assert "empathy-5: answer 6 is not on the scale 1..5" in str(error.value)
    assert "Unknown item nope-1" in str(error.value)
    assert not Answer.objects.exists()


def test_progress_is_resumable_and_overwritable(owner, imported_guide, area_assessment):
    services.answers_save(assessment=area_assessment, answers={"empathy-1": 2, "empathy-5": None})
    services.answers_save(assessment=area_assessment, answers={"empathy-1": 5})
    assert selectors.assessment_in_progress(owner=owner, guide=imported_guide) == area_assessment
    assert selectors.answers_get(assessment=area_assessment) == {"empathy-1": 5, "empathy-5": None}


def test_half_finished_is_never_scored_as_complete(area_assessment):
    services.answers_save(assessment=area_assessment, answers={"empathy-1": 5, "empathy-5": 5, "empathy-3": 5})
    done = services.assessment_complete(assessment=area_assessment)
    rows = {r.skill.name: r for r in SkillResult.objects.filter(assessment=done)}
    assert rows["Empathy"].score is not None and rows["Empathy"].answered == 3
    assert rows["Self-Awareness"].score is None and rows["Self-Awareness"].status == scoring.NOT_ENOUGH_ANSWERS
    document = results_document(assessment_results(assessment=done))
    assert [a["skills_scored"] for a in document["areas"]] == [1]


def test_finishing_with_nothing_scorable_is_refused(area_assessment):
    services.answers_save(assessment=area_assessment, answers={"empathy-1": 5})
    with pytest.raises(services.AssessmentError, match="Not enough answers"):
        services.assessment_complete(assessment=area_assessment)
    area_assessment.refresh_from_db()
    assert area_assessment.completed_at is None and not SkillResult.objects.exists()


def test_finished_assessment_takes_no_more_answers(finished):
    with pytest.raises(services.AssessmentError, match="finished"):
        services.answers_save(assessment=finished, answers={"empathy-1": 1})


def test_change_against_the_previous_assessment(owner, imported_guide, finished, answer_all, skill):
    later = services.assessment_start(owner=owner, guide=imported_guide, scope="area", area=finished.area)
    items = answer_all(later, 5)
    services.assessment_complete(assessment=later, completed_at=finished.completed_at + timedelta(days=30))
    rows = {row.skill.name: row for row in assessment_results(assessment=later).skills}
    empathy = rows["Empathy"]
    # 62.5 -> 75: 12.5 points, within the prior's smallest detectable change (about 33.6 for 4 items)
    assert empathy.change.value == 12.5 and empathy.change.method == "sdc95"
    assert empathy.change.verdict == "within error" and empathy.change.threshold == pytest.approx(33.65, abs=0.01)
    assert len(items) == 20
    history = selectors.skill_history(skill=skill(imported_guide, "Empathy"))
    assert [p.change.value is None for p in history] == [True, False]
    assert history[1].band == pytest.approx((75 - 1.96 * 12.14, 75 + 1.96 * 12.14), abs=0.02)


def test_focus_prefers_priorities_then_low_scores(owner, imported_guide, answer_all):
    assessment = services.assessment_start(
        owner=owner,
        guide=imported_guide,
        scope="area",
        area=selectors.guide_area(guide=imported_guide, number=2),
        priorities=["Motivation"],
    )
    answer_all(assessment, 3)
    services.answers_save(assessment=assessment, answers={f"empathy-{n}": 1 for n in (1, 5, 3)})
    done = services.assessment_complete(assessment=assessment)
    focus = assessment_results(assessment=done).focus
    assert [f.skill.name for f in focus][:1] == ["Motivation"]
    assert "priority" in focus[0].reason
    assert len(focus) == 3


def test_focus_choose_marks_the_skill_active(imported_guide, skill):
    chosen = services.focus_choose(skill=skill(imported_guide, "Empathy"), source="cli")
    assert chosen.skill.status == "active" and not chosen.note_written
    assert skill(imported_guide, "Empathy").status == "active"


def test_self_score_for_the_skill_page(imported_guide, finished, skill):
    result = selectors.skill_self_score(skill=skill(imported_guide, "Empathy"))
    assert result.score is not None
    assert selectors.self_scores(guide=imported_guide)[result.skill_id] == result.score


def test_skills_without_bank_items_get_generic_ones(owner, answer_all):
    from peoplecraft.skillmap.services import guide_create_from_text

    text = "---\ntitle: Mine\n---\n\n## Skill Areas\n\n### 1. **Craft**\n   - **Juggling**: Many balls.\n"
    guide = guide_create_from_text(owner=owner, text=text, name="Mine")
    assessment = services.assessment_start(owner=owner, guide=guide, scope="guide")
    items = selectors.assessment_items(assessment=assessment)
    assert [i.generic for i in items] == [True, True]
    answer_all(assessment, 5)
    assert Assessment.objects.get(pk=services.assessment_complete(assessment=assessment).pk).results.get().score == 100
