"""The sync report on its own (pure): lines, the JSON document's stable keys, merging two reads."""

from __future__ import annotations

from peoplecraft.skillmap.sync_report import SyncReport


def test_an_empty_report_is_unchanged_and_has_no_lines():
    report = SyncReport()
    assert not report.changed and report.lines() == [] and report.summary("Read") == ""


def test_lines_come_in_order_title_areas_skills_method():
    report = SyncReport(
        text_changed=True,
        title=("Guide", "People"),
        areas_renamed=[("A", "B")],
        added=["New"],
        status_changes=[("X", "todo", "done")],
        steps_removed=["Reflect"],
    )
    assert report.lines() == [
        "title: Guide → People",
        "area renamed: A → B",
        "skill added: New",
        "X: todo → done",
        "method step removed: Reflect",
    ]
    assert report.summary("Read changes") == (
        "Read changes: title: Guide → People; area renamed: A → B; skill added: New; X: todo → done; "
        "method step removed: Reflect."
    )


def test_the_document_keys_are_stable():
    document = SyncReport(text_changed=True, status_changes=[("X", "todo", "done")]).to_document()
    assert list(document) == [
        "changed",
        "title",
        "description_changed",
        "areas",
        "skills",
        "method_steps",
        "status_changes",
        "added",
        "archived",
    ]
    assert list(document["areas"]) == ["added", "renamed", "archived", "restored"]
    assert list(document["skills"]) == ["added", "renamed", "archived", "restored", "edited", "status"]
    assert document["skills"]["status"] == document["status_changes"] == [{"skill": "X", "from": "todo", "to": "done"}]


def test_merging_two_reads_keeps_both():
    first = SyncReport(text_changed=True, title=("A", "B"), added=["X"], status_by_skill={1: ("todo", "done")})
    second = SyncReport(text_changed=True, title=("B", "C"), added=["Y"], status_by_skill={2: ("", "todo")})
    merged = first.merge(second)
    assert merged.title == ("A", "C") and merged.added == ["X", "Y"]
    assert merged.status_by_skill == {1: ("todo", "done"), 2: ("", "todo")}
    assert first.merge(SyncReport()).title == ("A", "B")
