"""The anonymity rules of 360° feedback: thresholds, merging, and the guard against subtraction.

Pure module (no Django). docs/feedback.md explains the rules for learners and raters; this module
is the one place that enforces them. Vocabulary:

* a *cell* is one thing that is aggregated: an item's ratings or one open question's comments;
* a *member* of a cell is one response that answered it (a number, or a non-empty comment);
* a *label* is what the learner sees a set of members under: a relationship group, ``others``
  (small groups merged), or ``manager`` shown *attributed*;
* a *revealed set* is the set of members behind one label's numbers in one release.

Why a partition guard: every number shown (a mean times its count, a count per scale point) is a
sum over a revealed set. Anything the learner can compute by adding and subtracting shown numbers
-- across groups, the overall, and every earlier release -- is a linear combination of revealed
sets, and every such combination is constant on the *atoms* of the revealed sets (the classes of
members that lie in exactly the same sets). So if every atom holds at least ``threshold`` members,
no single rater and no group smaller than its threshold can be solved for. The guard keeps that
true: a new revealed set that would split an atom below its threshold is replaced by the label's
previous set (nothing new shown) or left out.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import NamedTuple

MANAGER = "manager"
PEER = "peer"
DIRECT_REPORT = "direct_report"
MENTOR = "mentor"
FRIEND_FAMILY = "friend_family"
OTHER = "other"
GROUPS = (MANAGER, PEER, DIRECT_REPORT, MENTOR, FRIEND_FAMILY, OTHER)
OTHERS = "others"  # the label of small groups merged together
ALL = "all"  # every released answer together
MIN_THRESHOLD = 3  # no anonymous group is ever shown with fewer members
MAX_RATERS = 60  # the most raters one request can ask, so also the highest threshold that can be met

DEFAULT_THRESHOLDS: Mapping[str, int] = MappingProxyType({**dict.fromkeys(GROUPS, 3), OTHERS: 3, ALL: 4, "comments": 3})


class ThresholdError(ValueError):
    """Thresholds that break the rules (below the minimum, or lowered after sending)."""


def thresholds_validate(values: Mapping[str, int], *, previous: Mapping[str, int] | None = None) -> dict[str, int]:
    """Complete ``values`` with the defaults and check them; ``previous`` may only be raised."""
    result = dict(previous or DEFAULT_THRESHOLDS)
    for name, value in values.items():
        if name not in DEFAULT_THRESHOLDS:
            raise ThresholdError(f"unknown threshold {name!r}; use one of {', '.join(DEFAULT_THRESHOLDS)}")
        if type(value) is not int or not MIN_THRESHOLD <= value <= MAX_RATERS:
            raise ThresholdError(
                f"threshold {name}={value!r}: must be a whole number of at least {MIN_THRESHOLD}"
                f" and at most {MAX_RATERS}"
            )
        if previous is not None and value < previous.get(name, MIN_THRESHOLD):
            raise ThresholdError(f"threshold {name} can only be raised (it is {previous[name]}), never lowered")
        result[name] = value
    return result


class Member(NamedTuple):
    """One response's part in a cell: who (an opaque key), which group, attributed or not.

    A named tuple rather than a dataclass: a cell of 500 raters x 60 items builds 30,000 of them.
    """

    key: str
    group: str
    attributed: bool = False


@dataclass(frozen=True)
class Revealed:
    label: str
    members: frozenset[str]
    attributed: bool = False


def plan_cell(members: Iterable[Member], thresholds: Mapping[str, int], *, comments: bool = False) -> list[Revealed]:
    """Which sets a cell would show if it had no history: thresholds, then merging into ``others``.

    Attributed managers are shown as they are. A group at or above its threshold is shown as
    itself; the groups below it are merged into ``others``, shown only when the merged set reaches
    the highest threshold among ``others`` and the groups merged in (so merging never shows a
    group below its own threshold on its own); otherwise they are dropped.
    """
    extra = thresholds["comments"] if comments else MIN_THRESHOLD
    by_group: dict[str, set[str]] = {}
    attributed: set[str] = set()
    for member in members:
        if member.attributed and member.group == MANAGER:
            attributed.add(member.key)
        else:
            by_group.setdefault(member.group, set()).add(member.key)
    plan = [Revealed(MANAGER, frozenset(attributed), attributed=True)] if attributed else []
    merged: set[str] = set()
    merged_need = max(thresholds[OTHERS], extra)
    for group in GROUPS:
        keys = by_group.get(group)
        if not keys:
            continue
        need = max(thresholds[group], extra)
        if len(keys) >= need:
            plan.append(Revealed(group, frozenset(keys)))
        else:
            merged |= keys
            merged_need = max(merged_need, need)
    if merged and len(merged) >= merged_need:
        plan.append(Revealed(OTHERS, frozenset(merged)))
    return plan


def label_threshold(label: str, thresholds: Mapping[str, int], *, comments: bool = False) -> int:
    base = thresholds.get(label, MIN_THRESHOLD)
    return max(base, thresholds["comments"]) if comments else base


@dataclass
class CellGuard:
    """The history of one cell across releases: the atom partition and each label's last set."""

    atom_of: dict[str, int] = field(default_factory=dict)
    atoms: dict[int, tuple[set[str], int]] = field(default_factory=dict)  # id -> (members, required size)
    previous: dict[str, frozenset[str]] = field(default_factory=dict)
    _next_id: int = 0

    def admit(self, label: str, candidate: frozenset[str], need: int, taken: set[str]) -> frozenset[str] | None:
        """The set to show for ``label`` now: ``candidate`` if safe, else the previous set, else None.

        ``taken`` holds the members already shown under other labels in this release; a set that
        overlaps them is never shown (the sets of one release stay disjoint).
        """
        previous = self.previous.get(label)
        if candidate == previous:
            return None if candidate & taken or len(candidate) < need else candidate
        pieces = self._safe(candidate, need) if candidate and not candidate & taken else None
        if pieces is not None:
            self._refine(pieces, need)
            self.previous[label] = candidate
            return candidate
        if previous and len(previous) >= need and not previous & taken:
            return previous  # shown before: showing it again reveals nothing new
        return None

    def _pieces(self, candidate: frozenset[str]) -> tuple[dict[int, set[str]], set[str]]:
        inside: dict[int, set[str]] = {}
        fresh: set[str] = set()
        for key in candidate:
            atom = self.atom_of.get(key)
            if atom is None:
                fresh.add(key)
            else:
                inside.setdefault(atom, set()).add(key)
        return inside, fresh

    def _safe(self, candidate: frozenset[str], need: int):
        """The candidate's pieces (per atom, and never shown before) if no atom gets too small, else None."""
        inside, fresh = self._pieces(candidate)
        if fresh and len(fresh) < need:
            return None
        for atom, keys in inside.items():
            members, required = self.atoms[atom]
            outside = len(members) - len(keys)
            if len(keys) < max(required, need) or 0 < outside < required:
                return None
        return inside, fresh

    def _refine(self, pieces, need: int) -> None:
        inside, fresh = pieces
        if fresh:
            self._new_atom(fresh, need)
        for atom, keys in inside.items():
            members, required = self.atoms[atom]
            if len(keys) == len(members):
                self.atoms[atom] = (members, max(required, need))
                continue
            self.atoms[atom] = (members - keys, required)
            self._new_atom(keys, max(required, need))

    def _new_atom(self, keys: set[str], required: int) -> None:
        self._next_id += 1
        self.atoms[self._next_id] = (set(keys), required)
        for key in keys:
            self.atom_of[key] = self._next_id


