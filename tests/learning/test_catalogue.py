"""The bundled catalogue: coverage of every skill, validation and clear errors with file and line."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

from peoplecraft.core.datafile import DataFileError
from peoplecraft.learning.catalogue import bundled_paths, find, load_catalogue, parse_resources

GUIDE = Path(__file__).resolve().parents[2] / "src" / "peoplecraft" / "data" / "guides" / "interpersonal-skills.md"


def _guide_skills() -> list[str]:
    return re.findall(r"^   - \*\*(.+?)\*\*", GUIDE.read_text(), re.MULTILINE)


def test_every_skill_has_three_resources_and_200_in_all():
    skills = _guide_skills()
    assert len(skills) == 52
    catalogue = load_catalogue(bundled_paths(), known_skills=skills)  # validates every entry and skill name
    assert len(catalogue) >= 200
    counts = Counter(name.casefold() for resource in catalogue for name in resource.skills)
    thin = [skill for skill in skills if counts[skill.casefold()] < 3]
    assert thin == []


def test_ids_are_unique_and_every_type_is_present():
    catalogue = load_catalogue(bundled_paths())
    assert len({r.id for r in catalogue}) == len(catalogue)
    assert {r.type for r in catalogue} == {"book", "course", "article", "talk", "podcast"}


def test_books_have_authors_and_a_year_and_links_are_https_or_absent():
    for resource in load_catalogue(bundled_paths()):
        if resource.type == "book":
            assert resource.authors and resource.year, resource.id
        assert resource.url == "" or resource.url.startswith(("https://", "http://")), resource.id


def test_find_by_skill_and_type():
    catalogue = load_catalogue(bundled_paths())
    talks = find(catalogue, skill="active listening", kind="talk")
    assert {r.id for r in talks} >= {"ted-treasure-listen"}
    assert all(r.type == "talk" and r.helps("Active Listening") for r in talks)


GOOD = """resources:
  - id: a-book
    type: book
    title: A Book
    authors: [Someone]
    skills: [Empathy]
    summary: Why it helps.
    minutes: 60
    cost: paid
    verified: {on: 2026-11-30, by: publisher page}
"""


def test_a_valid_file_parses():
    [resource] = parse_resources(GOOD, source="x.yaml")
    assert (resource.id, resource.skills, resource.minutes) == ("a-book", ("Empathy",), 60)


def test_malformed_yaml_names_file_and_line():
    with pytest.raises(DataFileError) as error:
        parse_resources("resources:\n  - id: x\n    title: [unclosed\n", source="bad.yaml")
    assert "bad.yaml, line" in str(error.value) and "YAML syntax error" in str(error.value)


def test_field_errors_name_file_line_and_field():
    text = GOOD.replace("minutes: 60", "minutes: lots").replace("cost: paid", "cost: cheap")
    text = text.replace("title: A Book", "title: A Book\n    url: javascript:alert(1)\n    isbn: 123")
    with pytest.raises(DataFileError) as error:
        parse_resources(text, source="r.yaml")
    problems = error.value.problems
    assert "r.yaml, line 2 (a-book), field 'minutes': must be a whole number from 1 to 10000" in problems
    assert any("field 'cost'" in p and "'cheap'" in p for p in problems)
    assert any("field 'url'" in p and "http" in p for p in problems)
    assert any("field 'isbn'" in p for p in problems)


def test_unknown_skills_and_duplicate_ids_across_files(tmp_path):
    (tmp_path / "a.yaml").write_text(GOOD)
    (tmp_path / "b.yaml").write_text(GOOD.replace("[Empathy]", "[Telepathy]"))
    with pytest.raises(DataFileError) as error:
        load_catalogue(sorted(tmp_path.glob("*.yaml")), known_skills=["Empathy"])
    text = str(error.value)
    assert "duplicate id 'a-book'" in text and "unknown skill 'Telepathy'" in text and "b.yaml, line 2" in text


def test_unknown_fields_and_missing_required_fields():
    with pytest.raises(DataFileError) as error:
        parse_resources("resources:\n  - id: x\n    colour: red\n", source="c.yaml")
    problems = error.value.problems
    assert any("field 'colour': unknown field" in p for p in problems)
    assert any("field 'title': is required" in p for p in problems)


def test_isbn_check_digit_is_verified():
    ok = GOOD.replace("cost: paid", "cost: paid\n    isbn: 978-0-306-40615-7")
    assert parse_resources(ok, source="x")[0].isbn == "978-0-306-40615-7"
    with pytest.raises(DataFileError):
        parse_resources(ok.replace("40615-7", "40615-8"), source="x")
