"""A read-only data directory or database file: one clear message, a 503 page, an honest /healthz.

How the tests make a path read-only: as an ordinary user ``chmod a-w`` does it; root (the test
machine) ignores mode bits, so there the path gets the immutable attribute (``chattr +i``), which
the kernel enforces for root too. Where neither works the tests are skipped. Everything runs in
real processes of the installed command, as a user would meet it.
"""

from __future__ import annotations

import http.cookiejar
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from contextlib import contextmanager
from pathlib import Path

import pytest

PEOPLECRAFT = Path(sys.executable).with_name("peoplecraft")
FIXTURE_GUIDE = Path(__file__).resolve().parents[1] / "fixtures" / "guide.md"


@contextmanager
def read_only(*paths: Path):
    if os.geteuid() != 0:
        modes = {path: path.stat().st_mode for path in paths}
        for path in paths:
            path.chmod(modes[path] & 0o555)
        try:
            yield
        finally:
            for path, mode in modes.items():
                path.chmod(mode)
        return
    if shutil.which("chattr") is None or subprocess.run(["chattr", "+i", *map(str, paths)]).returncode != 0:
        pytest.skip("root ignores chmod, and chattr +i is not available here")
    try:
        yield
    finally:
        subprocess.run(["chattr", "-i", *map(str, paths)], check=True)


def _env(home: Path) -> dict[str, str]:
    env = {key: value for key, value in os.environ.items() if key != "DATABASE_URL"}
    env["PEOPLECRAFT_HOME"] = str(home)
    return env


def _run(home: Path, *args: str, input: str | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [PEOPLECRAFT, *args], env=_env(home), input=input or "", capture_output=True, text=True, timeout=120
    )


@pytest.fixture(scope="module")
def imported_home(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("imported")
    note = root / "guide.md"
    shutil.copyfile(FIXTURE_GUIDE, note)
    assert _run(root / "home", "guide", "import", str(note)).returncode == 0
    return root / "home"


@pytest.fixture
def home(imported_home, tmp_path) -> Path:
    return Path(shutil.copytree(imported_home, tmp_path / "home"))


def _assert_one_message(result: subprocess.CompletedProcess, path: Path, what: str) -> None:
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    assert result.stderr.startswith(f"error: The {what} {path} is read-only"), result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_journal_add_with_a_read_only_database_file(home):
    database = home / "peoplecraft.sqlite3"
    with read_only(database):
        _assert_one_message(_run(home, "journal", "add", input="Listened first.\n"), database, "file")
        listed = _run(home, "journal", "list", "--format", "json")  # reading still works
    assert listed.returncode == 0, listed.stderr
    assert _run(home, "journal", "add", input="Listened first.\n").returncode == 0  # writable again


def test_journal_add_with_a_read_only_data_directory(home):
    with read_only(home):
        _assert_one_message(_run(home, "journal", "add", input="Listened first.\n"), home, "data directory")


def test_serve_with_a_read_only_database_file_says_so(home):
    database = home / "peoplecraft.sqlite3"
    with read_only(database):
        result = _run(home, "serve", "--port", str(_free_port()))
    _assert_one_message(result, database, "file")


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextmanager
def _server(home: Path):
    port = _free_port()
    server = subprocess.Popen(
        [PEOPLECRAFT, "serve", "--sign-in-link", "--port", str(port)],
        env=_env(home),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        link = ""
        while not link:
            line = server.stdout.readline()
            assert line or server.poll() is None, "serve stopped before printing a sign-in link"
            link = (re.search(r"sign-in link: (\S+)", line) or [None, ""])[1]
        base = f"http://127.0.0.1:{port}"
        _get(f"{base}/healthz", wait=True)
        yield base, link
    finally:
        server.terminate()
        server.wait(timeout=20)


def _get(url: str, *, wait: bool = False, opener=None) -> tuple[int, str]:
    deadline = time.monotonic() + 60
    while True:
        try:
            with (opener or urllib.request.build_opener()).open(url, timeout=10) as response:
                return response.status, response.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode()
        except OSError:
            if not wait or time.monotonic() > deadline:
                raise
            time.sleep(0.3)


def test_web_answers_503_and_healthz_reports_a_read_only_database(home):
    database = home / "peoplecraft.sqlite3"
    with _server(home) as (base, link):
        assert _get(f"{base}/healthz") == (200, '{"status": "ok"}')
        opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))
        status, page = _get(link, opener=opener)  # the confirm page only reads
        assert status == 200, page
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)[1]
        with read_only(database):
            status, body = _get(f"{base}/healthz")
            assert status == 503 and json.loads(body)["database"] == "read-only"
            assert "data directory is read-only" in json.loads(body)["problem"]
            form = urllib.parse.urlencode({"csrfmiddlewaretoken": token}).encode()
            request = urllib.request.Request(link, data=form, headers={"Referer": link})  # noqa: S310 (http://127.0.0.1)
            with pytest.raises(urllib.error.HTTPError) as refused:  # signing in writes: it must not get through
                opener.open(request, timeout=10)
            status, page = refused.value.code, refused.value.read().decode()
            assert status == 503 and "data directory is read-only" in page
            assert str(home) not in page  # the path is for the server's log, not for visitors
        assert _get(f"{base}/healthz") == (200, '{"status": "ok"}')