def guard_plan(
    guard: CellGuard, plan: list[Revealed], thresholds: Mapping[str, int], *, comments: bool = False
) -> list[Revealed]:
    """Pass a cell's plan through its history; the sets shown are pairwise disjoint.

    Disjoint sets make the overall (their union) a plain sum of what is shown, so it reveals
    nothing new. A previous set that overlaps one already admitted in this release is left out.
    """
    shown: list[Revealed] = []
    taken: set[str] = set()
    for revealed in plan:
        if revealed.attributed:
            shown.append(revealed)
            taken |= revealed.members
            continue
        need = label_threshold(revealed.label, thresholds, comments=comments)
        admitted = guard.admit(revealed.label, revealed.members, need, taken)
        if admitted:
            shown.append(Revealed(revealed.label, admitted))
            taken |= admitted
    shown.extend(_frozen_labels(guard, plan, taken, thresholds, comments))
    return shown


def _frozen_labels(
    guard: CellGuard, plan: list[Revealed], taken: set[str], thresholds: Mapping[str, int], comments: bool
) -> list[Revealed]:
    """Labels shown before but absent from this plan keep their last set, when it does not overlap
    and still meets the (possibly raised) threshold."""
    planned = {revealed.label for revealed in plan}
    frozen = []
    for label, members in guard.previous.items():
        need = label_threshold(label, thresholds, comments=comments)
        if label not in planned and len(members) >= need and not members & taken:
            frozen.append(Revealed(label, members))
            taken |= members
    return frozen
