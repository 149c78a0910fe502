"""The engine's loader: every problem reported with file, node id and YAML line; big graphs without recursion."""

from __future__ import annotations

from pathlib import Path

import pytest

from peoplecraft.scenarios.engine import ScenarioError, parse_scenario

SKILLS = {"Empathy", "Active Listening", "Mediation"}
TINY = (Path(__file__).parent / "tiny.yaml").read_text(encoding="utf-8")  # line numbers are asserted


def _problems(text: str, skills=None) -> list[str]:
    with pytest.raises(ScenarioError) as caught:
        parse_scenario(text, source="s.yaml", skills=SKILLS if skills is None else skills)
    return [str(problem) for problem in caught.value.problems]


def test_valid_scenario_loads_with_canonical_skill_names():
    scenario = parse_scenario(TINY.replace("[Empathy,", "[empathy,"), source="s.yaml", skills=SKILLS)
    assert scenario.skills == ("Empathy", "Active Listening")
    assert [n.id for n in scenario.decision_nodes] == ["first", "second"]
    assert scenario.node("first").choices[0].scores == (("Empathy", 2),)
    assert len(scenario.version) == 16


def test_malformed_yaml_names_file_and_line():
    (problem,) = _problems("id: x\nnodes: [\n")
    # libyaml and the pure-Python parser word it differently; both name the line and the cause
    assert problem.startswith("s.yaml:3: YAML syntax error: ") and "node content" in problem


def test_missing_target_names_node_and_choice_line():
    problems = _problems(TINY.replace("next: good-end", "next: nowhere"))
    assert problems == ["s.yaml:23: node 'second': choice 1 leads to a missing node 'nowhere'"]


def test_unreachable_node_and_dead_end():
    text = TINY + "  - id: orphan\n    ending: Nobody gets here.\n    outcome: Never\n"
    assert _problems(text) == ["s.yaml:33: node 'orphan': unreachable: no choice leads here from the start"]
    dead = TINY.replace(
        "    narration: Ann smiles.\n    choices:\n", "    narration: Ann smiles.\n    choices: []\n    x:\n"
    )
    assert [p for p in _problems(dead) if "'second'" in p] == [
        "s.yaml:20: node 'second': unknown field 'x'",
        "s.yaml:20: node 'second': dead end: 'choices' must be a non-empty list (or make this an ending)",
    ]


def test_unknown_skill_and_out_of_range_score():
    problems = _problems(TINY.replace("{Empathy: 2}", "{Empathy: 3, Charisma: 1}"))
    assert "s.yaml:12: node 'first': choice 1: score 3 for 'Empathy' must be a whole number from -2 to +2" in problems
    assert "s.yaml:12: node 'first': unknown skill 'Charisma': use a skill name of the guide" in problems


def test_skill_scored_but_not_listed():
    problems = _problems(TINY.replace("{Active Listening: 1}", "{Mediation: 1}"))
    assert problems == [
        "s.yaml:23: node 'second': choice 1: skill 'Mediation' is scored but not listed in the scenario's 'skills'"
    ]


def test_duplicate_ids_and_empty_texts():
    problems = _problems(TINY.replace("id: second", "id: first").replace("feedback: Warm.", "feedback: ''"))
    assert "s.yaml:20: node 'first': duplicate node id" in problems
    assert "s.yaml:12: node 'first': choice 1: 'feedback' must be non-empty text" in problems


def test_loop_without_exit_is_reported_once_with_its_members():
    loop = (
        "  - id: loop-a\n    narration: Round and round.\n    choices:\n"
        "      - {text: Again, next: loop-b, feedback: Again.}\n"
        "  - id: loop-b\n    narration: And again.\n    choices:\n"
        "      - {text: Back, next: loop-a, feedback: Back.}\n"
    )
    problems = _problems(TINY.replace("next: good-end", "next: loop-a") + loop)
    loops = [p for p in problems if "loop without exit: from" in p]
    assert (
        "s.yaml:20: node 'second': no ending can be reached from here: every choice leads into a loop without exit"
        in problems
    )
    assert len(loops) == 1 and "loop-a, loop-b" in loops[0] and "node 'loop-a'" in loops[0]
    assert any("node 'good-end': unreachable" in p for p in problems)


def test_not_a_mapping_and_missing_fields():
    assert _problems("- just\n- a list\n") == [
        "s.yaml: a scenario must be a YAML mapping with id, title, summary, skills, setting, start, nodes"
    ]
    problems = _problems("id: Bad Id\ntitle: T\n")
    assert "s.yaml: missing field 'nodes'" in problems and any("must be a slug" in p for p in problems)


def _generated(count: int) -> str:
    lines = [
        "id: big",
        "title: Big",
        "summary: Generated.",
        "skills: [Empathy]",
        "setting: Generated.",
        "start: n0",
        "nodes:",
    ]
    for number in range(count - 1):
        lines += [
            f"  - id: n{number}",
            "    narration: Step.",
            "    choices:",
            f"      - {{text: Forward, next: n{number + 1}, scores: {{Empathy: 1}}, feedback: Good.}}",
            f"      - {{text: Back, next: n{max(number - 1, 0)}, feedback: Back.}}",
        ]
    lines += [f"  - id: n{count - 1}", "    ending: Done.", "    outcome: Done"]
    return "\n".join(lines) + "\n"


def test_five_thousand_node_scenario_validates_without_recursion():
    scenario = parse_scenario(_generated(5000), source="big.yaml", skills=SKILLS)
    assert len(scenario.nodes) == 5000


def test_five_thousand_node_loop_without_exit_is_found():
    text = _generated(5000).replace("next: n4999,", "next: n4998,")
    problems = _problems(text)
    assert any("loop without exit" in p and "and 4991 more" in p for p in problems)
