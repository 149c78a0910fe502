"""The path check: it follows every path with its flags and refuses text that takes for granted a fact
the path never set up. It fails on boundary-with-manager as it was before issue 16 and passes on the fix."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from peoplecraft.scenarios.catalogue import bundled_scenarios, check_files, default_skill_names
from peoplecraft.scenarios.engine import (
    ScenarioError,
    all_paths,
    check_paths,
    check_scenario,
    parse_scenario,
    replay,
)
from peoplecraft.scenarios.engine.play import Step

BEFORE = Path(__file__).parent / "fixtures" / "boundary-with-manager-before.yaml"
# The path of issue 16 (1-based choice numbers as written): net score -2, yet the best ending.
ISSUE_PATH = [
    ("opening", 3),
    ("blurted", 2),
    ("yes-trap", 3),
    ("defensive", 1),
    ("evenings", 2),
    ("agreement", 2),
    ("tested", 3),
]


def _before():
    scenario, checked, problems = check_scenario(
        BEFORE.read_text(encoding="utf-8"), source=str(BEFORE), skills=default_skill_names()
    )
    return scenario, checked, problems


def test_the_issue_path_reaches_the_best_ending_without_a_date_in_the_old_text():
    scenario, _, _ = _before()
    state = replay(scenario, [Step(node, number - 1) for node, number in ISSUE_PATH])
    assert state.node.id == "end-respected" and "lands on the new date" in state.node.ending
    assert "date_moved" not in state.flags and sum(c.total for _, c, _ in state.moments()) == -2


def test_the_check_fails_on_the_old_boundary_scenario_naming_file_node_and_a_path():
    _, checked, problems = _before()
    messages = [str(problem) for problem in problems]
    assert checked is not None and checked.paths == 183 and not checked.capped
    date = [m for m in messages if "node 'end-respected'" in m and "'date_moved'" in m]
    assert len(date) == 1 and date[0].startswith(f"{BEFORE}:")
    # the example path is a real path: it starts at the opening and ends at the ending
    assert "on the path" not in date[0] and ": opening#" in date[0] and date[0].endswith(" → end-respected")
    assert any("node 'choose'" in m and "'proposed_29th'" in m for m in messages)  # "the 29th" after the 22nd
    assert any("node 'agreement'" in m and "'hours_proposed'" in m for m in messages)
    with pytest.raises(ScenarioError) as refused:
        parse_scenario(BEFORE.read_text(encoding="utf-8"), source="before.yaml", skills=default_skill_names())
    assert any(p.node == "end-respected" and p.line for p in refused.value.problems)


def test_the_fixed_boundary_scenario_passes_and_no_best_ending_lacks_its_facts():
    scenario = bundled_scenarios()["boundary-with-manager"]
    checked = check_paths(scenario)
    assert checked.problems == () and checked.paths >= 183 and not checked.capped
    reached = 0
    for path in all_paths(scenario):
        state = replay(scenario, path.steps)
        assert state.flags == path.flags
        if path.ending == "end-respected":
            reached += 1
            assert "hours_agreed" in path.flags
            assert ("lands on the new date" in state.node.ending) == ("date_moved" in path.flags)
        if path.ending in ("end-respected", "end-partial") and "date_moved" not in path.flags:
            assert "new date" not in state.node.ending and "a little better" not in state.node.ending
    assert reached > 10


def test_daniel_confirms_the_date_you_proposed():
    scenario = bundled_scenarios()["boundary-with-manager"]
    proposed_22nd = replay(scenario, [Step("opening", 1), Step("yes-trap", 0)])
    assert proposed_22nd.node.id == "choose" and "22nd" in proposed_22nd.node.line
    proposed_29th = replay(scenario, [Step("opening", 0), Step("priorities", 0)])
    assert "29th" in proposed_29th.node.line and "22nd" not in proposed_29th.node.line
    desc = scenario.node("evenings").choices[0]
    assert "Consequences" in desc.feedback and "fresh for the close" in desc.text


def test_feedback_to_a_peer_marco_resents_only_criticism_he_heard():
    scenario = bundled_scenarios()["feedback-to-a-peer"]
    assert "Dana" in scenario.setting
    for path in all_paths(scenario):
        nodes = [step.node for step in path.steps]
        if "options-lukewarm" in nodes:
            assert "named_problem" in path.flags
    # sympathising about Ravi no longer leads to "Happy?"
    state = replay(scenario, [Step("opening", 0), Step("checkout-shipped", 2), Step("his-side", 1)])
    assert state.node.id == "sidetracked" and "Happy?" not in state.node.line


def test_angry_customer_timeline():
    scenario = bundled_scenarios()["angry-customer"]
    assert "Thursday" in scenario.setting and "Tuesday" not in scenario.setting
    assert "until Wednesday afternoon" in scenario.setting


def test_every_bundled_scenario_passes_with_its_path_counts():
    results = check_files()
    assert len(results) == len(bundled_scenarios())
    for result in results:
        assert result.problems == (), [str(p) for p in result.problems]
        assert result.paths is not None and result.paths.paths > 50 and not result.paths.capped


def test_the_cap_stops_counting_not_checking_and_paths_without_loops_are_counted_exactly():
    scenario, full, _ = _before()  # yes-trap and defensive lead to each other: paths are enumerated
    began = time.perf_counter()
    small_cap = check_paths(scenario, limit=3)
    assert (small_cap.paths, small_cap.capped) == (3, True) and time.perf_counter() - began < 5
    assert [(p.node, p.message) for p in small_cap.problems] == [(p.node, p.message) for p in full.problems]
    assert small_cap.states == full.states
    loading = check_paths(scenario, count=False)  # what the loader runs: same verdict, no count
    assert loading.paths is None and [p.message for p in loading.problems] == [p.message for p in full.problems]
    big = check_paths(bundled_scenarios()["mediating-a-handoff-dispute"])
    assert big.paths > 1_000_000 and not big.capped and big.seconds < 5


LOOP = """
id: loop
title: Loop
summary: A loop that toggles a flag.
skills: [Empathy]
setting: A room.
start: a
nodes:
  - id: a
    speaker: Ann
    line: Again?
    choices:
      - {text: Toggle on, next: b, sets: {lit: true}, scores: {Empathy: 1}, feedback: On.}
      - {text: Toggle off, next: b, sets: {lit: false}, scores: {Empathy: 0}, feedback: Off.}
  - id: b
    narration: The lamp.
    choices:
      - {text: Back, next: a, scores: {Empathy: 0}, feedback: Back.}
      - {text: Leave, next: [{when: lit, to: bright}, {to: dark}], scores: {Empathy: 1}, feedback: Leave.}
  - id: bright
    asserts: lit
    ending: Lit.
    outcome: Lit
  - id: dark
    ending: [{when: lit, text: Oddly lit.}, {when: not lit, text: Dark.}]
    outcome: Dark
