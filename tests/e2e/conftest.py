"""A real server (granian, via ``peoplecraft serve``) on a fresh SQLite data directory."""

from __future__ import annotations

import os
import queue
import re
import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

import pytest

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@dataclass
class LiveServer:
    base_url: str
    sign_in_link: str
    note: Path
    home: Path


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _env(home: Path) -> dict[str, str]:
    env = {**os.environ, "PEOPLECRAFT_HOME": str(home)}
    env.pop("DATABASE_URL", None)  # the laptop default: embedded SQLite
    return env


@pytest.fixture
def live_server_with_note(tmp_path, guide_path) -> LiveServer:
    yield from _serve_with_note(tmp_path / "home", guide_path)


def _serve_with_note(home: Path, guide_path: Path):
    """Import the note into a fresh data directory, start ``peoplecraft serve``, yield it running."""
    peoplecraft = [sys.executable, "-m", "peoplecraft"]
    subprocess.run([*peoplecraft, "guide", "import", str(guide_path)], env=_env(home), check=True, capture_output=True)
    port = _free_port()
    server = subprocess.Popen(
        [*peoplecraft, "serve", "--sign-in-link", "--port", str(port)],
        env=_env(home),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        link = _read_link(server)
        _wait_healthy(f"http://127.0.0.1:{port}/healthz")
        yield LiveServer(f"http://127.0.0.1:{port}", link, guide_path, home)
    finally:
        server.terminate()
        server.wait(timeout=20)


def _read_link(server: subprocess.Popen) -> str:
    """The sign-in link from the server's output; fails after 60 s instead of blocking on a silent server.

    The output is read by a thread (a blocking ``readline`` cannot time out), which then keeps
    draining it so the server never blocks on a full pipe."""
    lines: queue.Queue[str] = queue.Queue()

    def pump() -> None:
        for line in server.stdout:
            lines.put(line)
        lines.put("")

    threading.Thread(target=pump, daemon=True).start()
    deadline = time.monotonic() + 60
    while (left := deadline - time.monotonic()) > 0:
        try:
            line = lines.get(timeout=left)
        except queue.Empty:
            break
        match = re.search(r"sign-in link: (\S+)", line)
        if match:
            return match.group(1)
        if not line:
            break
    raise AssertionError("peoplecraft serve printed no sign-in link")


def _wait_healthy(url: str) -> None:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2) as response:  # noqa: S310 - our own localhost server
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.2)
    raise AssertionError(f"{url} never answered")


@pytest.fixture
def browser():
    if not shutil.which(CHROMIUM):
        if os.environ.get("CI"):
            pytest.fail("Debian's chromium is missing: CI must install it (make browser)")
        pytest.skip("Debian's chromium is not installed; run 'make browser'")
    from playwright.sync_api import expect, sync_playwright

    # CI runs two test workers, a server and the browser on two cores: allow slow moments.
    expect.set_options(timeout=15_000)
    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield instance
        instance.close()


@pytest.fixture
def signed_in_page(live_server_with_note, browser):
    """A browser page signed in through the link ``peoplecraft serve`` printed, on the skill map
    (signing in lands on Today; its "Your skill map" link is one click further)."""
    page = browser.new_page()
    page.goto(live_server_with_note.sign_in_link)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(f"{live_server_with_note.base_url}/")
    page.get_by_role("link", name="Your skill map").click()
    page.wait_for_url(f"{live_server_with_note.base_url}/skills/")
    return page


@pytest.fixture(scope="module")
def module_server(tmp_path_factory) -> LiveServer:
    """One server for a whole test module (the page-by-page checks share it to stay quick)."""
    root = tmp_path_factory.mktemp("module-server")
    guide = root / "notes" / "guide.md"
    guide.parent.mkdir()
    shutil.copyfile(Path(__file__).resolve().parents[1] / "fixtures" / "guide.md", guide)
    yield from _serve_with_note(root / "home", guide)


@pytest.fixture(scope="module")
def module_browser():
    """One chromium for a whole test module."""
    if not shutil.which(CHROMIUM):
        if os.environ.get("CI"):
            pytest.fail("Debian's chromium is missing: CI must install it (make browser)")
        pytest.skip("Debian's chromium is not installed; run 'make browser'")
    from playwright.sync_api import expect, sync_playwright

    expect.set_options(timeout=15_000)
    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield instance
        instance.close()
