"""Writing a guide out as a Dendron note, without ever replacing a file unasked."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from django.utils.translation import gettext as _

from peoplecraft.skillmap import markdown
from peoplecraft.skillmap.models import Guide, SkillStatus
from peoplecraft.skillmap.notefile import NoteFileError, read_note_file, write_note_file
from peoplecraft.skillmap.selectors import skill_map_get
from peoplecraft.skillmap.services import GuideError, now_ms


class TargetExists(GuideError):
    """The export would replace an existing file and ``force`` was not given."""


@dataclass
class Export:
    """Where :func:`guide_export` wrote, or ``written=False`` when the target already was the note."""

    path: Path
    written: bool


def guide_export(*, guide: Guide, path: str | Path, force: bool = False) -> Export:
    """Write the guide as a Dendron note (the synced note itself when there is one).

    An existing file is replaced only with ``force`` (atomically, keeping its mode). A note a
    guide is synced with is never replaced, even with ``force``; exporting a guide onto its own
    note when that already holds the same text is a no-op that succeeds.
    """
    target = Path(path).expanduser()
    if target.is_dir():
        target = target / f"{guide.slug}.md"
    try:
        text = guide.note_text or _render_new_note(guide)
    except markdown.NoteError as error:
        raise GuideError(f"{guide.title}: cannot be written as a note: {error}") from None
    if os.path.lexists(target):
        linked = _linked_guide(guide, target)
        if linked is not None and linked.pk == guide.pk and _read_or_none(target) == text:
            return Export(path=target, written=False)
        if linked is not None:
            raise GuideError(
                _("%(path)s is the note “%(title)s” is synced with; export never replaces it.")
                % {"path": target, "title": linked.title}
            )
        if not force:
            raise TargetExists(_("%(path)s already exists; nothing was written.") % {"path": target})
    try:
        write_note_file(target, text)
    except NoteFileError as error:
        raise GuideError(str(error)) from None
    return Export(path=target, written=True)


def _linked_guide(guide: Guide, target: Path) -> Guide | None:
    """The owner's guide synced with the file ``target`` names, if any (symlinks and hard links included)."""
    linked = Guide.objects.filter(owner=guide.owner_id).exclude(source_path="").only("title", "source_path")
    return next((other for other in linked if _same_file(target, Path(other.source_path))), None)


def _same_file(one: Path, other: Path) -> bool:
    try:
        return one.resolve() == other.resolve() or os.path.samefile(one, other)
    except OSError:
        return False


def _render_new_note(guide: Guide) -> str:
    """A fresh note for a guide made in the app; areas without live skills cannot be read back, so they are left out."""
    areas = [
        (progress.area.title, [(s.name, s.description, s.status == SkillStatus.DONE) for s in progress.skills])
        for progress in skill_map_get(guide=guide)
        if progress.skills
    ]
    steps = [(step.name, step.description) for step in guide.method_steps.all()]
    return markdown.new_note(
        title=guide.title,
        description=guide.description,
        areas=areas,
        method_steps=steps,
        note_id=guide.note_id or markdown.new_note_id(),
        now_ms=now_ms(),
    )


def _read_or_none(path: Path) -> str | None:
    try:
        return read_note_file(path)
    except NoteFileError:
        return None
