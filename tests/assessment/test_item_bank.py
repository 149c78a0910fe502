"""The bundled item bank covers every skill of the default guide, with well-formed items."""

import re
from collections import Counter
from pathlib import Path

import pytest

from peoplecraft.assessment.instrument import bundled_instrument, generic_items_for
from peoplecraft.assessment.scoring import score_responses

# The user's real note, a byte-identical copy kept in tests/fixtures/.
GUIDE = Path(__file__).resolve().parents[1] / "fixtures" / "guide.md"
# "   - ~~**Active Listening**: ..." or "   - **Written Communication**: ..."
SKILL_LINE = re.compile(r"^\s*-\s*(?:~~)?\*\*(?P<name>[^*]+)\*\*:", re.MULTILINE)
BANNED = (
    "i am a good",
    "i'm a good",
    "i am good at",
    "i'm good at",
    "i am a natural",
    "they are a good",
    "they are good at",
    "good listener",
    "good communicator",
    "i am a ",
    "i'm a ",
    "they are a ",
)
TIME_WINDOW = re.compile(r"^In the last (month|two weeks|three months|six months), ")


def guide_skills() -> list[str]:
    text = GUIDE.read_text(encoding="utf-8").split("### How to Get Started")[0]
    return [m.group("name").strip() for m in SKILL_LINE.finditer(text)]


@pytest.fixture(scope="module")
def bank():
    return bundled_instrument()


def test_fixture_guide_has_52_skills():
    skills = guide_skills()
    assert len(skills) == 52
    assert {"Persuasion", "Delegation", "Delegation and Accountability"} <= set(skills)


def test_every_guide_skill_has_at_least_four_items_and_one_reverse(bank):
    per_skill = Counter(item.skill.casefold() for item in bank.items)
    reverse = Counter(item.skill.casefold() for item in bank.items if item.key == -1)
    for skill in guide_skills():
        assert per_skill[skill.casefold()] >= 4, skill
        assert reverse[skill.casefold()] >= 1, skill
    assert len(bank.items) >= 208


def test_bank_names_no_skill_outside_the_guide(bank):
    guide = {s.casefold() for s in guide_skills()}
    assert {item.skill.casefold() for item in bank.items} <= guide


def test_item_ids_are_unique(bank):
    ids = [item.id for item in bank.items]
    assert len(ids) == len(set(ids))


def test_third_person_form_present_and_different(bank):
    for item in bank.items:
        assert item.other_text and item.other_text != item.self_text, item.id
        assert not re.search(r"\b(I|me|my|mine)\b", item.other_text), item.id
        assert re.search(r"\b(they|them|their|theirs)\b", item.other_text, re.I), item.id


def test_self_form_is_first_person_and_anchored_in_a_time_window(bank):
    for item in bank.items:
        assert TIME_WINDOW.match(item.self_text), item.id
        assert re.search(r"\b(I|me|my)\b", item.self_text), item.id


def test_no_vague_trait_phrases(bank):
    for item in bank.items:
        for text in (item.self_text.casefold(), item.other_text.casefold()):
            assert not any(phrase in text for phrase in BANNED), (item.id, text)


def test_default_scale_is_five_point_frequency(bank):
    assert bank.scale.min == 1 and bank.scale.max == 5
    assert bank.scale.labels == ("Never", "Rarely", "Sometimes", "Often", "Always")
    assert all(item.scale == bank.scale for item in bank.items)


def test_no_invented_reliability_numbers(bank):
    assert dict(bank.reliability) == {}


def test_items_are_distinct_statements(bank):
    texts = Counter(item.self_text.casefold() for item in bank.items)
    assert texts.most_common(1)[0][1] == 1


def test_default_guide_needs_no_generic_items(bank):
    assert generic_items_for(guide_skills(), covered=bank.skills()) == ()


def test_bundled_bank_scores_every_skill(bank):
    # Answering "Sometimes" (3) everywhere is the scale midpoint, reverse keyed or not: 50.
    answers = {item.id: 3 for item in bank.items}
    result = score_responses(bank.items, answers)
    assert len(result.skills) == 52
    assert all(skill.score == 50.0 for skill in result.skills)
