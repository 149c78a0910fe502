"""Scoring: reverse keying, the two-thirds rule, 0-100 rescaling, area means, focus (change: test_measurement)."""

import pytest

from peoplecraft.assessment.instrument import NAMED_SCALES, Item, Scale
from peoplecraft.assessment.scoring import (
    NOT_ENOUGH_ANSWERS,
    ScoringError,
    SkillSnapshot,
    focus_recommendations,
    score_responses,
)

FREQ = NAMED_SCALES["frequency-5"]


def items(skill: str, keys: list[int], scale: Scale = FREQ) -> list[Item]:
    slug = skill.lower().replace(" ", "-")
    return [
        Item(f"{slug}-{n}", skill, k, "In the last month, I ...", "They ...", scale)
        for n, k in enumerate(keys, start=1)
    ]


LISTEN = items("Active Listening", [1, 1, 1, -1])
EMPATHY = items("Empathy", [1, 1, -1])
AREAS = {"Active Listening": "Communication Skills", "empathy": "Empathy and EI"}


def test_reverse_keying_and_rescaling():
    # keyed answers: 5, 4, 3 and reverse 2 -> 1+5-2 = 4; mean 4.0; (4-1)/(5-1)*100 = 75
    answers = {"active-listening-1": 5, "active-listening-2": 4, "active-listening-3": 3, "active-listening-4": 2}
    result = score_responses(LISTEN, answers)
    assert result.skill("active listening").score == pytest.approx(75.0)
    assert result.answered == 4 and result.items == 4


def test_extremes_map_to_0_and_100():
    best = {"active-listening-1": 5, "active-listening-2": 5, "active-listening-3": 5, "active-listening-4": 1}
    worst = {"active-listening-1": 1, "active-listening-2": 1, "active-listening-3": 1, "active-listening-4": 5}
    assert score_responses(LISTEN, best).skills[0].score == 100.0
    assert score_responses(LISTEN, worst).skills[0].score == 0.0


def test_two_thirds_rule():
    # 4 items: 3 answered (3/4 >= 2/3) is scored; 2 answered (1/2 < 2/3) is not.
    three = {"active-listening-1": 5, "active-listening-2": None, "active-listening-3": 3, "active-listening-4": 1}
    scored = score_responses(LISTEN, three).skills[0]
    assert scored.status == "scored" and scored.answered == 3
    assert scored.score == pytest.approx((4 + 2 + 4) / 3 / 4 * 100)  # keyed 5,3,5 -> 4,2,4
    two = {"active-listening-1": 5, "active-listening-3": 3}
    unscored = score_responses(LISTEN, two).skills[0]
    assert unscored.score is None and unscored.status == NOT_ENOUGH_ANSWERS
    # 3 items: exactly two thirds (2 of 3) is enough.
    assert score_responses(EMPATHY, {"empathy-1": 3, "empathy-2": 3}).skills[0].score == 50.0


def test_all_missing():
    result = score_responses(LISTEN + EMPATHY, {}, skill_areas=AREAS)
    assert all(s.score is None and s.status == NOT_ENOUGH_ANSWERS for s in result.skills)
    assert all(a.score is None and a.skills_scored == 0 for a in result.areas)
    assert result.answered == 0 and result.items == 7


def test_area_score_is_mean_of_scored_skills():
    extra = items("Public Speaking", [1, 1])
    areas = {**AREAS, "Public Speaking": "Communication Skills"}
    answers = {
        "active-listening-1": 5,
        "active-listening-2": 5,
        "active-listening-3": 5,
        "active-listening-4": 1,  # 100
        "public-speaking-1": 3,
        "public-speaking-2": 3,  # 50
        "empathy-1": 2,
    }  # 1 of 3 answered: not scored
    result = score_responses(LISTEN + extra + EMPATHY, answers, skill_areas=areas)
    by_area = {a.area: a for a in result.areas}
    assert by_area["Communication Skills"].score == pytest.approx(75.0)
    assert by_area["Communication Skills"].skills_scored == 2
    assert by_area["Empathy and EI"].score is None
    assert result.skill("Empathy").area == "Empathy and EI"  # mapping matched case-insensitively


def test_skill_without_area_has_no_area_score():
    result = score_responses(EMPATHY, {"empathy-1": 4, "empathy-2": 4, "empathy-3": 2})
    assert result.skills[0].area is None and result.areas == ()
    assert result.skills[0].score == 75.0


def test_items_on_different_scales_are_rescaled_each():
    seven = Scale(1, 7, tuple(str(n) for n in range(1, 8)))
    mixed = [
        *items("Storytelling", [1], FREQ),
        Item("story-7", "Storytelling", 1, "In the last month, I ...", "They ...", seven),
    ]
    # 3 on 1..5 -> 50; 7 on 1..7 -> 100; mean 75
    result = score_responses(mixed, {"storytelling-1": 3, "story-7": 7})
    assert result.skills[0].score == 75.0


