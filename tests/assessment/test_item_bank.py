"""The bundled item bank covers every skill of the default guide, with well-formed items."""

import re
from collections import Counter
from pathlib import Path

import pytest

from peoplecraft.assessment.instrument import (
    BUNDLED_INSTRUMENT,
    COUNT,
    FREQUENCY_OF_OCCASIONS,
    NAMED_SCALES,
    bundled_instrument,
    generic_items_for,
)
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
TIME_WINDOW = re.compile(r"^In the last month, ")
# A conditional item names its occasion right after the window: "In the last month, when ...".
OCCASION = re.compile(r"^In the last month, (when|before|after|during|at the (start|end)|in (a|one-to-one)) ", re.I)
# Double-barrelled, outcome-type, mis-targeted or mismatched items of version 1 (issue 15).
REWRITTEN = {
    "public-speaking-2",
    "written-communication-2",
    "motivating-others-3",
    "non-verbal-communication-4",
    "stress-management-2",
    "mindfulness-and-self-reflection-1",
    "handling-criticism-and-feedback-3",
    "emotional-intelligence-1",
    "self-awareness-1",
    "empathy-2",
    "verbal-communication-4",
    "written-communication-4",
    "building-trust-4",
}
_STOP = {
    *("the", "a", "an", "to", "of", "in", "last", "month", "i", "they", "me", "them", "my", "their", "mine"),
    *("theirs", "myself", "themselves", "that", "person", "someone", "it", "was", "were", "had", "with", "for"),
    *("on", "or", "and", "before", "after", "when", "what", "how", "be", "by", "at", "is", "from", "this", "as"),
    *("did", "so", "people", "about", "who"),
}


def _overlap(one: str, other: str) -> float:
    first, second = ({w for w in re.findall(r"[a-z']+", t.lower()) if w not in _STOP} for t in (one, other))
    return len(first & second) / len(first | second)


def guide_skills() -> list[str]:
    text = GUIDE.read_text(encoding="utf-8").split("### How to Get Started")[0]
    return [m.group("name").strip() for m in SKILL_LINE.finditer(text)]


@pytest.fixture(scope="module")
def bank():
    return bundled_instrument()


@pytest.fixture(scope="module")
def bank_text():
    from importlib import resources

    return resources.files("peoplecraft").joinpath("data", "instruments", BUNDLED_INSTRUMENT).read_text("utf-8")


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


def test_every_item_declares_one_of_the_two_formats(bank):
    for item in bank.items:
        assert item.scale.format in (FREQUENCY_OF_OCCASIONS, COUNT), item.id
    occasions = NAMED_SCALES[FREQUENCY_OF_OCCASIONS]
    assert occasions.labels[0] == "None of the occasions" and occasions.no_occasion == "No such occasion"
    assert NAMED_SCALES[COUNT].labels[0] == "0 times"


def test_conditional_items_use_occasions_and_event_items_use_counts(bank):
    # "Always" means nothing for an event count, and "3-5 times" nothing for "when X, I did Y".
    for item in bank.items:
        conditional = bool(OCCASION.match(item.self_text))
        assert conditional == (item.scale.format == FREQUENCY_OF_OCCASIONS), item.id
        assert bool(OCCASION.match(item.other_text)) == conditional, item.id


def test_one_time_window_the_last_month_everywhere(bank, bank_text):
    for item in bank.items:
        assert item.self_text.startswith("In the last month, "), item.id
        assert item.other_text.startswith("In the last month, "), item.id
    assert "last month" in bank.description
    assert not re.search(r"three months|two weeks|this week|recently", bank_text + bank.description, re.I)


def test_reverse_items_are_not_always_last(bank):
    positions = Counter()
    for skill in bank.skills():
        own = [item for item in bank.items if item.skill == skill]
        positions.update(n for n, item in enumerate(own) if item.key == -1)
    assert len(positions) == 4  # first, second, third and last all occur
    assert max(positions.values()) <= len(bank.skills()) / 2


def test_self_and_rater_forms_describe_the_same_behaviour(bank):
    # A guard, not proof: the two forms must share most content words once pronouns and the
    # window are set aside. Version 1's emotional-intelligence-1 (0.38), empathy-2 (0.38) and
    # self-awareness-1 (0.12) failed it; every current pair scores 0.58 or more.
    for item in bank.items:
        assert _overlap(item.self_text, item.other_text) >= 0.55, item.id


def test_faulty_version_1_items_are_retired_not_reworded(bank):
    ids = {item.id for item in bank.items}
    assert bank.version >= 2
    assert bank.retired >= REWRITTEN and not (bank.retired & ids)


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
