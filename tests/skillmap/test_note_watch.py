"""An unchanged note costs one stat on page load; every real change is still picked up."""

from __future__ import annotations

import os
import time

import pytest

from peoplecraft.skillmap import note_watch, selectors, services

HOUR_NS = 3600 * 1_000_000_000
PUBLIC_SPEAKING_DONE = (
    "   - ~~**Public Speaking**: Engaging an audience effectively and presenting ideas confidently.~~"
)
PUBLIC_SPEAKING_TODO = "   - **Public Speaking**: Engaging an audience effectively and presenting ideas confidently.  "


def _age(path, monkeypatch, hours: int = 1) -> None:
    """Make the note look edited a while ago.

    ``utime`` can move the modification time back but sets the change time to now, which the
    racy rule (rightly) distrusts; waiting two seconds per test instead would slow the suite, so
    the window is closed for these tests only. The rule itself is tested with its real window.
    """
    then = time.time_ns() - hours * HOUR_NS
    os.utime(path, ns=(then, then))
    monkeypatch.setattr(note_watch, "RACY_NANOSECONDS", 0)


@pytest.fixture(autouse=True)
def _fresh_cache():
    note_watch.forget_all()
    yield
    note_watch.forget_all()


@pytest.fixture
def read_counter(monkeypatch):
    """Counts real reads of the note through the service (the real function still runs)."""
    calls = []
    real = services._read

    def counting(path):
        calls.append(path)
        return real(path)

    monkeypatch.setattr(services, "_read", counting)
    return calls


def test_a_note_edited_long_ago_is_remembered_and_not_read_again(tmp_path, monkeypatch):
    note = tmp_path / "note.md"
    note.write_text("hello")
    _age(note, monkeypatch)
    before = note_watch.signature(note)
    note_watch.remember(note, before, "hello")
    assert note_watch.unchanged(note, note_watch.signature(note), "hello")
    assert not note_watch.unchanged(note, note_watch.signature(note), "something else the guide agreed on")


def test_a_just_written_note_is_never_trusted_by_its_signature(tmp_path):
    assert note_watch.RACY_NANOSECONDS == 2_000_000_000
    note = tmp_path / "note.md"
    note.write_text("hello")
    note_watch.remember(note, note_watch.signature(note), "hello")
    assert not note_watch.unchanged(note, note_watch.signature(note), "hello")


def test_same_size_edit_with_the_old_mtime_put_back_is_still_seen(tmp_path, monkeypatch):
    note = tmp_path / "note.md"
    note.write_text("hello")
    _age(note, monkeypatch)
    old = note_watch.signature(note)
    note_watch.remember(note, old, "hello")
    note.write_text("jelly")  # same size
    os.utime(note, ns=(old.mtime_ns, old.mtime_ns))  # and the same modification time: only ctime differs
    assert not note_watch.unchanged(note, note_watch.signature(note), "hello")


def test_a_missing_note_is_never_unchanged(tmp_path):
    assert note_watch.signature(tmp_path / "gone.md") is None
    assert not note_watch.unchanged(tmp_path / "gone.md", None, "")


@pytest.mark.django_db
def test_sync_of_an_unchanged_note_reads_it_once_then_only_stats(imported_guide, guide_path, read_counter, monkeypatch):
    _age(guide_path, monkeypatch)
    for _ in range(5):
        assert not services.guide_sync(guide=imported_guide).changed
    assert len(read_counter) == 1


@pytest.mark.django_db
def test_sync_still_picks_up_an_external_edit_after_the_note_was_remembered(
    imported_guide, guide_path, read_counter, monkeypatch
):
    _age(guide_path, monkeypatch, hours=2)
    services.guide_sync(guide=imported_guide)
    services.guide_sync(guide=imported_guide)
    assert len(read_counter) == 1
    text = guide_path.read_text()
    assert PUBLIC_SPEAKING_DONE in text
    guide_path.write_text(text.replace(PUBLIC_SPEAKING_DONE, PUBLIC_SPEAKING_TODO))  # same size, new mtime
    report = services.guide_sync(guide=imported_guide)
    assert ("Public Speaking", "done", "todo") in report.status_changes
    assert selectors.skill_find(guide=imported_guide, name="Public Speaking").status == "todo"
    assert len(read_counter) == 2
