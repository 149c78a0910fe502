"""Every leaf command of the installed ``peoplecraft`` script, run as a real process on its own data directory.

The table ``RUNS`` maps each command path to realistic invocations; a command missing from it fails
``test_every_leaf_command_has_runs``, so a new command cannot slip through. Each run checks the exit
code, that no traceback reached stderr and, with ``--format json``, that stdout is exactly one JSON
document. One bootstrapped home per session is copied for each run (fast, and runs stay independent).
"""

from __future__ import annotations

import json
import os
import pty
import shutil
import socket
import subprocess
import sys
import urllib.request
from dataclasses import dataclass
from datetime import date, timedelta
from importlib import metadata
from pathlib import Path

import pytest
import typer

import peoplecraft
from peoplecraft.cli.main import app

PEOPLECRAFT = str(Path(sys.executable).with_name("peoplecraft"))
FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
SCENARIOS = Path(peoplecraft.__file__).resolve().parent / "data" / "scenarios"
RATERS = [f"--rater={g}:{n}@example.org" for g, n in [("manager", "mia")] + [("peer", f"p{i}") for i in range(4)]]
SOON, LATER = (str(date.today() + timedelta(days=days)) for days in (30, 120))
FEEDBACK_EMAILED = ("feedback", "create", "--skill", "Empathy", *RATERS, "--deadline", SOON)
FEEDBACK = (*FEEDBACK_EMAILED, "--pass-on")  # no mail server here: the links are printed instead
GOAL = ("goals", "add", "Ask for feedback weekly", "--skill", "Receiving Feedback Positively")
GOAL += ("--measure", "feedback talks", "--target", "10", "--due", LATER, "--milestone", f"{SOON} Half way")
ENTRY = ("journal", "add", "--tag", "work", "--skill", "Empathy", "--mood", "4")
ENTRY_TEXT = "Sam and I sorted out the release deadline in the meeting.\n"  # also the stdin of setup steps
IMPORTED = ("assess", "import", "{tmp}/answers.csv")
BRACKETS = ("guide", "import", "{tmp}/notes/brackets.md")  # names that look like Rich markup: printed as typed
OWN_TALK = ("learn", "add", "--title", "Talk [/b] on [red]tone")
FOCUS = ("practice", "plan", "--focus", "Empathy")
MOMENT = ("feedback", "moment", "--skill", "Empathy", "--links", "3")
# A home in use, built once per session: ids are 1 (goal, entry, feedback request, reading-list item, moment).
USED = (GOAL, ENTRY, FEEDBACK, IMPORTED, FOCUS, ("learn", "add", "atomic-habits"), MOMENT)


@dataclass(frozen=True)
class Run:
    args: tuple[str, ...]
    code: int = 0
    stdin: str | bytes | None = None
    setup: tuple[tuple[str, ...], ...] = ()  # real commands run first; each must succeed
    shows: str = ""  # text stdout must contain
    says: str = ""  # text stderr must contain
    used: bool = False  # start from a home in use (USED: a goal, an entry, a feedback request…) instead of a new one
    fresh_home: bool = False  # the command runs on an empty data directory (setup runs on the copy)


def run(*args, **kwargs) -> Run:
    return Run(tuple(args), **kwargs)


def json_run(*args, **kwargs) -> Run:
    return Run((*args, "--format", "json"), **kwargs)


