"""``peoplecraft learn …`` in-process: the same outcomes as the views."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from peoplecraft.cli.main import app
from peoplecraft.learning.models import ReadingItem

pytestmark = pytest.mark.django_db
runner = CliRunner()


def invoke(*args: str):
    return runner.invoke(app, list(args))


def test_list_catalogue_json_filtered(imported_guide):
    result = invoke("learn", "list", "--skill", "Active Listening", "--type", "talk", "--format", "json")
    assert result.exit_code == 0, result.output
    document = json.loads(result.stdout)
    ids = {r["id"] for r in document["resources"]}
    assert "ted-treasure-listen" in ids and all(r["type"] == "talk" for r in document["resources"])
    assert set(document["resources"][0]) >= {"title", "authors", "year", "summary", "minutes", "cost", "on_your_list"}


def test_add_from_catalogue_then_done_then_show(imported_guide):
    assert invoke("learn", "add", "getting-to-yes").exit_code == 0
    item = ReadingItem.objects.get()
    result = invoke("learn", "done", str(item.pk))
    assert result.exit_code == 0 and "Finished 'Getting to Yes" in result.stdout
    document = json.loads(invoke("learn", "show", "getting-to-yes", "--format", "json").stdout)
    assert document["item"]["status"] == "done" and document["resource"]["year"] == 1981
    assert "Negotiation Skills" in document["item"]["skills"]
    mine = json.loads(invoke("learn", "list", "--mine", "--format", "json").stdout)
    assert [i["catalogue_id"] for i in mine["items"]] == ["getting-to-yes"]


def test_done_with_a_catalogue_id_adds_it_first(imported_guide):
    assert invoke("learn", "done", "quiet").exit_code == 0
    assert ReadingItem.objects.get().status == "done"


def test_add_own_with_link_and_skill(imported_guide):
    result = invoke(
        "learn",
        "add",
        "--title",
        "Team retro notes",
        "--url",
        "https://example.org/retro",
        "--type",
        "article",
        "--skill",
        "mediation",
    )
    assert result.exit_code == 0, result.output
    item = ReadingItem.objects.get()
    assert (item.title, item.kind, [s.name for s in item.skills.all()]) == (
        "Team retro notes",
        "article",
        ["Mediation"],
    )


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("learn", "add", "--title", "X", "--url", "ftp://example.org"), "url: Only http"),
        (("learn", "add", "no-such-book"), "No resource 'no-such-book'"),
        (("learn", "add", "--title", "X", "--skill", "Juggling"), "skill: No skill named 'Juggling'"),
        (
            (
                "learn",
                "add",
            ),
            "either a catalogue id or --title",
        ),
        (("learn", "list", "--type", "poem"), "Unknown type 'poem'"),
        (("learn", "list", "--skill", "Juggling"), "No skill named 'Juggling'"),
        (("learn", "done", "42"), "Nothing on your reading list"),
        (("learn", "show", "nothing-here"), "No resource 'nothing-here'"),
    ],
)
def test_bad_input_is_exit_2_with_a_message_and_stores_nothing(imported_guide, args, message):
    result = invoke(*args)
    assert result.exit_code == 2 and message in result.stderr and "Traceback" not in result.output
    assert not ReadingItem.objects.exists()
