"""Attack 6 (issue 13): whoever reads a server's output (logs) must not find a live owner sign-in link.

``peoplecraft serve`` prints a one-time sign-in link on the first run only (when it created the
owner), or when started with ``--sign-in-link``; otherwise it says how to get one.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

PEOPLECRAFT = str(Path(sys.executable).with_name("peoplecraft"))


def _env(home: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    return env | {"PEOPLECRAFT_HOME": str(home)}


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _serve_banner(home: Path, *options: str) -> str:
    """What ``serve`` prints before the server takes over (up to the data directory line)."""
    server = subprocess.Popen(
        [PEOPLECRAFT, "serve", "--port", str(_free_port()), *options],
        env=_env(home),
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    lines = []
    try:
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline:
            line = server.stdout.readline()
            lines.append(line)
            if not line or line.startswith("Data directory:"):
                break
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        _out, err = server.communicate(timeout=30)
    assert "Traceback" not in err, err
    return "".join(lines)


def test_serve_prints_a_sign_in_link_only_on_the_first_run_or_when_asked(tmp_path):
    home = tmp_path / "home"
    first = _serve_banner(home)
    assert "Open this one-time sign-in link: http://127.0.0.1:" in first, first
    assert "/accounts/sign-in/link/" in first

    again = _serve_banner(home)
    assert "/accounts/sign-in/link/" not in again, again  # a restart (and its log) holds no live link
    assert "peoplecraft account link" in again and "peoplecraft serve --sign-in-link" in again

    asked = _serve_banner(home, "--sign-in-link")
    assert "Open this one-time sign-in link: http://127.0.0.1:" in asked, asked


def test_serve_after_another_command_set_the_installation_up_prints_no_link(tmp_path):
    home = tmp_path / "home"
    listed = subprocess.run(
        [PEOPLECRAFT, "guide", "list"], env=_env(home), capture_output=True, text=True, timeout=120, check=False
    )
    assert listed.returncode == 0, listed.stderr
    banner = _serve_banner(home)
    assert "/accounts/sign-in/link/" not in banner and "peoplecraft account link" in banner, banner
