"""What reading the note changed in the skill map (pure: no Django).

One report serves the CLI's text and JSON, the web page's message and the status-change rule
(``status_by_skill`` tells which skills the note itself just changed).
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields

Renames = list[tuple[str, str]]


@dataclass
class SyncReport:
    """Everything a sync applied; ``text_changed`` is set whenever the note differed at all."""

    text_changed: bool = False
    title: tuple[str, str] | None = None
    description_changed: bool = False
    areas_added: list[str] = field(default_factory=list)
    areas_renamed: Renames = field(default_factory=list)
    areas_archived: list[str] = field(default_factory=list)
    areas_restored: list[str] = field(default_factory=list)
    added: list[str] = field(default_factory=list)
    renamed: Renames = field(default_factory=list)
    archived: list[str] = field(default_factory=list)
    restored: list[str] = field(default_factory=list)
    edited: list[str] = field(default_factory=list)
    status_changes: list[tuple[str, str, str]] = field(default_factory=list)
    steps_added: list[str] = field(default_factory=list)
    steps_removed: list[str] = field(default_factory=list)
    steps_changed: list[str] = field(default_factory=list)
    # Skill pk -> (status before, status now) for each skill whose status the note set.
    status_by_skill: dict[int, tuple[str, str]] = field(default_factory=dict)

    @property
    def changed(self) -> bool:
        return self.text_changed or bool(self.lines())

    def merge(self, other: SyncReport) -> SyncReport:
        """This report followed by ``other`` (a second read of the note within one command)."""
        merged = SyncReport()
        for spec in fields(self):
            mine, theirs = getattr(self, spec.name), getattr(other, spec.name)
            if isinstance(mine, list):
                value = mine + theirs
            elif isinstance(mine, dict):
                value = {**mine, **theirs}
            elif spec.name == "title":
                value = (mine[0], theirs[1]) if mine and theirs else mine or theirs
            else:
                value = mine or theirs
            setattr(merged, spec.name, value)
        return merged

    def lines(self) -> list[str]:
        """One short English line per change, in the order title, areas, skills, method."""
        lines = [f"title: {self.title[0]} → {self.title[1]}"] if self.title else []
        lines += ["description changed"] if self.description_changed else []
        lines += _named("area", self.areas_added, self.areas_renamed, self.areas_archived, self.areas_restored)
        lines += _named("skill", self.added, self.renamed, self.archived, self.restored)
        lines += [f"skill edited: {name}" for name in self.edited]
        lines += [f"{name}: {old} → {new}" for name, old, new in self.status_changes]
        lines += [f"method step added: {name}" for name in self.steps_added]
        lines += [f"method step removed: {name}" for name in self.steps_removed]
        lines += [f"method step changed: {name}" for name in self.steps_changed]
        return lines

    def summary(self, heading: str) -> str:
        """``heading: change; change.`` for a page message, or "" when nothing changed."""
        if not self.changed:
            return ""
        details = self.lines()
        return f"{heading}: {'; '.join(details)}." if details else f"{heading}."

    def to_document(self) -> dict:
        """The JSON keys documented in docs/skill-map.md (``status_changes``/``added``/``archived`` kept)."""
        status = [{"skill": name, "from": old, "to": new} for name, old, new in self.status_changes]
        return {
            "changed": self.changed,
            "title": {"from": self.title[0], "to": self.title[1]} if self.title else None,
            "description_changed": self.description_changed,
            "areas": _group(self.areas_added, self.areas_renamed, self.areas_archived, self.areas_restored),
            "skills": {
                **_group(self.added, self.renamed, self.archived, self.restored),
                "edited": self.edited,
                "status": status,
            },
            "method_steps": {"added": self.steps_added, "removed": self.steps_removed, "changed": self.steps_changed},
            "status_changes": status,
            "added": self.added,
            "archived": self.archived,
        }


def _named(kind: str, added: list[str], renamed: Renames, archived: list[str], restored: list[str]) -> list[str]:
    return [
        *(f"{kind} added: {name}" for name in added),
        *(f"{kind} renamed: {old} → {new}" for old, new in renamed),
        *(f"{kind} archived: {name}" for name in archived),
        *(f"{kind} restored: {name}" for name in restored),
    ]


def _group(added: list[str], renamed: Renames, archived: list[str], restored: list[str]) -> dict:
    return {
        "added": added,
        "renamed": [{"from": old, "to": new} for old, new in renamed],
        "archived": archived,
        "restored": restored,
    }
