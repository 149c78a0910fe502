"""Response formats: frequency-of-occasions and count items, their anchors, schema errors with
file and line, "No such occasion" scored as missing, and the seeded presentation order."""

from __future__ import annotations

import pytest

from peoplecraft.assessment.instrument import (
    COUNT,
    FREQUENCY_OF_OCCASIONS,
    NAMED_SCALES,
    NO_OCCASION,
    InstrumentError,
    Item,
    parse_instrument,
)
from peoplecraft.assessment.questionnaire import presentation_order, scale_points
from peoplecraft.assessment.scoring import NOT_ENOUGH_ANSWERS, ScoringError, score_responses

HEAD = "id: demo\nversion: 2\ntitle: Demo\nitems:\n"  # no instrument scale: every item names a format


def item(ident: str = "a-1", extra: str = "    format: frequency-of-occasions\n", key: int = 1) -> str:
    return (
        f"  - id: {ident}\n    skill: Active Listening\n    key: {key}\n{extra}"
        '    self: "In the last month, when X, I did Y."\n    other: "In the last month, when X, they did Y."\n'
    )


def problems(text: str) -> list[str]:
    with pytest.raises(InstrumentError) as caught:
        parse_instrument(text, source="demo.yaml")
    return caught.value.problems


def test_a_file_with_both_formats_loads_with_each_items_own_anchors():
    rare = "    format: count\n    scale: count-rare\n"
    text = HEAD + item("a-1") + item("a-2", "    format: count\n") + item("a-3", rare)
    inst = parse_instrument(text)
    occasions, count, rare = (i.scale for i in inst.items)
    assert inst.scale is None
    assert occasions.format == FREQUENCY_OF_OCCASIONS and occasions.no_occasion == "No such occasion"
    assert occasions.labels == (
        *("None of the occasions", "A few of them", "About half of them", "Most of them", "All of them"),
    )
    assert count.format == COUNT and count.labels[0] == "0 times" and count.labels[-1] == "More than 10 times"
    assert count.no_occasion is None and rare.format == COUNT and rare.labels[1] == "Once"
    assert scale_points(inst.items[0])[-1] == (NO_OCCASION, "No such occasion")
    assert [v for v, _ in scale_points(inst.items[1])] == [1, 2, 3, 4, 5]


def test_inline_count_bins_are_allowed():
    labels = "['0 times', '1-4 times', '5 or more times']"
    bins = f"    format: count\n    scale: {{min: 1, max: 3, labels: {labels}, format: count}}\n"
    assert parse_instrument(HEAD + item("a-1", bins)).items[0].scale.labels[-1] == "5 or more times"


def test_unknown_format_names_file_and_line():
    found = problems(HEAD + item("a-1") + item("a-2", "    format: likert\n"))
    assert found == ["demo.yaml, line 14: item 'a-2': unknown format 'likert' (known: frequency-of-occasions, count)"]


def test_format_and_scale_must_agree():
    found = problems(HEAD + item("a-1", "    format: count\n    scale: frequency-of-occasions\n"))
    assert found == ["demo.yaml, line 9: item 'a-1': its scale is a frequency-of-occasions scale, not a count scale"]


@pytest.mark.parametrize(
    ("scale", "expected"),
    [
        (
            "{min: 1, max: 2, labels: [None, All], format: frequency-of-occasions}",
            "needs a 'no_occasion' anchor",
        ),
        ("{min: 1, max: 2, labels: ['0 times', 'Once or more'], no_occasion: Never}", "only a frequency-of-occasions"),
        ("{min: 0, max: 2, labels: ['0 times', 'Once', 'Twice']}", "0 < min < max"),
        ("{min: 1, max: 2, labels: [A, B], anchors: [C]}", "unknown scale field 'anchors'"),
        ("{min: 1, max: 2, labels: [A, B], format: counting}", "unknown scale format 'counting'"),
    ],
)
def test_bad_anchors_name_file_and_line(scale, expected):
    found = problems(HEAD + item("a-1", f"    scale: {scale}\n"))
    assert found[0].startswith("demo.yaml, line 8: item 'a-1': ") and expected in found[0]


def test_an_item_without_format_needs_an_instrument_scale():
    found = problems(HEAD + item("a-1", ""))
    expected = "demo.yaml, line 5: item 'a-1': needs a 'format' (or a 'scale'): the instrument has no default scale"
    assert found == [expected]


def test_a_retired_id_cannot_be_reused():
    text = HEAD.replace("items:\n", "retired: [a-1]\nitems:\n") + item("a-1")
    assert "demo.yaml, line 6: item 'a-1': id is retired" in problems(text)[0]


