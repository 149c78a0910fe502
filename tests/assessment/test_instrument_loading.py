"""Loading and validating instruments: every InstrumentError names file, item and problem."""

import textwrap

import pytest

from peoplecraft.assessment.instrument import (
    NAMED_SCALES,
    InstrumentError,
    SkillReliability,
    generic_items_for,
    load_instrument,
    parse_instrument,
)

HEAD = """\
id: demo
version: 1
title: Demo
scale: {min: 1, max: 5, labels: [Never, Rarely, Sometimes, Often, Always]}
items:
"""
ITEM = """\
  - id: {id}
    skill: Active Listening
    key: {key}
    self: "In the last month, I summarised what I heard."
    other: "They summarise what they heard."
"""


def doc(*items: str, head: str = HEAD) -> str:
    return head + "".join(items)


def item(id: str = "a-1", key: str = "1") -> str:
    return ITEM.format(id=id, key=key)


def problems(text: str, source: str = "demo.yaml") -> str:
    with pytest.raises(InstrumentError) as caught:
        parse_instrument(text, source=source)
    return str(caught.value)


def test_valid_instrument_loads_into_frozen_values():
    inst = parse_instrument(doc(item("a-1"), item("a-2", "-1")))
    assert inst.id == "demo" and inst.version == 1 and inst.title == "Demo"
    assert [i.key for i in inst.items] == [1, -1]
    assert inst.items[0].scale.labels[0] == "Never"
    assert inst.items[0].self_text.startswith("In the last month")
    assert inst.skills() == ("Active Listening",)
    with pytest.raises(AttributeError):
        inst.items[0].key = -1  # type: ignore[misc]


def test_load_from_path_names_the_file(tmp_path):
    path = tmp_path / "bank.yaml"
    path.write_text(doc(item("a-1"), item("a-1")), encoding="utf-8")
    with pytest.raises(InstrumentError, match=r"bank\.yaml, line 11: item 'a-1': duplicate id"):
        load_instrument(path)


def test_missing_file_is_an_instrument_error(tmp_path):
    with pytest.raises(InstrumentError, match="cannot read file"):
        load_instrument(tmp_path / "nope.yaml")


def test_yaml_syntax_error_reports_line():
    text = doc(item("a-1")) + "  - id: [unclosed\n"
    message = problems(text)
    assert message.startswith("demo.yaml, line ")
    assert "YAML syntax error" in message
    line = int(message.split("line ")[1].split(":")[0])
    assert line >= 11  # the broken item starts on line 11


def test_missing_item_field_names_item_id():
    broken = item("a-2").replace('    other: "They summarise what they heard."\n', "")
    assert "demo.yaml, line 11: item 'a-2': missing field 'other'" in problems(doc(item(), broken))


def test_missing_id_names_item_index():
    broken = item("a-2").replace("  - id: a-2\n    skill", "  - skill")
    assert "demo.yaml, line 11: item #2: missing field 'id'" in problems(doc(item(), broken))


@pytest.mark.parametrize("key", ["0", "2", "true", "'1'", "1.0"])
def test_bad_key(key):
    assert "item 'a-1': bad key" in problems(doc(item("a-1", key)))


def test_duplicate_id():
    assert "item 'a-1': duplicate id" in problems(doc(item("a-1"), item("a-1")))


def test_empty_text():
    broken = item().replace('"In the last month, I summarised what I heard."', '"  "')
    assert "item 'a-1': 'self' must be non-empty text" in problems(doc(broken))


def test_unknown_item_scale():
    scaled = item() + "    scale: likert-7\n"
    message = problems(doc(scaled))
    assert "item 'a-1': unknown scale 'likert-7'" in message


def test_named_scale_override_is_accepted():
    inst = parse_instrument(doc(item() + "    scale: confidence-5\n"))
    assert inst.items[0].scale == NAMED_SCALES["confidence-5"]


def test_labels_must_match_min_to_max():
    head = HEAD.replace("labels: [Never, Rarely, Sometimes, Often, Always]", "labels: [Never, Sometimes, Always]")
    assert "scale has 3 labels but 1..5 needs 5" in problems(doc(item(), head=head))


def test_scale_bounds_must_be_ordered_integers():
    head = HEAD.replace("min: 1, max: 5", "min: 5, max: 1")
    assert "min < max" in problems(doc(item(), head=head))


