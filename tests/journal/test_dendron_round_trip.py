"""Dendron export and import: file names, front matter, all-or-nothing import, a lossless round trip."""

from __future__ import annotations

from datetime import date

import pytest

from peoplecraft.journal import dendron, exchange, services
from peoplecraft.journal.models import Entry

pytestmark = pytest.mark.django_db


def _full_entry(owner, imported_guide, make_entry):
    from peoplecraft.skillmap.selectors import skill_find
    from peoplecraft.writing.models import Draft

    skill = skill_find(guide=imported_guide, name="Active Listening")
    draft = Draft.objects.create(owner=owner, text="Dear team")
    body = "## What happened\n\nSam: “Can we talk?”\n\n- a list\n- with *emphasis*\n\n\ttabbed: yes\n"
    return make_entry(
        body,
        title="Talk: with Sam — über",
        entry_date=date(2025, 2, 14),
        mood=3,
        emotion="anxious",
        stress=6,
        tags=["team", "one-to-one"],
        skill_ids=[skill.pk],
        links=[{"kind": "writing-draft", "id": draft.pk}],
        template="conflict",
        prompt="Think of one recent moment: what did you do?",
    )


def test_export_writes_dendron_notes(owner, imported_guide, make_entry, tmp_path):
    entry = _full_entry(owner, imported_guide, make_entry)
    [path] = exchange.journal_export(owner=owner, folder=tmp_path)
    assert path.name == "journal.2025.02.14.talk-with-sam-uber.md"
    text = path.read_text()
    assert text.startswith(f"---\nid: {entry.note_id}\ntitle: 'Talk: with Sam — über'\ndesc: ''\nupdated: ")
    assert "\nmood: 3\nemotion: anxious\nstress: 6\ntags: [one-to-one, team]\nskills: [Active Listening]\n" in text
    assert text.endswith("---\n\n" + entry.body)


def test_round_trip_loses_nothing(owner, teammate, imported_guide, make_entry, tmp_path):
    original = _full_entry(owner, imported_guide, make_entry)
    make_entry("Second entry, same day", entry_date=date(2025, 2, 14), title="Talk: with Sam — über")
    first = exchange.journal_export(owner=owner, folder=tmp_path / "one")
    assert [p.name for p in first] == [
        "journal.2025.02.14.talk-with-sam-uber.md",
        "journal.2025.02.14.talk-with-sam-uber-2.md",
    ]
    Entry.objects.filter(owner=owner).delete()
    services.search_index_rebuild()
    report = exchange.journal_import(owner=owner, source=tmp_path / "one")
    assert (report.created, report.updated, report.files) == (2, 0, 2)
    second = exchange.journal_export(owner=owner, folder=tmp_path / "two")
    assert [p.read_bytes() for p in first] == [p.read_bytes() for p in second]
    again = Entry.objects.get(owner=owner, note_id=original.note_id)
    assert (again.body, again.mood, again.emotion, again.stress, again.links) == (
        original.body,
        original.mood,
        original.emotion,
        original.stress,
        original.links,
    )


def test_reimport_updates_instead_of_duplicating(owner, make_entry, tmp_path):
    make_entry("Original text")
    [path] = exchange.journal_export(owner=owner, folder=tmp_path)
    path.write_text(path.read_text().replace("Original text", "Edited in my notes"))
    report = exchange.journal_import(owner=owner, source=tmp_path)
    assert (report.created, report.updated) == (0, 1)
    assert Entry.objects.get(owner=owner).body == "Edited in my notes"


BAD_NOTES = {
    "journal.2025.01.02.mood.md": ("---\nid: a1\ntitle: Mood\nmood: 9\n---\n\nText\n", ":4: front matter 'mood'"),
    "journal.2025.01.03.yaml.md": (
        "---\nid: a2\ntitle: [unclosed\n---\n\nText\n",
        ":4: the front matter is not valid YAML",
    ),
    "journal.2025.01.04.none.md": ("Just text, no front matter\n", ":1: a journal note starts with"),
    "journal.2025.02.30.date.md": ("---\nid: a3\ntitle: Bad date\n---\n\nText\n", "is not a real date"),
    "journal.2025.01.05.skill.md": (
        "---\nid: a4\ntitle: S\nskills: [Juggling]\n---\n\nText\n",
        ":4: front matter 'skills'",
    ),
    "journal.2025.01.06.empty.md": ("---\nid: a5\ntitle: Empty\n---\n\n   \n", ":6: The entry is empty"),
    "journal.2025.01.07.emotion.md": (
        "---\nid: a6\ntitle: E\nemotion: hangry\n---\n\nx\n",
        ":4: front matter 'emotion'",
    ),
}


@pytest.mark.parametrize("name", sorted(BAD_NOTES))
def test_malformed_note_names_file_and_line_and_nothing_is_stored(owner, imported_guide, tmp_path, name):
    (tmp_path / "journal.2025.01.01.good.md").write_text("---\nid: good1\ntitle: Good\n---\n\nFine\n")
    text, expected = BAD_NOTES[name]
    (tmp_path / name).write_text(text)
    with pytest.raises(exchange.JournalImportError) as caught:
        exchange.journal_import(owner=owner, source=tmp_path)
    [problem] = caught.value.problems
    assert problem.startswith(str(tmp_path / name)) and expected in problem, problem
    assert Entry.objects.count() == 0


def test_binary_file_is_refused(owner, tmp_path):
    (tmp_path / "journal.2025.01.01.bin.md").write_bytes(b"---\nid: x\x00\n---\n")
    with pytest.raises(exchange.JournalImportError) as caught:
        exchange.journal_import(owner=owner, source=tmp_path)
    assert "NUL byte" in caught.value.problems[0]


def test_slugs_and_dates_from_file_names():
    assert dendron.slug_of("Ça va? Très bien!") == "ca-va-tres-bien"
    assert dendron.slug_of("!!!") == "entry"
    assert dendron.date_from_file_name("journal.2024.02.29.x.md") == date(2024, 2, 29)
    assert dendron.date_from_file_name("notes.md") is None