RUNS: dict[str, list[Run]] = {
    "serve": [run("serve")],  # special-cased: started on a free port, stopped once /healthz answers
    "progress": [
        run("progress", shows="Skill map"),
        json_run("progress"),
        run("progress", setup=(BRACKETS,), shows="Team [/b] skills"),
    ],
    "review": [
        run("review"),
        json_run("review", "--week", "2025-03-31"),
        run("review", "--week", "2025-02-30", code=2),
    ],
    "today": [run("today"), json_run("today", used=True)],
    "worker": [run("worker", "--batch", setup=(("feedback", "remind"),), used=True)],
    "demo": [run("demo", "--dir", "{tmp}/demo", shows="Open it with"), run("demo", "--into-current", code=2)],
    "guide import": [run("guide", "import", "{tmp}/notes/guide.md", shows="52 skills")],
    "guide list": [run("guide", "list", shows="interpersonal-skills"), json_run("guide", "list")],
    "guide use": [run("guide", "use", "interpersonal-skills"), run("guide", "use", "no-such-guide", code=2)],
    "guide show": [
        run("guide", "show", shows="Active Listening"),
        json_run("guide", "show"),
        run("guide", "show", setup=(BRACKETS,), shows="Listening [/i] tours"),
    ],
    "guide mark": [run("guide", "mark", "Empathy", "--active", shows="Empathy: in focus")],
    "guide sync": [json_run("guide", "sync", setup=(("guide", "import", "{tmp}/notes/guide.md"),))],
    "guide export": [run("guide", "export", "{tmp}/exported.md")],
    "account link": [run("account", "link", shows="/accounts/sign-in/link/")],
    "account password": [
        run("account", "password", stdin="a long enough passphrase 42\n", shows="Password set for"),
        run("account", "password", stdin="", code=2),
        run("account", "password", stdin="short\n", code=2),
    ],
    "account name": [
        run("account", "name", "Alex Doe", shows="see you as: Alex Doe"),
        run("account", "name", shows="see you as: Your colleague"),
        run("account", "name", "x" * 101, code=2, says="at most 100 characters"),
    ],
    "account admin": [
        run("account", "admin", "--revoke", shows="does not have admin access"),
        run("account", "admin", "nobody", "--grant", code=2, says="no account is called 'nobody'"),
    ],
    "account share": [
        run("account", "share", "--on", shows="Sharing anonymised"),
        run("account", "share", shows="Not sharing scores."),
    ],
    "assess validity": [
        run("assess", "validity", setup=(("account", "share", "--on"),), used=True, shows="Empathy (1 member)"),
        json_run("assess", "validity"),
    ],
    "assess take": [run("assess", "take", "--skill", "Empathy", stdin="4\n4\n4\n2\n", shows="Finished")],
    "assess import": [run(*IMPORTED, shows="Imported an assessment of 1 skills")],
    "assess results": [
        run("assess", "results", "--png", "{tmp}/radar.png", used=True, shows="Empathy"),
        json_run("assess", "results", used=True),
        run("assess", "results", code=1),
    ],
    "assess history": [
        json_run("assess", "history", "Empathy", used=True),
        run("assess", "history", "Empathy"),
    ],
    "assess retest": [
        run("assess", "retest", used=True, code=2, says="can be taken from"),
        json_run("assess", "retest", "--stats"),
    ],
    "assess focus": [run("assess", "focus", "Empathy", shows="Empathy is now in focus")],
    "assess analyze": [
        json_run("assess", "analyze", "--instrument", "{tmp}/mini.yaml", "--responses", "{tmp}/responses.csv"),
        run("assess", "analyze", "--instrument", "{tmp}/mini.yaml", "--responses", "{tmp}/responses.csv"),
    ],
    "assess instrument add": [run("assess", "instrument", "add", "{tmp}/leadership.yaml")],
    "assess instrument list": [run("assess", "instrument", "list"), json_run("assess", "instrument", "list")],
    "write check": [
        run("write", "check", "{tmp}/draft.txt", shows="Clarity score"),
        json_run("write", "check", "-", "--context", "email", stdin="It was decided that the plan is maybe fine.\n"),
        run("write", "check", "{tmp}/missing.txt", code=2),
        run("write", "check", "[red]draft.txt", shows="[red]draft.txt"),
    ],
    "learn list": [
        run("learn", "list", shows="never-split-the-difference"),
        json_run("learn", "list", "--type", "book"),
        json_run("learn", "list", "--mine", used=True),
        run("learn", "list", "--mine", used=True, shows="Atomic Habits"),
        run("learn", "list", "--mine", setup=(OWN_TALK,), shows="Talk [/b] on [red]tone"),
    ],
    "learn add": [
        run("learn", "add", "never-split-the-difference", shows="Added #1"),
        run("learn", "add", "--title", "Our team talk", "--url", "https://example.org/t", "--skill", "Empathy"),
        run("learn", "add", "no-such-resource", code=2),
    ],
    "learn done": [
        run("learn", "done", "1", used=True, shows="Finished 'Atomic Habits"),
        run("learn", "done", "drive"),
    ],
    "learn show": [
        run("learn", "show", "atomic-habits", shows="Atomic"),
        json_run("learn", "show", "atomic-habits"),
        run("learn", "show", "1", setup=(OWN_TALK,), shows="Talk [/b] on [red]tone"),
    ],
    "practice today": [run("practice", "today", used=True), json_run("practice", "today", used=True)],
    "practice log": [
        run("practice", "log", "Empathy", "--situation", "1:1 with Sam", "--rating", "4", "--minutes", "15"),
        run("practice", "log", "[/no-skill]", "--situation", "s", code=2, says="'[/no-skill]'"),
    ],
    "practice plan": [
        json_run(*FOCUS, "--ics", "{tmp}/plan.ics"),
        run("practice", "plan", shows="Next 7 days"),
        run("practice", "plan", "--week", SOON, shows="Week of"),
    ],
    "practice remind": [
        run("practice", "remind", "--on", shows="on"),
        run("practice", "remind"),
        run("practice", "remind", "--on", "--off", code=2),
    ],
    "practice tick": [run("practice", "tick", "Empathy", "--undo", used=True, shows="not ticked off")],
    "practice cards": [json_run("practice", "cards", used=True), run("practice", "cards", used=True)],
    "practice grade": [run("practice", "grade", "empathy-1", "good", used=True, shows="Graded empathy-1")],
    "practice exercises": [run("practice", "exercises"), json_run("practice", "exercises", "--skill", "Empathy")],
    "practice scenario list": [run("practice", "scenario", "list"), json_run("practice", "scenario", "list")],
    "practice scenario show": [
        run("practice", "scenario", "show", "angry-customer", shows="Helen"),
        json_run("practice", "scenario", "show", "angry-customer"),
    ],
    "practice scenario play": [run("practice", "scenario", "play", "angry-customer", stdin="1\nq\n", shows="Saved")],
    "practice scenario validate": [
        run("practice", "scenario", "validate", str(SCENARIOS), shows="ok "),
        json_run("practice", "scenario", "validate", str(SCENARIOS / "angry-customer.yaml")),
    ],
    "practice scenario check": [
        run("practice", "scenario", "check", shows="paths"),
        json_run("practice", "scenario", "check", str(SCENARIOS / "boundary-with-manager.yaml")),
    ],
    "backup create": [run("backup", "create", "{tmp}/backup.json")],
    "backup restore": [
        run(
            "backup",
            "restore",
            "{tmp}/backup.json",
            setup=(("backup", "create", "{tmp}/backup.json"),),
            used=True,
            fresh_home=True,
            shows="Restored",
        )
    ],
    "journal add": [
        run(*ENTRY, stdin=ENTRY_TEXT),
        json_run("journal", "add", "--template", "gibbs", stdin="Fine.\n"),
        run("journal", "add", stdin=" \n", code=2, says="error: the entry's text: The entry is empty"),
        run("journal", "add", "--date", "2999-01-01", stdin="Hi.\n", code=2, says="error: --date: "),
    ],
    "journal search": [
        json_run("journal", "search", "deadline", used=True, shows="Sam"),
        run("journal", "search", "release", used=True, shows="release"),
    ],
    "journal list": [
        run("journal", "list", used=True),
        json_run("journal", "list", "--tag", "work", used=True),
    ],
    "journal export": [run("journal", "export", "{tmp}/journal", used=True)],
    "journal import": [
        json_run("journal", "import", "{tmp}/journal", setup=(("journal", "export", "{tmp}/journal"),), used=True)
    ],
    "journal prompts": [run("journal", "prompts", shows="Templates"), json_run("journal", "prompts")],
    "goals add": [
        json_run(*GOAL),
        run(*GOAL[:3], "--skill", "Empathy", "--measure", "x", "--target", "1", "--due", "2000-01-01", code=2),
    ],
    "goals list": [
        run("goals", "list", used=True, shows="Ask for"),
        json_run("goals", "list", used=True),
        run("goals", "list", setup=(("goals", "add", "Fix [/x]", *GOAL[3:]),), shows="Fix [/x]"),
    ],
    "goals checkin": [run("goals", "checkin", "1", "--done", "6", "--note", "Two talks", used=True)],
    "goals done": [run("goals", "done", "1", used=True), run("goals", "done", "9", code=2)],
    "goals drop": [run("goals", "drop", "1", used=True)],
    "goals board": [run("goals", "board", used=True), json_run("goals", "board", used=True)],
    "goals calendar": [
        run("goals", "calendar", used=True, shows="BEGIN:VCALENDAR"),
        run("goals", "calendar", "{tmp}/g.ics"),
    ],
    "feedback create": [
        json_run(*FEEDBACK, shows='"url"'),
        run(*FEEDBACK, shows="Created feedback request 1"),
        run(*FEEDBACK_EMAILED, code=2, says="PEOPLECRAFT_EMAIL_HOST"),  # the console cannot e-mail raters
    ],
    "feedback request": [json_run("feedback", "request", *FEEDBACK[2:])],
    "feedback list": [run("feedback", "list", used=True), json_run("feedback", "list", used=True)],
    "feedback status": [json_run("feedback", "status", "1", used=True), run("feedback", "status", "7", code=2)],
    "feedback results": [
        json_run("feedback", "results", "1", used=True),
        run("feedback", "results", "1", used=True, shows="Nothing released yet"),
        run("feedback", "results", "1", "--format", "csv", used=True),
    ],
    "feedback thresholds": [run("feedback", "thresholds", "1", "--threshold", "peer=4", used=True)],
    "feedback links": [run("feedback", "links", "1", used=True, shows="p0@example.org")],
    "feedback resend": [run("feedback", "resend", "1", "p1@example.org", used=True, shows="New link for p1")],
    "feedback close": [run("feedback", "close", "1", used=True)],
    "feedback delete": [
        run("feedback", "delete", "1", "--yes", used=True),
        run("feedback", "delete", "1", used=True, stdin="n\n", code=1),
    ],
    "feedback remind": [run("feedback", "remind", shows="Queued reminders")],
    "feedback moment": [
        json_run(*MOMENT),
        run("feedback", "moment", "--skill", "Empathy", "--rater", "sam@example.org", code=2, says="--pass-on"),
    ],
    "feedback moments": [
        run("feedback", "moments"),
        json_run("feedback", "moments", used=True),
    ],
}