def _items(*formats: str, keys=None) -> list[Item]:
    keys = keys or [1] * len(formats)
    return [
        Item(f"s-{n}", "Skill", k, "In the last month, when X, I did Y.", "…", NAMED_SCALES[f])
        for n, (f, k) in enumerate(zip(formats, keys, strict=True), start=1)
    ]


def test_no_such_occasion_is_missing_not_zero():
    items = _items(*[FREQUENCY_OF_OCCASIONS] * 4, keys=[1, 1, 1, -1])
    one_missing = score_responses(items, {"s-1": 5, "s-2": 5, "s-3": NO_OCCASION, "s-4": 1}).skills[0]
    assert (one_missing.score, one_missing.answered, one_missing.items) == (100.0, 3, 4)
    two_missing = score_responses(items, {"s-1": 5, "s-2": NO_OCCASION, "s-3": NO_OCCASION, "s-4": 1}).skills[0]
    assert two_missing.score is None and two_missing.status == NOT_ENOUGH_ANSWERS  # two-thirds rule


def test_no_such_occasion_is_refused_on_a_count_item():
    with pytest.raises(ScoringError, match=r"not on the scale 1\.\.5$"):
        score_responses(_items(COUNT), {"s-1": NO_OCCASION})


def test_presentation_order_is_seeded_stable_and_consistent_for_subsets():
    items = _items(*[COUNT] * 40)
    first = presentation_order(items, 1234)
    assert first == presentation_order(list(reversed(items)), 1234)  # same seed, same order
    assert first != presentation_order(items, 1235) and first != tuple(items)  # shuffled, per seed
    page = items[10:20]
    assert presentation_order(page, 1234) == tuple(i for i in first if i in page)  # a page keeps its order
    # The order is a hash of seed and id, so it is the same in every process and Python version.
    assert [i.id for i in presentation_order(items[:6], 7)] == ["s-4", "s-6", "s-2", "s-5", "s-3", "s-1"]


@pytest.mark.django_db
def test_web_and_cli_orders_agree_and_survive_a_reload(owner, imported_guide):
    from peoplecraft.assessment import selectors, services

    started = services.assessment_start(owner=owner, guide=imported_guide, scope="guide", order_seed=99)
    web = [item for page in selectors.assessment_pages(assessment=started) for item in page.items]
    cli = selectors.scope_presented_items(guide=imported_guide, scope="guide", seed=99)
    assert web == list(cli) == list(selectors.presented_items(assessment=started))
    assert web != list(selectors.assessment_items(assessment=started))  # shuffled within each area
    reloaded = type(started).objects.get(pk=started.pk)
    assert selectors.presented_items(assessment=reloaded) == tuple(web)


@pytest.mark.django_db
def test_answers_to_retired_items_are_never_scored(owner, imported_guide, skill):
    from peoplecraft.assessment import selectors, services
    from peoplecraft.assessment.models import Answer

    empathy = [skill(imported_guide, "Empathy")]
    started = services.assessment_start(owner=owner, guide=imported_guide, scope="skills", skills=empathy)
    # An answer stored under version 1 to a statement that has since been retired.
    Answer.objects.create(assessment=started, item_id="empathy-2", value=1)
    items = selectors.assessment_items(assessment=started)
    services.answers_save(assessment=started, answers={item.id: 5 for item in items if item.key == 1})
    assert "empathy-2" not in selectors.answers_get(assessment=started, items=items)
    done = services.assessment_complete(assessment=started)
    result = done.results.get()
    assert (result.answered, result.items) == (3, 4)  # the retired answer is neither shown nor counted


def test_analyze_reads_no_such_occasion_as_missing_and_refuses_0_on_a_count_item(tmp_path):
    import math

    from peoplecraft.assessment import analysis
    from peoplecraft.assessment.response_files import ResponsesCsvError

    inst = parse_instrument(HEAD + item("a-1") + item("a-2", "    format: count\n"))
    answers = tmp_path / "r.csv"
    answers.write_text("a-1,a-2\n0,3\n4,2\n", encoding="utf-8")
    values = analysis.read_responses(inst, answers).values
    assert math.isnan(values[0][0]) and values[1].tolist() == [4.0, 2.0]
    answers.write_text("a-1,a-2\n3,0\n", encoding="utf-8")
    with pytest.raises(ResponsesCsvError, match=r"r\.csv, row 2: item 'a-2': 0 is not on its scale 1\.\.5"):
        analysis.read_responses(inst, answers)
