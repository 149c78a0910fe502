"""Lossless backup of a whole installation as one JSON document, and restore into an empty one.

The document holds every row of Peoplecraft's own apps (users with their password hashes,
guides with their notes, assessments, drafts, practice, scenarios, journal, goals, 360°
requests and their unlinkable responses) in dependency order, each app's rows sorted by primary
key. It carries no timestamp of its own, so backup → restore into an empty database → backup
gives a byte-identical document. One-time sign-in links are left out on purpose.

360° rows that need the sealing key (kept outside the database, never in a backup: see
:mod:`peoplecraft.core.sealing`) -- used-link markers and unreleased answers -- make the document
carry the key's fingerprint. Restoring them under another key would silently let used links answer
again, so it is refused unless asked for explicitly (then open requests are closed instead).

Every value is written exactly, in one encoding: date-times in UTC with all six digits of
microseconds and a ``Z`` (``2025-03-01T09:00:00.000500Z``), times with six digits too, decimals
as their exact text. (Django's own encoder cuts date-times to milliseconds, so a restore lost
the microseconds, and ``.000500`` was written ``.000`` before a restore and not at all after.)
"""

from __future__ import annotations

import datetime
import json
from pathlib import Path

from django.apps import apps
from django.core import serializers
from django.core.management.color import no_style
from django.core.serializers.json import DjangoJSONEncoder
from django.db import connection, transaction

from peoplecraft.core import sealing
from peoplecraft.core.bootstrap import analyze_database
from peoplecraft.skillmap.notefile import NoteFileError, write_note_file

FORMAT = "peoplecraft-backup"
VERSION = 1
APP_LABELS = (
    "accounts", "skillmap", "assessment", "writing", "learning", "practice",
    "scenarios", "journal", "goals", "feedback",
)  # fmt: skip
EXCLUDED = {"accounts.signintoken"}
SPENT_MARKERS = "feedback.spentmarker"
SEALED = {"feedback.sealedresponse", "feedback.sealedmomentresponse"}
KEYED = SEALED | {SPENT_MARKERS}


class BackupError(Exception):
    """A backup could not be written or restored; nothing was changed."""


def backup_models() -> list:
    models = [
        model
        for label in APP_LABELS
        for model in apps.get_app_config(label).get_models()
        if model._meta.label_lower not in EXCLUDED
    ]
    ordered = serializers.sort_dependencies([(apps.get_app_config(label), None) for label in APP_LABELS])
    return [model for model in ordered if model in models]


def backup_document() -> dict:
    objects = []
    for model in backup_models():
        rows = sorted(model._default_manager.all(), key=lambda row: str(row.pk).zfill(40))
        objects += serializers.serialize("python", rows, use_natural_foreign_keys=True)
    document = {"format": FORMAT, "version": VERSION, "objects": objects}
    if any(row["model"] in KEYED for row in objects):
        document["sealing_key"] = sealing.fingerprint()
    return document


class BackupEncoder(DjangoJSONEncoder):
    """Django's encoder, but date-times and times keep every microsecond, always written the same way."""

    def default(self, o):
        if isinstance(o, datetime.datetime):
            if o.tzinfo is not None:
                o = o.astimezone(datetime.UTC)
            text = o.isoformat(timespec="microseconds")
            return text.removesuffix("+00:00") + "Z" if o.tzinfo is not None else text
        if isinstance(o, datetime.time):
            return o.isoformat(timespec="microseconds")
        return super().default(o)


def backup_text(document: dict) -> str:
    """The backup as JSON; a stored NaN or infinity raises :class:`BackupError` (JSON cannot carry it)."""
    try:
        text = json.dumps(document, cls=BackupEncoder, ensure_ascii=False, indent=1, sort_keys=True, allow_nan=False)
    except ValueError:
        raise BackupError(
            "a stored number is not finite (NaN or infinity), which JSON cannot carry; no backup was written"
        ) from None
    return text + "\n"


def backup_write(path: Path) -> int:
    """Write the backup atomically with mode 0600 (it holds private data); return the row count."""
    document = backup_document()
    try:
        write_note_file(path, backup_text(document), mode=0o600)
    except NoteFileError as error:
        raise BackupError(str(error)) from None
    return len(document["objects"])