ANSWERS = "item,answer\nempathy-1,4\nempathy-5,4\nempathy-3,4\nempathy-4,2\n"
MINI = "id: mini\nversion: 1\ntitle: Mini\nscale: frequency-5\nitems:\n" + "".join(
    f"  - {{id: s-{n}, skill: S, key: {1 if n < 3 else -1}, self: 'I did {n}.', other: 'They did {n}.'}}\n"
    for n in (1, 2, 3)
)
RESPONSES = "respondent,s-1,s-2,s-3\na,1,2,5\nb,2,2,4\nc,4,5,2\nd,5,4,1\n"
LEADERSHIP = MINI.replace("id: mini", "id: leadership-habits").replace("title: Mini", "title: Leadership")


def _workspace(tmp: Path) -> None:
    """The input files the table's arguments name as ``{tmp}/…``."""
    (tmp / "notes").mkdir()
    shutil.copyfile(FIXTURES / "guide.md", tmp / "notes" / "guide.md")
    for name, text in [
        ("answers.csv", ANSWERS),
        ("mini.yaml", MINI),
        ("responses.csv", RESPONSES),
        ("leadership.yaml", LEADERSHIP),
        ("draft.txt", "It was decided by the team that we will maybe ship on Friday.\n"),
        ("[red]draft.txt", "We ship on Friday.\n"),
        (
            "notes/brackets.md",
            "---\ntitle: Team [/b] skills\n---\n## 1. **Influence [x]**\n- **Listening [/i] tours**: Ask.\n",
        ),
    ]:
        (tmp / name).write_text(text, encoding="utf-8")