def test_unknown_field_catches_typos():
    typo = item().replace("    key: 1\n", "    key: 1\n    kye: 1\n")
    assert "item 'a-1': unknown field 'kye'" in problems(doc(typo))


def test_all_problems_are_reported_together():
    with pytest.raises(InstrumentError) as caught:
        parse_instrument(doc(item("a-1", "3"), item("a-1")), source="x.yaml")
    assert len(caught.value.problems) == 2


def test_top_level_problems():
    assert "missing field 'items'" in problems("id: demo\nversion: 1\ntitle: T\nscale: x\n")
    assert "must be a YAML mapping" in problems("- just\n- a list\n")
    assert "version must be a positive integer" in problems(
        doc(item(), head=HEAD.replace("version: 1", "version: zero"))
    )
    assert "'items' must be a non-empty list" in problems(HEAD.replace("items:\n", "items: []\n"))


def test_reliability_must_name_known_skill_and_valid_alpha():
    head = HEAD.replace("items:\n", "reliability: {Active Listening: 1.4, Empathy: 0.8}\nitems:\n")
    message = problems(doc(item(), head=head))
    assert "reliability 'Active Listening': alpha must be a number between 0 and 1" in message
    assert "reliability 'Empathy': names a skill with no items" in message


def test_known_reliability_is_kept():
    head = HEAD.replace("items:\n", "reliability: {active listening: 0.81}\nitems:\n")
    inst = parse_instrument(doc(item(), head=head))
    assert inst.reliability == {"active listening": SkillReliability(0.81)}  # a bare alpha: no SD, no n
    assert inst.reliability_for("Active Listening") == SkillReliability(0.81, None, None, None)
    assert inst.reliability_for("Empathy") is None


def test_reliability_mapping_with_sd_n_and_source():
    entry = "{alpha: 0.78, sd: 18.5, n: 240, source: assess analyze 2026-11-29}"
    head = HEAD.replace("items:\n", f"reliability:\n  Active Listening: {entry}\nitems:\n")
    inst = parse_instrument(doc(item(), head=head))
    assert inst.reliability_for("active listening") == SkillReliability(0.78, 18.5, 240, "assess analyze 2026-11-29")


@pytest.mark.parametrize(
    "entry, problem",
    [
        ("{sd: 18.5}", "alpha must be a number between 0 and 1, not None"),
        ("{alpha: 0.8, sd: 0}", "sd must be a number above 0"),
        ("{alpha: 0.8, sd: 140}", "sd must be a number above 0"),
        ("{alpha: 0.8, n: 1}", "n must be a whole number of respondents"),
        ("{alpha: 0.8, n: 2.5}", "n must be a whole number of respondents"),
        ("{alpha: 0.8, sd: true}", "sd must be a number above 0"),
        ("{alpha: 0.8, source: 3}", "source must be text"),
        ("{alpha: 0.8, omega: 0.9}", "unknown field 'omega'"),
    ],
)
def test_reliability_mapping_problems_are_reported(entry, problem):
    head = HEAD.replace("items:\n", f"reliability:\n  Active Listening: {entry}\nitems:\n")
    with pytest.raises(InstrumentError) as raised:
        parse_instrument(doc(item(), head=head))
    assert f"reliability 'Active Listening': {problem}" in str(raised.value)


def test_whitespace_in_text_is_normalised():
    text = textwrap.dedent("""\
        id: demo
        version: 1
        title: Demo
        scale: frequency-5
        items:
          - id: a-1
            skill: Active Listening
            key: 1
            self: >
              In the last month,
              I summarised.
            other: They summarise.
        """)
    assert parse_instrument(text).items[0].self_text == "In the last month, I summarised."


def test_generic_items_cover_only_uncovered_skills():
    items = generic_items_for(
        ["Active Listening", "Juggling Chainsaws", "juggling chainsaws"], covered=["active listening"]
    )
    assert [i.id for i in items] == ["generic-juggling-chainsaws-occasions", "generic-juggling-chainsaws-confidence"]
    assert all(i.generic and i.skill == "Juggling Chainsaws" and i.key == 1 for i in items)
    assert items[0].scale.labels[-1] == "All of them" and items[0].scale.no_occasion == "No such occasion"
    assert items[1].scale.labels[0] == "Not at all confident"
    assert all(" I " in i.self_text and "they" in i.other_text for i in items)
