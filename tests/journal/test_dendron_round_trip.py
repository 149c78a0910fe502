"""Dendron export and import: file names, front matter, all-or-nothing import, a lossless round trip."""

from __future__ import annotations

from datetime import date

import pytest

from peoplecraft.journal import dendron, exchange, importer, prompts, services
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
    [path] = exchange.journal_export(owner=owner, folder=tmp_path / "out")
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
    report = importer.journal_import(owner=owner, source=tmp_path / "one")
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
    [path] = exchange.journal_export(owner=owner, folder=tmp_path / "out")
    path.write_text(path.read_text().replace("Original text", "Edited in my notes"))
    report = importer.journal_import(owner=owner, source=tmp_path / "out")
    assert (report.created, report.updated) == (0, 1)
    assert Entry.objects.get(owner=owner).body == "Edited in my notes"


BAD_NOTES = {
    "journal.2025.01.02.mood.md": ("---\nid: a1\ntitle: Mood\nmood: 9\n---\n\nText\n", ":4: front matter 'mood'"),
    "journal.2025.01.03.yaml.md": (
        "---\nid: a2\ntitle: [unclosed\n---\n\nText\n",
        ":4: front matter: not valid YAML",
    ),
    "journal.2025.01.04.none.md": ("Just text, no front matter\n", ":1: front matter: a journal note starts with"),
    "journal.2025.02.30.date.md": ("---\nid: a3\ntitle: Bad date\n---\n\nText\n", "is not a real date"),
    "journal.2025.01.05.skill.md": (
        "---\nid: a4\ntitle: S\nskills: [Juggling]\n---\n\nText\n",
        ":4: front matter 'skills'",
    ),
    "journal.2025.01.06.unanswered.md": (
        "---\nid: a5\ntitle: Empty\ntemplate: gibbs\n---\n\n" + prompts.template_body("gibbs", date(2025, 1, 6)),
        ":7: body: The entry is empty",
    ),
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
    with pytest.raises(importer.JournalImportError) as caught:
        importer.journal_import(owner=owner, source=tmp_path)
    [problem] = map(str, caught.value.problems)
    assert problem.startswith(str(tmp_path / name)) and expected in problem, problem
    assert Entry.objects.count() == 0


def test_binary_file_is_refused(owner, tmp_path):
    (tmp_path / "journal.2025.01.01.bin.md").write_bytes(b"---\nid: x\x00\n---\n")
    with pytest.raises(importer.JournalImportError) as caught:
        importer.journal_import(owner=owner, source=tmp_path)
    assert "NUL byte" in str(caught.value.problems[0])


def test_slugs_and_dates_from_file_names():
    assert dendron.slug_of("Ça va? Très bien!") == "ca-va-tres-bien"
    assert dendron.slug_of("!!!") == "entry"
    assert dendron.date_from_file_name("journal.2024.02.29.x.md") == date(2024, 2, 29)
    assert dendron.date_from_file_name("notes.md") is None


def test_an_entry_edited_after_import_keeps_its_note_and_only_the_changed_values_change(owner, tmp_path):
    text = (
        "---\nid: d1\ntitle: '2024-05-01'\ndesc: ''\nupdated: 1714571234567\ncreated: 1714550400000\n"
        "nav_order: 3\ncustom: {a: 1}  # mine\n---\n\nFirst draft\n"
    )
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "daily.journal.2024.05.01.md").write_text(text)
    importer.journal_import(owner=owner, source=tmp_path / "in")
    entry = Entry.objects.get(owner=owner)
    data = services.EntryInput(entry_date=entry.entry_date, body="Second draft\n", title=entry.title, mood=4)
    services.entry_update(entry=entry, data=data, updated_at=exchange.from_ms(1714600000000))
    [path] = exchange.journal_export(owner=owner, folder=tmp_path / "out")
    assert path.name == "daily.journal.2024.05.01.md"
    assert path.read_text() == (
        "---\nid: d1\ntitle: '2024-05-01'\ndesc: ''\nupdated: 1714600000000\ncreated: 1714550400000\n"
        "nav_order: 3\ncustom: {a: 1}  # mine\nmood: 4\n---\n\nSecond draft\n"
    )


def test_export_checks_every_file_it_would_replace_before_writing_any(owner, make_entry, tmp_path):
    make_entry("First", entry_date=date(2025, 1, 1), title="One")
    make_entry("Second", entry_date=date(2025, 1, 2), title="Two")
    out = tmp_path / "out"
    out.mkdir()
    (out / "journal.2025.01.01.one.md").write_text("old one\n")
    (out / "journal.2025.01.02.two.md").write_text("old two\n")
    (out / "journal.2025.01.02.two.md").chmod(0o444)
    with pytest.raises(exchange.ExportRefused) as refused:
        exchange.journal_export(owner=owner, folder=out)
    assert refused.value.replaced == [out / "journal.2025.01.01.one.md", out / "journal.2025.01.02.two.md"]
    with pytest.raises(services.EntryError, match=r"two\.md: is read-only"):
        exchange.journal_export(owner=owner, folder=out, force=True)
    assert (out / "journal.2025.01.01.one.md").read_text() == "old one\n"