"""


def test_loops_that_change_flags_terminate_and_routes_follow_the_flags():
    scenario = parse_scenario(LOOP, source="loop.yaml", skills={"Empathy"})
    checked = check_paths(scenario)
    assert checked.problems == () and checked.states == 6 and not checked.capped
    capped = check_paths(scenario, limit=1)  # looping states: paths are enumerated, up to the cap
    assert (capped.paths, capped.capped, capped.states, capped.problems) == (1, True, 6, ())
    endings = {(path.ending, "lit" in path.flags) for path in all_paths(scenario)}
    assert endings == {("bright", True), ("dark", False)}


def test_the_shape_from_the_state_graph_matches_listing_every_path():
    from peoplecraft.scenarios.engine.paths import path_shape

    for name in ("feedback-to-a-peer", "negotiating-a-deadline"):
        scenario = bundled_scenarios()[name]
        shape = path_shape(scenario)
        listed = list(all_paths(scenario))
        assert shape is not None and shape.paths == len(listed) > 500
        assert (shape.shortest, shape.longest) == (min(len(p.steps) for p in listed), max(len(p.steps) for p in listed))
        assert set(shape.positive_endings) == {p.ending for p in listed if p.total > 0}
    assert path_shape(bundled_scenarios()["boundary-with-manager"]) is None  # its states loop