def _env(home: Path, **extra: str) -> dict[str, str]:
    env = {**os.environ, "PEOPLECRAFT_HOME": str(home), "COLUMNS": "80", **extra}
    env.pop("DATABASE_URL", None)
    return env


def peoplecraft(home: Path, *args: str, stdin: str | bytes | None = None, **extra: str):
    """Run the installed console script in the folder holding ``home``; stdout and stderr come back as text."""
    data = stdin.encode() if isinstance(stdin, str) else stdin
    result = subprocess.run(
        [PEOPLECRAFT, *args],
        cwd=home.parent,
        env=_env(home, **extra),
        input=data,
        stdin=subprocess.DEVNULL if data is None else None,
        capture_output=True,
        timeout=120,
        start_new_session=True,  # no controlling terminal: prompts read the piped stdin
    )
    out, err = (stream.decode("utf-8", errors="replace") for stream in (result.stdout, result.stderr))
    return subprocess.CompletedProcess(result.args, result.returncode, out, err)


@pytest.fixture(scope="session")
def template_home(tmp_path_factory) -> Path:
    """A data directory bootstrapped once (migrated, owner, default guide), copied by each test."""
    home = tmp_path_factory.mktemp("template") / "home"
    result = peoplecraft(home, "guide", "show")
    assert result.returncode == 0, result.stderr
    return home