@pytest.mark.parametrize(
    "bad", [{"nope": 3}, {"empathy-1": 6}, {"empathy-1": 0}, {"empathy-1": 2.5}, {"empathy-1": True}]
)
def test_invalid_answers_are_refused(bad):
    with pytest.raises(ScoringError):
        score_responses(EMPATHY, bad)


# --- focus recommendations -------------------------------------------------------------------


def snap(skill, status="todo", score=None, area="A", sem=None):
    return SkillSnapshot(skill, area, status, score, sem)


def test_lowest_scores_first_and_done_skills_never():
    skills = [
        snap("Empathy", score=60),
        snap("Mediation", "done", 10),
        snap("Storytelling", score=38),
        snap("Persuasion", "active", 52),
        snap("Delegation", score=90),
    ]
    focus = focus_recommendations(skills, priorities=set())
    assert [f.skill for f in focus] == ["Storytelling", "Persuasion", "Empathy"]
    # 52 - 38 = 14 is within the detectable difference of two prior-precision scores (about 34).
    assert focus[0].reason.startswith("Among your lowest scores in your last assessment (38/100;")
    assert "within measurement error" in focus[0].reason
    assert focus[1].reason.startswith("One of your lower scores in your last assessment (52/100)")


def test_lowest_only_when_the_gap_to_the_next_is_detectable():
    # SEM 5 each: detectable difference 1.96 * sqrt(50) = 13.86; 52 - 38 = 14 exceeds it.
    clear = [snap("Storytelling", score=38, sem=5.0), snap("Persuasion", score=52, sem=5.0)]
    reason = focus_recommendations(clear, priorities=set())[0].reason
    assert reason == "Lowest score in your last assessment (38/100) and not yet mastered."
    close = [snap("Storytelling", score=38.2, sem=5.0), snap("Persuasion", score=52, sem=5.0)]
    assert focus_recommendations(close, priorities=set())[0].reason.startswith("Among your lowest")


def test_blind_spot_needs_a_gap_beyond_the_detectable_difference():
    # SEM 5: detectable difference 1.96 * sqrt(2) * 5 = 13.86 points.
    skills = [snap("Empathy", score=70, sem=5.0), snap("Delegation", score=30, sem=5.0)]
    small = focus_recommendations(skills, priorities=set(), others={"Empathy": 58})
    assert small[0].skill == "Delegation"  # a 12-point gap is not a blind spot
    large = focus_recommendations(skills, priorities=set(), others={"Empathy": 55})
    assert large[0].skill == "Empathy"
    assert large[0].reason == "Others rate you 15 points below your own score (blind spot)."


def test_priorities_come_first_matched_exactly_ignoring_case():
    skills = [
        snap("Persuasion", score=80),
        snap("Understanding Persuasion Techniques", score=70),
        snap("Delegation", score=20),
        snap("Delegation and Accountability"),
    ]
    wanted = {"persuasion", "DELEGATION AND ACCOUNTABILITY"}
    focus = focus_recommendations(skills, priorities=wanted, count=3)
    assert [f.skill for f in focus] == ["Persuasion", "Delegation and Accountability", "Delegation"]
    assert focus[0].reason == ("You named this a priority, and it scored 80/100 in your last assessment.")
    assert focus[1].reason == "You named this a priority, and it is not yet done."


def test_ties_break_on_active_then_given_order():
    skills = [snap("B", score=40), snap("A", "active", 40), snap("C", score=40), snap("D")]
    assert [f.skill for f in focus_recommendations(skills, priorities=set(), count=4)] == ["A", "B", "C", "D"]


def test_unscored_skills_follow_scored_ones():
    skills = [snap("Unscored todo"), snap("Unscored active", "active"), snap("High", score=95)]
    focus = focus_recommendations(skills, priorities=set(), count=3)
    assert [f.skill for f in focus] == ["High", "Unscored active", "Unscored todo"]
    assert focus[1].reason == "Already in focus and not yet done; no assessment score yet."
    assert focus[2].reason.startswith("Not yet done and not yet assessed")


def test_count_and_empty_input():
    skills = [snap("A", score=1), snap("B", score=2)]
    assert focus_recommendations(skills, priorities=set(), count=0) == []
    assert len(focus_recommendations(skills, priorities=set(), count=5)) == 2
    assert focus_recommendations([], priorities={"A"}) == []
    assert focus_recommendations([snap("A", "done")], priorities={"a"}) == []


def test_score_display_rounds_half_up():
    focus = focus_recommendations([snap("A", score=36.5)], priorities=set())
    assert "(37/100)" in focus[0].reason
