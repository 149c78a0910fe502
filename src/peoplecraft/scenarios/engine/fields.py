"""Field-by-field checks of a parsed scenario document, collecting problems with file, node and line.

Pure module: no Django. The graph checks (targets, reachability, dead ends, loops) live in graph.py.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import replace
from typing import Any

from peoplecraft.scenarios.engine.model import (
    ALWAYS,
    SCORE_MAX,
    SCORE_MIN,
    TEXT_FIELDS,
    Choice,
    Condition,
    Node,
    Problem,
    Route,
    Scenario,
    Variant,
)

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
FLAG = re.compile(r"^[a-z][a-z0-9_]*$")
TOP_FIELDS = {"id", "title", "summary", "skills", "setting", "start", "nodes", "practice"}
REQUIRED_TOP = ("id", "title", "summary", "skills", "setting", "start", "nodes")
NODE_FIELDS = {"id", "narration", "speaker", "line", "choices", "ending", "outcome", "sets", "asserts"}
CHOICE_FIELDS = {"text", "next", "scores", "feedback", "when", "sets", "asserts"}
CONDITION_HELP = "a flag name, 'not NAME', or a list of those (all must hold)"


class FieldChecker:
    """Builds a :class:`Scenario` from parsed YAML, recording problems instead of stopping.

    The scenario is built even when fields have problems (bad parts left out), so the graph checks
    can still run and an author sees every problem in one pass."""

    def __init__(self, source: str, skills: Collection[str], lines: dict[Any, int]) -> None:
        self.source = source
        self.known = {name.casefold(): name for name in skills}
        self.lines = lines
        self.problems: list[Problem] = []
        self.listed: set[str] = set()
        self.flags_set: set[str] = set()  # every flag some node or choice sets or clears
        self.flags_used: dict[str, str] = {}  # flag -> the first node whose guards or asserts name it
        self.current_variants: dict[str, tuple[Variant, ...]] = {}  # of the node being checked

    def fail(self, message: str, node: str | None = None, line: int | None = None) -> None:
        if line is None and node is not None:
            line = self.lines.get(node)
        self.problems.append(Problem(self.source, message, node, line))

    def text(self, raw: dict, field: str, node: str | None = None, *, required: bool = True) -> str:
        value = raw.get(field)
        if value is None and not required:
            return ""
        if isinstance(value, list) and node is not None and field in TEXT_FIELDS:
            variants = self.variants(value, field, node)
            self.current_variants[field] = variants
            return variants[-1].text if variants else ""
        if not isinstance(value, str) or not value.strip():
            self.fail(f"{field!r} must be non-empty text", node)
            return ""
        return value.strip()

    def scenario(self, data: Any, *, version: str) -> Scenario | None:
        if not isinstance(data, dict):
            self.fail("a scenario must be a YAML mapping with id, title, summary, skills, setting, start, nodes")
            return None
        for name in sorted(set(data) - TOP_FIELDS, key=str):
            self.fail(f"unknown field {name!r}")
        for name in REQUIRED_TOP:
            if name not in data:
                self.fail(f"missing field {name!r}")
        ident = self.text(data, "id") if "id" in data else ""
        if ident and not SLUG.match(ident):
            self.fail(f"id {ident!r} must be a slug (lowercase letters, digits, hyphens)")
        skills = self.skill_list(data.get("skills"))
        nodes = self.nodes(data.get("nodes"))
        self.flag_problems()
        start = self.text(data, "start") if "start" in data else ""
        fields = {name: self.text(data, name) if name in data else "" for name in ("title", "summary", "setting")}
        practice = self.text(data, "practice", required=False)
        return Scenario(
            id=ident, skills=skills, start=start, nodes=nodes, version=version, practice=practice,
            source=self.source, **fields,
        )  # fmt: skip

    def skill_list(self, value: Any) -> tuple[str, ...]:
        if not isinstance(value, list) or not value:
            self.fail("'skills' must be a non-empty list of skill names")
            return ()
        names = []
        for raw in value:
            name = self.skill_name(raw, None)
            if name and name not in names:
                names.append(name)
        self.listed = set(names)
        return tuple(names)

    def skill_name(self, raw: Any, node: str | None, line: int | None = None) -> str:
        if not isinstance(raw, str) or raw.casefold().strip() not in self.known:
            self.fail(f"unknown skill {raw!r}: use a skill name of the guide", node, line)
            return ""
        return self.known[raw.casefold().strip()]

    def nodes(self, value: Any) -> tuple[Node, ...]:
        if not isinstance(value, list) or not value:
            self.fail("'nodes' must be a non-empty list")
            return ()
        seen: set[str] = set()
        nodes = []
        for index, raw in enumerate(value):
            node = self.node(raw, index, seen)
            if node is not None:
                nodes.append(node)
        return tuple(nodes)

    def node(self, raw: Any, index: int, seen: set[str]) -> Node | None:
        line = self.lines.get(("#", index))
        if not isinstance(raw, dict):
            self.fail(f"node #{index + 1} must be a mapping with id and either choices or ending", line=line)
            return None
        ident = raw.get("id")
        if not isinstance(ident, str) or not SLUG.match(ident):
            self.fail(f"node #{index + 1}: 'id' must be a slug (lowercase letters, digits, hyphens)", line=line)
            return None
        if ident in seen:
            self.fail("duplicate node id", ident, line)
            return None
        seen.add(ident)
        for name in sorted(set(raw) - NODE_FIELDS, key=str):
            self.fail(f"unknown field {name!r}", ident)
        if ("ending" in raw) == ("choices" in raw):
            self.fail("a node needs either 'choices' (a decision) or 'ending' (an outcome), not both or neither", ident)
            return None
        self.current_variants: dict[str, tuple[Variant, ...]] = {}
        built = self.ending(raw, ident) if "ending" in raw else self.decision(raw, ident)
        return replace(
            built,
            sets=self.sets(raw.get("sets"), ident, None, ""),
            asserts=self.asserts(raw.get("asserts"), ident, None, ""),
            variants=tuple(self.current_variants.items()),
        )

    # --- state: flags, conditions, variants, routes -------------------------------------------------

    def flag(self, raw: Any, node: str, line: int | None, where: str) -> str:
        if not isinstance(raw, str) or not FLAG.match(raw):
            self.fail(where + f"flag {raw!r} must be a name of lowercase letters, digits and _", node, line)
            return ""
        return raw

    def condition(self, raw: Any, node: str, line: int | None, where: str) -> Condition:
        items = raw if isinstance(raw, list) else [raw]
        if not items or not all(isinstance(item, str) for item in items):
            self.fail(where + f"'when' must be {CONDITION_HELP}", node, line)
            return ALWAYS
        tests = []
        for item in items:
            words = item.split()
            if len(words) == 1:
                name, wanted = words[0], True
            elif len(words) == 2 and words[0] == "not":
                name, wanted = words[1], False
            else:
                self.fail(where + f"'when' {item!r}: write {CONDITION_HELP}", node, line)
                continue
            if self.flag(name, node, line, where):
                self.flags_used.setdefault(name, node)
                tests.append((name, wanted))
        return Condition(tuple(tests))

    def sets(self, raw: Any, node: str, line: int | None, where: str) -> tuple[tuple[str, bool], ...]:
        """``sets: name``, ``sets: [a, b]`` (set them) or ``sets: {a: true, b: false}`` (false clears)."""
        if raw is None:
            return ()
        if isinstance(raw, str):
            raw = [raw]
        pairs = (
            list(raw.items())
            if isinstance(raw, dict)
            else [(item, True) for item in raw]
            if isinstance(raw, list)
            else None
        )
        if not pairs:
            self.fail(
                where + "'sets' must be a flag name, a list of them, or a mapping of names to true/false", node, line
            )
            return ()
        result = []
        for name, value in pairs:
            if not isinstance(value, bool):
                self.fail(where + f"'sets' {name!r} must be true or false, not {value!r}", node, line)
            elif self.flag(name, node, line, where):
                self.flags_set.add(name)
                result.append((name, value))
        return tuple(result)

    def asserts(self, raw: Any, node: str, line: int | None, where: str) -> tuple[str, ...]:
        if raw is None:
            return ()
        items = [raw] if isinstance(raw, str) else raw
        if not isinstance(items, list) or not items:
            self.fail(
                where + "'asserts' must be a flag name or a list of them (facts the text takes for granted)", node, line
            )
            return ()
        names = [self.flag(item, node, line, where) for item in items]
        for name in filter(None, names):
            self.flags_used.setdefault(name, node)
        return tuple(name for name in names if name)

    def variants(self, raw: list, field: str, node: str) -> tuple[Variant, ...]:
        """``field: [{when: COND, text: …}, …, {text: …}]``: the first whose ``when`` holds is shown."""
        where = f"{field!r}: "
        result = []
        for number, item in enumerate(raw, start=1):
            if (
                not isinstance(item, dict)
                or set(item) - {"when", "text"}
                or not isinstance(item.get("text"), str)
                or not item["text"].strip()
            ):
                self.fail(where + f"variant {number} must be a mapping with 'text' and an optional 'when'", node)
                continue
            when = self.condition(item["when"], node, None, where) if "when" in item else ALWAYS
            result.append(Variant(when, item["text"].strip()))
        if not result:
            self.fail(where + "a list of variants needs at least one variant", node)
        return tuple(result)

    def routes(self, raw: list, node: str, line: int | None, where: str) -> tuple[Route, ...]:
        """``next: [{when: COND, to: node}, …, {to: node}]``: the first whose ``when`` holds is taken."""
        result = []
        for number, item in enumerate(raw, start=1):
            if (
                not isinstance(item, dict)
                or set(item) - {"when", "to"}
                or not isinstance(item.get("to"), str)
                or not item["to"].strip()
            ):
                self.fail(
                    where + f"'next' route {number} must be a mapping with 'to' (a node id) and an optional 'when'",
                    node,
                    line,
                )
                continue
            when = self.condition(item["when"], node, line, where) if "when" in item else ALWAYS
            result.append(Route(when, item["to"].strip()))
        return tuple(result)

    def flag_problems(self) -> None:
        """Flags that guards or asserts name but nothing ever sets: always a typo or a missing ``sets``."""
        for name in sorted(set(self.flags_used) - self.flags_set):
            self.fail(f"flag {name!r} is tested or asserted but no node or choice sets it", self.flags_used[name])

    def ending(self, raw: dict, ident: str) -> Node:
        return Node(
            id=ident,
            narration=self.text(raw, "narration", ident, required=False),
            speaker=self.text(raw, "speaker", ident, required=False),
            line=self.text(raw, "line", ident, required=False),
            ending=self.text(raw, "ending", ident),
            outcome=self.text(raw, "outcome", ident),
        )

    def decision(self, raw: dict, ident: str) -> Node:
        narration = self.text(raw, "narration", ident, required=False)
        speaker = self.text(raw, "speaker", ident, required=False)
        said = self.text(raw, "line", ident, required=False)
        if not narration and not said and "narration" not in raw and "line" not in raw:
            self.fail("a decision needs 'narration' or a 'line' to react to", ident)
        if said and not speaker:
            self.fail("a 'line' needs the 'speaker' who says it", ident)
        if "outcome" in raw:
            self.fail("'outcome' belongs on ending nodes", ident)
        choices = raw.get("choices")
        if not isinstance(choices, list) or not choices:
            self.fail("dead end: 'choices' must be a non-empty list (or make this an ending)", ident)
            return Node(ident)
        built = tuple(self.choice(item, ident, number) for number, item in enumerate(choices))
        return Node(ident, narration, speaker, said, tuple(c for c in built if c is not None))

    def choice(self, raw: Any, node: str, number: int) -> Choice | None:
        line = self.lines.get((node, number))
        where = f"choice {number + 1}: "
        if not isinstance(raw, dict):
            self.fail(where + "must be a mapping with text, next, scores and feedback", node, line)
            return None
        for name in sorted(set(raw) - CHOICE_FIELDS, key=str):
            self.fail(where + f"unknown field {name!r}", node, line)
        texts = {}
        routes: tuple[Route, ...] = ()
        if isinstance(raw.get("next"), list):
            routes = self.routes(raw["next"], node, line, where)
            texts["next"] = routes[0].to if routes else ""
        for field in ("text", "next", "feedback"):
            if field in texts:
                continue
            value = raw.get(field)
            if not isinstance(value, str) or not value.strip():
                self.fail(where + f"{field!r} must be non-empty text", node, line)
            texts[field] = value.strip() if isinstance(value, str) else ""
        scores = self.scores(raw.get("scores", {}), node, line, where)
        when = self.condition(raw["when"], node, line, where) if "when" in raw else ALWAYS
        sets = self.sets(raw.get("sets"), node, line, where)
        asserts = self.asserts(raw.get("asserts"), node, line, where)
        if not texts["next"]:
            return None
        return Choice(texts["text"], texts["next"], scores, texts["feedback"], when, sets, asserts, routes)

    def scores(self, raw: Any, node: str, line: int | None, where: str) -> tuple[tuple[str, int], ...]:
        if not isinstance(raw, dict):
            self.fail(where + "'scores' must map skill names to numbers from -2 to +2", node, line)
            return ()
        scores = []
        for skill, value in raw.items():
            name = self.skill_name(skill, node, line)
            if name and self.listed and name not in self.listed:
                self.fail(where + f"skill {name!r} is scored but not listed in the scenario's 'skills'", node, line)
            if isinstance(value, bool) or not isinstance(value, int) or not SCORE_MIN <= value <= SCORE_MAX:
                self.fail(where + f"score {value!r} for {skill!r} must be a whole number from -2 to +2", node, line)
            elif name:
                scores.append((name, value))
        return tuple(scores)