def backup_read(path: Path) -> dict:
    """Read and check a backup document; errors name the file (and line for broken JSON)."""
    try:
        data = Path(path).read_bytes()
    except OSError as error:
        raise BackupError(f"{path}: cannot be read ({error.strerror})") from None
    try:
        document = json.loads(data.decode("utf-8"))
    except UnicodeDecodeError:
        raise BackupError(f"{path}: not UTF-8 text; is this a Peoplecraft backup?") from None
    except json.JSONDecodeError as error:
        raise BackupError(f"{path}:{error.lineno}: not valid JSON ({error.msg})") from None
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise BackupError(f'{path}: not a Peoplecraft backup (no "format": "{FORMAT}")')
    if document.get("version") != VERSION or not isinstance(document.get("objects"), list):
        raise BackupError(f"{path}: backup version {document.get('version')!r} is not supported (expected {VERSION})")
    return document


def backup_restore(document: dict, *, other_sealing_key: bool = False) -> int:
    """Load ``document`` into an empty database in one transaction; return the row count.

    ``other_sealing_key``: the backup's used-link markers and sealed answers need a key this
    installation does not have; restore without them and close every open request and moment,
    so that no link can be used a second time."""
    from peoplecraft.accounts.models import User
    from peoplecraft.journal import search_index

    if User.objects.exists():
        raise BackupError("restore needs an empty database: point PEOPLECRAFT_HOME (or DATABASE_URL) at a new one")
    objects = document["objects"]
    foreign = _foreign_key_problem(document)
    if foreign and not other_sealing_key:
        raise BackupError(foreign)
    if foreign:
        objects = [row for row in objects if row.get("model") not in KEYED]
    with transaction.atomic():
        count = _load(objects)
        if foreign:
            _close_feedback()
        _reset_sequences()
        search_index.rebuild()
    analyze_database()  # bulk-loaded tables have no planner statistics until analysed
    return count


def _foreign_key_problem(document: dict) -> str:
    """Why the backup cannot be restored as is under this installation's sealing key ("" if it can)."""
    keyed = [row for row in document["objects"] if isinstance(row, dict) and row.get("model") in KEYED]
    if not keyed:
        return ""
    try:
        current = sealing.fingerprint()
    except sealing.SealingError as error:
        return f"the sealing key cannot be read: {error}"
    if document.get("sealing_key") == current:
        return ""
    sealed = sum(row["model"] in SEALED for row in keyed)
    return (
        f"this backup was made under another sealing key (fingerprint {document.get('sealing_key')}; this "
        f"installation's is {current}). Its 360° feedback needs that key: put the old installation's "
        f"{sealing.KEY_FILE} in the new data directory, or set {sealing.ENV}, and restore again. Or pass "
        f"--other-sealing-key to restore anyway: every open request and moment is then closed (so no link can "
        f"answer twice) and {sealed} unreleased answer(s), which only the old key opens, are left out."
    )


def _close_feedback() -> None:
    from django.utils import timezone

    from peoplecraft.feedback.models import Draft, FeedbackRequest, MomentRequest

    now = timezone.now()
    FeedbackRequest.objects.filter(closed_at=None).update(closed_at=now)
    MomentRequest.objects.filter(closed_at=None).update(closed_at=now)
    Draft.objects.all().delete()


def _load(objects: list) -> int:
    loaded = 0
    try:
        for item in serializers.deserialize("python", objects, handle_forward_references=True):
            item.save()
            loaded += 1
    except (serializers.base.DeserializationError, ValueError, LookupError) as error:
        raise BackupError(f"object {loaded + 1} of the backup cannot be restored: {error}") from None
    return loaded


def _reset_sequences() -> None:
    """PostgreSQL keeps id sequences apart from the rows: move them past the restored ids."""
    statements = connection.ops.sequence_reset_sql(no_style(), backup_models())
    with connection.cursor() as cursor:
        for statement in statements:
            cursor.execute(statement)