@pytest.fixture(scope="session")
def used_template(template_home, tmp_path_factory) -> Path:
    """The bootstrapped home after the commands of ``USED``, built once when a test needs it."""
    tmp = tmp_path_factory.mktemp("used")
    _workspace(tmp)
    home = Path(shutil.copytree(template_home, tmp / "home"))
    for step in USED:
        result = peoplecraft(home, *_fill(step, tmp), stdin=ENTRY_TEXT)
        assert result.returncode == 0, f"{step}: {result.stderr}"
    return home


def _copy(template: Path, tmp: Path) -> Path:
    _workspace(tmp)
    return Path(shutil.copytree(template, tmp / "home"))


@pytest.fixture
def home(template_home, tmp_path) -> Path:
    return _copy(template_home, tmp_path)


def _leaf_commands(group, prefix: str = ""):
    for name, command in group.commands.items():
        if hasattr(command, "commands"):
            yield from _leaf_commands(command, f"{prefix}{name} ")
        else:
            yield f"{prefix}{name}", command


def test_every_leaf_command_has_runs():
    leaves = dict(_leaf_commands(typer.main.get_command(app)))
    assert sorted(leaves.keys() - RUNS.keys()) == [], "add these commands to RUNS"
    assert sorted(RUNS.keys() - leaves.keys()) == [], "RUNS names commands that do not exist"
    takes_json = [name for name, command in leaves.items() if any("--format" in p.opts for p in command.params)]
    assert [name for name in takes_json if not any("json" in r.args for r in RUNS[name])] == []


def _fill(args: tuple[str, ...], tmp: Path) -> list[str]:
    return [arg.replace("{tmp}", str(tmp)) for arg in args]


CASES = [pytest.param(name, case, id=f"{name} {n}") for name, cases in RUNS.items() for n, case in enumerate(cases)]


@pytest.mark.parametrize(("name", "case"), CASES)
def test_command_runs_as_a_process(name, case, request, tmp_path):
    home = _copy(request.getfixturevalue("used_template" if case.used else "template_home"), tmp_path)
    for step in case.setup:
        done = peoplecraft(home, *_fill(step, tmp_path), stdin=ENTRY_TEXT)
        assert done.returncode == 0, f"setup {step}: {done.stderr}"
    if name == "serve":
        return _check_serve(home)
    result = peoplecraft(tmp_path / "fresh" if case.fresh_home else home, *_fill(case.args, tmp_path), stdin=case.stdin)
    assert "Traceback" not in result.stderr, result.stderr
    assert result.returncode == case.code, f"stdout:\n{result.stdout}\nstderr:\n{result.stderr}"
    if case.code:
        assert result.stderr.strip(), "a failure must say why on stderr"
    elif "json" in case.args:
        json.loads(result.stdout)  # exactly one JSON document: anything else on stdout makes this fail
    assert case.shows in result.stdout
    assert case.says in result.stderr


