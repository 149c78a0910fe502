"""Scenario state: flags set by choices and nodes, guarded variants, choices and routes; bad state fields
are reported with file, node and line; a play's flags come from replaying its path."""

from __future__ import annotations

import pytest

from peoplecraft.scenarios.engine import ScenarioError, debrief, parse_scenario, replay
from peoplecraft.scenarios.engine.play import Step, advance, start

SKILLS = {"Empathy", "Active Listening"}
TEXT = """\
id: state
title: State
summary: Flags at work.
skills: [Empathy, Active Listening]
setting: A room.
start: ask
nodes:
  - id: ask
    speaker: Ann
    line: Shall we meet on Friday?
    choices:
      - text: Yes, Friday at ten.
        next: confirm
        sets: [date_agreed]
        scores: {Empathy: 1}
        feedback: Agreed.
      - text: Maybe.
        next: confirm
        scores: {Empathy: -1}
        feedback: Vague.
  - id: confirm
    speaker: Ann
    line:
      - when: date_agreed
        text: See you Friday at ten, then.
      - text: So when, then?
    choices:
      - text: Confirm it in writing.
        when: date_agreed
        asserts: [date_agreed]
        next: met
        scores: {Active Listening: 2}
        feedback: Written down.
      - text: Propose Friday at ten.
        when: not date_agreed
        next: met
        sets: {date_agreed: true}
        scores: {Active Listening: 1}
        feedback: Late but clear.
      - text: Leave it.
        next: [{when: date_agreed, to: met}, {to: missed}]
        scores: {Active Listening: -2}
        feedback: Nothing settled.
  - id: met
    asserts: date_agreed
    ending: You meet on Friday.
    outcome: Met
  - id: missed
    ending: You never meet.
    outcome: Missed
"""


def _problems(text: str) -> list[str]:
    with pytest.raises(ScenarioError) as caught:
        parse_scenario(text, source="s.yaml", skills=SKILLS)
    return [str(problem) for problem in caught.value.problems]


def test_variants_guarded_choices_and_routes_follow_the_flags():
    scenario = parse_scenario(TEXT, source="s.yaml", skills=SKILLS)
    agreed = replay(scenario, [Step("ask", 0)])
    assert agreed.flags == {"date_agreed"} and agreed.node.line == "See you Friday at ten, then."
    assert [c.text for c in agreed.node.choices] == ["Confirm it in writing.", "Leave it."]
    assert advance(agreed, node_id="confirm", choice=1).node.id == "met"  # the route sees the flag
    vague = replay(scenario, [Step("ask", 1)])
    assert vague.flags == frozenset() and vague.node.line == "So when, then?"
    assert [c.text for c in vague.node.choices] == ["Propose Friday at ten.", "Leave it."]
    assert advance(vague, node_id="confirm", choice=1).node.id == "missed"
    late = advance(vague, node_id="confirm", choice=0)
    assert late.node.id == "met" and late.flags == {"date_agreed"}


def test_a_debrief_compares_with_the_choices_that_were_offered():
    scenario = parse_scenario(TEXT, source="s.yaml", skills=SKILLS)
    done = debrief(replay(scenario, [Step("ask", 1), Step("confirm", 0)]))
    listening = next(s for s in done.skills if s.skill == "Active Listening")
    assert (listening.score, listening.best) == (1, 1)  # the +2 choice was not offered on this path
    assert done.worst_moment.node == "ask"
    assert done.best_moment.prompt == "So when, then?"  # the line as it was shown


def test_a_scenario_without_flags_plays_as_before():
    plain = parse_scenario(
        TEXT.split("  - id: confirm")[0]
        .replace("next: confirm", "next: end")
        .replace("        sets: [date_agreed]\n", "")
        + "  - id: end\n    ending: Done.\n    outcome: Done\n",
        source="t.yaml",
        skills=SKILLS,
    )
    state = start(plain)
    assert state.node is plain.node("ask") and state.flags == frozenset()  # no copy: the node as written
    assert advance(state, node_id="ask", choice=1).node is plain.node("end")


def test_bad_state_fields_name_file_node_and_line():
    problems = _problems(
        TEXT.replace("when: not date_agreed", "when: date_agreed or maybe")
        .replace("sets: {date_agreed: true}", "sets: {date_agreed: 1}")
        .replace("asserts: date_agreed", "asserts: date_agred")
    )
    assert problems == [
        "s.yaml:34: node 'confirm': choice 2: 'when' 'date_agreed or maybe': write a flag name, 'not NAME', "
        "or a list of those (all must hold)",
        "s.yaml:34: node 'confirm': choice 2: 'sets' 'date_agreed' must be true or false, not 1",
        "s.yaml:44: node 'met': flag 'date_agred' is tested or asserted but no node or choice sets it",
    ]
    assert _problems(TEXT.replace("sets: [date_agreed]", "sets: [Date Agreed]")) == [
        "s.yaml:12: node 'ask': choice 1: flag 'Date Agreed' must be a name of lowercase letters, digits and _"
    ]


def test_a_missing_variant_or_route_is_a_path_problem():
    (problem,) = _problems(TEXT.replace("      - text: So when, then?\n", ""))
    assert problem.startswith("s.yaml:") and "node 'confirm': no variant of 'line' fits" in problem
    assert problem.endswith("on the path ask#2 → confirm")
    (route,) = _problems(TEXT.replace("{to: missed}", "{when: date_agreed, to: missed}"))
    assert route == (
        "s.yaml:40: node 'confirm': choice 3: no 'next' route fits the flags {} (none set) on the path ask#2 → confirm"
    )
    (unset,) = _problems(TEXT.replace("        sets: {date_agreed: true}\n", ""))
    assert unset == (
        "s.yaml:43: node 'met': asserts 'date_agreed' but a path reaches it without setting it: ask#2 → confirm#2 → met"
    )
