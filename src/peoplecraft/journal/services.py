"""Every write to the journal. Each function owns its transaction and keeps the search index in step.

Bad input raises :class:`EntryError` naming the field; nothing is stored then.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta

from django.db import transaction
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _

from peoplecraft.core import trash
from peoplecraft.core.models import TrashedItem
from peoplecraft.journal import prompts, search_index
from peoplecraft.journal.emotions import core_of
from peoplecraft.journal.models import Entry, EntryTag
from peoplecraft.journal.sources import link_kinds
from peoplecraft.skillmap import selectors as skillmap_selectors
from peoplecraft.skillmap.note_new import new_note_id

MAX_BODY_BYTES = 1_000_000
MAX_TAGS = 20
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_TAG = re.compile(r"^[\w-]{1,50}$")


class EntryError(ValueError):
    """Bad input for an entry; ``field`` names the form field (or front-matter key) at fault."""

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field


@dataclass
class EntryInput:
    """What a form, the CLI or an imported note gives for one entry."""

    entry_date: date
    body: str
    title: str = ""
    template: str = prompts.FREE
    mood: int | None = None
    emotion: str = ""
    stress: int | None = None
    tags: list[str] = field(default_factory=list)
    skill_ids: list[int] = field(default_factory=list)
    links: list = field(default_factory=list)
    prompt_ref: str = ""
    prompt: str = ""


def clean_body(body: str) -> str:
    """One kind of line ending; control characters (which could forge search highlights) removed."""
    return _CONTROL.sub("", (body or "").replace("\r\n", "\n").replace("\r", "\n"))


def _check_date(data: EntryInput, today: date) -> None:
    if data.entry_date > today + timedelta(days=1):
        raise EntryError(_("A journal entry cannot be dated in the future."), "entry_date")


def _check_mood(data: EntryInput, today: date) -> None:
    if data.mood is not None and not 1 <= data.mood <= 5:
        raise EntryError(_("Mood is a number from 1 (very low) to 5 (very good)."), "mood")


def _check_stress(data: EntryInput, today: date) -> None:
    if data.stress is not None and not 0 <= data.stress <= 10:
        raise EntryError(_("Stress is a number from 0 (none) to 10 (overwhelming)."), "stress")


def _check_emotion(data: EntryInput, today: date) -> None:
    if data.emotion and core_of(data.emotion) is None:
        raise EntryError(_("“%s” is not on the emotion wheel.") % data.emotion, "emotion")


def _check_size(data: EntryInput, today: date) -> None:
    size = len(data.body.encode("utf-8"))
    if size > MAX_BODY_BYTES:
        raise EntryError(
            _("The entry is %(size).1f MB; entries are limited to 1 MB of text. Split it into several entries.")
            % {"size": size / 1_000_000},
            "body",
        )


def _check_answered(data: EntryInput, today: date) -> None:
    known = data.template in prompts.template_names()
    if not data.body.strip() or (
        known and prompts.is_unanswered(data.body, data.template, data.entry_date, extra_prompt=data.prompt)
    ):
        raise EntryError(_("The entry is empty: write something under the prompts before saving."), "body")


def normalise_tags(tags: list[str]) -> list[str]:
    cleaned = sorted({re.sub(r"\s+", "-", tag.strip().lstrip("#").casefold()) for tag in tags if tag.strip()})
    bad = [tag for tag in cleaned if not _TAG.match(tag)]
    if bad:
        raise EntryError(_("Tags are single words (letters, digits, - or _), up to 50 characters: %s") % bad[0], "tags")
    if len(cleaned) > MAX_TAGS:
        raise EntryError(_("An entry can have at most %d tags.") % MAX_TAGS, "tags")
    return cleaned


def _owned_skills(owner, skill_ids: list[int]) -> list:
    skills = []
    for skill_id in dict.fromkeys(skill_ids):
        try:
            skills.append(skillmap_selectors.skill_get(owner=owner, skill_id=skill_id))
        except Http404:
            raise EntryError(_("Skill %s is not one of your skills.") % skill_id, "skills") from None
    return skills


def clean_links(owner, links: list) -> list[dict]:
    """``[{"kind": ..., "id": ...}]`` with registered kinds and records that belong to ``owner``."""
    kinds = link_kinds()
    cleaned = []
    for link in links or []:
        if not isinstance(link, dict) or set(link) != {"kind", "id"}:
            raise EntryError(_("A link is a {kind, id} pair, not %r.") % (link,), "links")
        kind, ident = link["kind"], link["id"]
        if kind not in kinds:
            raise EntryError(
                _("Unknown link kind “%(kind)s”; known: %(known)s.") % {"kind": kind, "known": ", ".join(kinds)},
                "links",
            )
        if not isinstance(ident, int) or isinstance(ident, bool) or not kinds[kind].exists(owner, ident):
            raise EntryError(
                _("There is no %(label)s %(id)s of yours to link to.")
                % {"label": kinds[kind].label.lower(), "id": ident},
                "links",
            )
        if {"kind": kind, "id": ident} not in cleaned:
            cleaned.append({"kind": kind, "id": ident})
    return cleaned


def validate(owner, data: EntryInput) -> tuple[EntryInput, list]:
    """Normalise ``data`` (body, title, tags, emotion) and return it with the owned skills.

    Raises the first :class:`EntryError` of :func:`entry_problems`.
    """
    problems, skills = _checked(owner, data)
    if problems:
        raise problems[0]
    return data, skills


def entry_problems(owner, data: EntryInput) -> list[EntryError]:
    """Every problem of ``data`` (normalised in place), each naming its field; empty when it can be saved."""
    return _checked(owner, data)[0]


def _checked(owner, data: EntryInput) -> tuple[list[EntryError], list]:
    problems: list[EntryError] = []

    def attempt(check, *args):
        try:
            return check(*args)
        except EntryError as error:
            problems.append(error)
            return None

    data.body = clean_body(data.body)
    known = data.template in prompts.template_names()
    if not known:
        problems.append(EntryError(_("Unknown template “%s”.") % data.template, "template"))
    default_title = prompts.template_get(data.template).title if known else ""
    data.title = " ".join(clean_body(data.title).split())[:200] or default_title
    data.emotion = (data.emotion or "").strip().casefold()
    today = timezone.localdate()
    for check in (_check_date, _check_mood, _check_stress, _check_emotion, _check_size, _check_answered):
        attempt(check, data, today)
    data.tags = attempt(normalise_tags, data.tags) or []
    data.links = attempt(clean_links, owner, data.links) or []
    return problems, attempt(_owned_skills, owner, data.skill_ids) or []


def _store(entry: Entry, data: EntryInput, skills: list) -> Entry:
    old_date = Entry.objects.filter(pk=entry.pk).values_list("entry_date", flat=True).first() if entry.pk else None
    for name in (
        "entry_date",
        "title",
        "body",
        "template",
        "mood",
        "emotion",
        "stress",
        "links",
        "prompt_ref",
        "prompt",
    ):
        setattr(entry, name, getattr(data, name))
    entry.save()
    entry.skills.set(skills)
    entry.tag_rows.all().delete()
    EntryTag.objects.bulk_create([EntryTag(entry=entry, name=tag) for tag in data.tags])
    search_index.index_entry(
        entry_id=entry.pk,
        entry_date=entry.entry_date,
        old_date=old_date,
        title=entry.title,
        body=entry.body,
        tags=data.tags,
    )
    return entry


def entry_create(*, owner, data: EntryInput, note_id: str = "", created_at=None, updated_at=None) -> Entry:
    data, skills = validate(owner, data)
    now = timezone.now()
    entry = Entry(owner=owner, note_id=note_id or new_note_id(), created_at=created_at or now)
    entry.updated_at = updated_at or entry.created_at
    with transaction.atomic():
        return _store(entry, data, skills)


def entry_update(*, entry: Entry, data: EntryInput, updated_at=None) -> Entry:
    data, skills = validate(entry.owner, data)
    entry.updated_at = updated_at or timezone.now()
    with transaction.atomic():
        return _store(entry, data, skills)


def entry_note_sources_set(*, entries: list[Entry]) -> None:
    """Save the ``note_source`` set on each entry: the Dendron note it was imported from (``dendron_source``)."""
    with transaction.atomic():
        Entry.objects.bulk_update(entries, ["note_source"], batch_size=500)


def entry_delete(*, entry: Entry, return_url: str = "", now=None) -> TrashedItem:
    """Delete the entry into the trash: it can be restored for a short while (:mod:`peoplecraft.core.trash`)."""
    with transaction.atomic():
        search_index.unindex_entries([(entry.pk, entry.entry_date)])
        label = entry.title or entry.entry_date.isoformat()
        return trash.discard(
            entry,
            owner=entry.owner,
            label=label,
            on_restore="peoplecraft.journal.services:entries_restored",
            return_url=return_url,
            now=now,
        )


def entries_restored(rows: list) -> None:
    """After an undo: put restored entries back into the search index."""
    ids = [row.pk for row in rows if isinstance(row, Entry)]
    for entry in Entry.objects.filter(pk__in=ids).prefetch_related("tag_rows"):
        search_index.index_entry(
            entry_id=entry.pk,
            entry_date=entry.entry_date,
            old_date=None,
            title=entry.title,
            body=entry.body,
            tags=[tag.name for tag in entry.tag_rows.all()],
        )


def search_index_rebuild(*, owner=None) -> None:
    with transaction.atomic():
        search_index.rebuild(owner_id=owner.pk if owner is not None else None)