def _check_serve(home: Path) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = subprocess.Popen(
        [PEOPLECRAFT, "serve", "--port", str(port)],
        env=_env(home),
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    try:
        assert "Peoplecraft is running at" in server.stdout.readline()
        assert _healthy(f"http://127.0.0.1:{port}/healthz", server)
    finally:
        os.killpg(server.pid, 15)
        _out, err = server.communicate(timeout=30)
    assert "Traceback" not in err, err


def _healthy(url: str, server: subprocess.Popen) -> bool:
    import time

    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and server.poll() is None:
        try:
            with urllib.request.urlopen(url, timeout=2) as response:  # noqa: S310 - our own localhost server
                return response.status == 200
        except OSError:
            time.sleep(0.2)
    return False


def test_version_needs_no_data_directory(tmp_path):
    result = peoplecraft(tmp_path / "untouched", "--version")
    assert result.returncode == 0, result.stderr
    assert result.stdout == f"peoplecraft {metadata.version('peoplecraft')}\n"
    assert not (tmp_path / "untouched").exists()  # Django was not set up


@pytest.mark.parametrize("columns", ["80", "60"])
def test_tables_print_every_catalogue_id_whole(home, columns):
    ids = [r["id"] for r in json.loads(peoplecraft(home, "learn", "list", "--format", "json").stdout)["resources"]]
    table = peoplecraft(home, "learn", "list", COLUMNS=columns).stdout
    assert "…" not in "".join(line.split("│")[1] for line in table.splitlines() if line.startswith("│"))
    assert [i for i in ids if i not in table] == []  # e.g. never-split-the-difference, which 'learn add' takes


def test_a_piped_password_prints_no_prompt_and_no_warning(home):
    result = peoplecraft(home, "account", "password", stdin="a long enough passphrase 42\n")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Password set for ") and result.stdout.count("\n") == 1  # no prompts on stdout
    assert result.stderr == ""  # no GetPassWarning


def test_a_table_written_to_a_pipe_is_not_cut_to_80_columns(home):
    env_without_columns = {key: value for key, value in os.environ.items() if key not in ("COLUMNS", "DATABASE_URL")}
    resources = json.loads(peoplecraft(home, "learn", "list", "--format", "json").stdout)["resources"]
    table = subprocess.run(
        [PEOPLECRAFT, "learn", "list"],
        env={**env_without_columns, "PEOPLECRAFT_HOME": str(home)},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    ).stdout
    # nothing is cut (a long title wraps): the only ellipses are those in the catalogue's own titles
    assert table.count("…") == sum(r["title"].count("…") for r in resources)
    assert [r["id"] for r in resources if r["id"] not in table] == []


EDITOR = "import sys\nwith open(sys.argv[1], 'a', encoding='utf-8') as f:\n    f.write('Wrote this in my editor.')\n"


def test_journal_add_on_a_terminal_opens_the_editor(home, tmp_path):
    (tmp_path / "editor.py").write_text(EDITOR, encoding="utf-8")
    result = _on_a_terminal(
        home, "journal", "add", "--template", "daily", EDITOR=f"{sys.executable} {tmp_path}/editor.py"
    )
    assert result.returncode == 0 and "Traceback" not in result.stderr, result.stderr
    found = json.loads(peoplecraft(home, "journal", "search", "editor", "--format", "json").stdout)
    assert [hit["template"] for hit in found["results"]] == ["daily"]


def test_journal_add_with_a_broken_editor_saves_nothing(home, tmp_path):
    result = _on_a_terminal(home, "journal", "add", EDITOR=str(tmp_path / "no-such-editor"))
    assert result.returncode == 1 and "Traceback" not in result.stderr, result.stderr
    assert "Editing failed" in result.stderr and "Nothing was saved" in result.stderr
    assert json.loads(peoplecraft(home, "journal", "list", "--format", "json").stdout)["entries"] == []


def _on_a_terminal(home: Path, *args: str, **extra: str) -> subprocess.CompletedProcess:
    """Run with a pseudo-terminal as standard input, as when typed in a shell."""
    primary, secondary = pty.openpty()
    try:
        return subprocess.run(
            [PEOPLECRAFT, *args], stdin=secondary, env=_env(home, **extra), capture_output=True, text=True, timeout=120
        )
    finally:
        os.close(secondary)
        os.close(primary)


@pytest.mark.parametrize(
    ("data", "problem"),
    [
        (b"Good day.\n\xff\xfe", "not valid UTF-8 at byte offset 10 (0xff)"),
        (b"PK\x03\x04\x00", "NUL byte at byte offset 4"),
    ],
)
def test_journal_add_refuses_piped_bytes_that_are_not_text(home, data, problem):
    result = peoplecraft(home, "journal", "add", stdin=data)
    assert "Traceback" not in result.stderr, result.stderr
    assert result.returncode == 2 and f"standard input: {problem}" in result.stderr
    assert json.loads(peoplecraft(home, "journal", "list", "--format", "json").stdout)["entries"] == []
