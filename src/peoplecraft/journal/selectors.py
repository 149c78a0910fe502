"""Every read of the journal: always filtered by owner (entries are private to their author)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.db.models import Avg, CharField, Count, IntegerField, Prefetch, Q, QuerySet, Value

from peoplecraft.core.ownership import get_owned_or_404
from peoplecraft.journal.models import Entry, EntryTag
from peoplecraft.skillmap.models import Skill

PAGE_SIZE = 20


@dataclass(frozen=True)
class EntryFilters:
    skill_id: int | None = None
    tag: str = ""
    mood: int | None = None
    date_from: date | None = None
    date_to: date | None = None

    def apply(self, entries: QuerySet[Entry]) -> QuerySet[Entry]:
        if self.skill_id:
            entries = entries.filter(skills__id=self.skill_id)
        if self.tag:
            entries = entries.filter(tag_rows__name=self.tag)
        if self.mood:
            entries = entries.filter(mood=self.mood)
        if self.date_from:
            entries = entries.filter(entry_date__gte=self.date_from)
        if self.date_to:
            entries = entries.filter(entry_date__lte=self.date_to)
        return entries

    @property
    def active(self) -> bool:
        return any((self.skill_id, self.tag, self.mood, self.date_from, self.date_to))


# An entry's skills as pages show them; ``status`` too, so "done" checks cause no query per skill.
_SKILLS = Prefetch("skills", queryset=Skill.objects.only("id", "name", "status").order_by("name"))


# What a listed entry shows besides its own columns; ``prefetch_related_objects`` takes it too.
RELATIONS = (_SKILLS, Prefetch("tag_rows", queryset=EntryTag.objects.order_by("name")))


def with_relations(entries: QuerySet[Entry]) -> QuerySet[Entry]:
    return entries.prefetch_related(*RELATIONS)


def entry_get(*, owner, entry_id: int) -> Entry:
    return get_owned_or_404(with_relations(Entry.objects.all()), owner, pk=entry_id)


def entry_page(*, owner, filters: EntryFilters, page: int = 1) -> tuple[list[Entry], bool]:
    """One page of entries, newest first, and whether there is a next page."""
    start = (max(page, 1) - 1) * PAGE_SIZE
    rows = list(
        with_relations(filters.apply(Entry.objects.filter(owner=owner)).defer("body"))[start : start + PAGE_SIZE + 1]
    )
    return rows[:PAGE_SIZE], len(rows) > PAGE_SIZE


def entries_for_export(*, owner, ids: list[int] | None = None) -> QuerySet[Entry]:
    """Every entry of ``owner`` (or those of ``ids``) as export reads them, oldest first."""
    entries = Entry.objects.filter(owner=owner) if ids is None else Entry.objects.filter(owner=owner, pk__in=ids)
    return with_relations(entries).order_by("entry_date", "created_at", "pk")


def entries_by_note_id(*, owner, note_ids: list[str]) -> dict[str, Entry]:
    return {entry.note_id: entry for entry in Entry.objects.filter(owner=owner, note_id__in=note_ids)}


def tags_used(*, owner) -> list[str]:
    return list(EntryTag.objects.filter(entry__owner=owner).values_list("name", flat=True).distinct().order_by("name"))


@dataclass(frozen=True)
class SkillChoice:
    pk: int
    name: str


def filter_choices(*, owner) -> tuple[list[SkillChoice], list[str]]:
    """The skills and the tags ``owner``'s entries use (the search filters' choices), by name, in one query."""
    kind = CharField()
    tags = (
        EntryTag.objects.filter(entry__owner=owner)
        .order_by()
        .values_list(Value("tag", output_field=kind), Value(0, output_field=IntegerField()), "name")
    )
    skills = (
        Skill.objects.filter(journal_entries__owner=owner)
        .order_by()
        .values_list(Value("skill", output_field=kind), "pk", "name")
    )
    rows = sorted(tags.union(skills), key=lambda row: (row[2], row[1]))
    return [SkillChoice(pk, name) for what, pk, name in rows if what == "skill"], [
        name for what, _pk, name in rows if what == "tag"
    ]


def linked_skills(*, owner) -> list[Skill]:
    """Skills the owner's entries link to, for the search filter."""
    return list(Skill.objects.filter(journal_entries__owner=owner).distinct().order_by("name"))


@dataclass(frozen=True)
class DayMood:
    day: date
    mood: float | None
    stress: float | None
    entries: int


def mood_by_day(*, owner, start: date, end: date) -> list[DayMood]:
    """Average mood and stress per day with entries, ``start``..``end`` inclusive, oldest first."""
    rows = (
        Entry.objects.filter(owner=owner, entry_date__gte=start, entry_date__lte=end)
        .values("entry_date")
        .annotate(mood=Avg("mood"), stress=Avg("stress"), entries=Count("id"))
        .order_by("entry_date")
    )
    return [DayMood(row["entry_date"], row["mood"], row["stress"], row["entries"]) for row in rows]


def entries_between(*, owner, start: date, end: date) -> list[Entry]:
    """Entries in a date range (without bodies), with their skills (not tags), oldest first."""
    entries = Entry.objects.filter(owner=owner, entry_date__gte=start, entry_date__lte=end).defer("body")
    return list(entries.prefetch_related(_SKILLS).order_by("entry_date", "pk"))


def entries_count_between(*, owner, start: date, end: date) -> int:
    return Entry.objects.filter(owner=owner, entry_date__gte=start, entry_date__lte=end).count()


def skill_choices(*, owner, include: list[int] | tuple[int, ...] = ()) -> QuerySet[Skill]:
    """Live skills of the active guide, plus ``include`` (an entry's skills that are no longer live)."""
    live = Q(area__guide__is_active=True, archived_at=None, area__archived_at=None)
    return Skill.objects.filter(live | Q(pk__in=include), area__guide__owner=owner).order_by("name")


def answered_prompt_refs(*, owner, prefix: str) -> set[str]:
    """The suggested-prompt refs starting with ``prefix`` that ``owner`` has already written an entry for."""
    entries = Entry.objects.filter(owner=owner, prompt_ref__startswith=prefix)
    return set(entries.values_list("prompt_ref", flat=True))


def prompt_entries(*, owner) -> QuerySet[Entry]:
    """The owner's entries written for a suggested prompt (for other apps' ``Exists`` subqueries;
    ``owner`` may be an ``OuterRef``)."""
    return Entry.objects.filter(owner=owner).exclude(prompt_ref="")


def entries_before_and_since(*, owner, start: date, since: date, end: date) -> tuple[int, int]:
    """(entries dated in ``[start, since)``, entries dated in ``[since, end]``): one query."""
    counts = Entry.objects.filter(owner=owner, entry_date__gte=start, entry_date__lte=end).aggregate(
        before=Count("pk", filter=Q(entry_date__lt=since)), after=Count("pk", filter=Q(entry_date__gte=since))
    )
    return counts["before"], counts["after"]
