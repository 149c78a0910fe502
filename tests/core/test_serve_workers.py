"""``peoplecraft serve`` runs one worker per core, and workers share what must be shared.

Run as a real process: the number of workers is what granian reports spawning, and the rater-link
rate limit is counted across workers through Redis when ``PEOPLECRAFT_REDIS_URL`` is set (a
per-process count would let one address make the limit times the number of workers).
"""

from __future__ import annotations

import os
import re
import secrets
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from peoplecraft.cli.serve import default_workers

PEOPLECRAFT = str(Path(sys.executable).with_name("peoplecraft"))
REDIS_URL = "redis://127.0.0.1:6379/3"  # used by this module only


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _redis_up() -> bool:
    try:
        with socket.create_connection(("127.0.0.1", 6379), timeout=1):
            return True
    except OSError:
        return False


class _Server:
    def __init__(self, home: Path, *options: str, env: dict[str, str] | None = None) -> None:
        self.port = _free_port()
        base = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
        self.process = subprocess.Popen(
            [PEOPLECRAFT, "serve", "--port", str(self.port), *options],
            env=base | {"PEOPLECRAFT_HOME": str(home)} | (env or {}),
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            start_new_session=True,
        )
        self.lines: list[str] = []

    def wait_for_workers(self, count: int) -> None:
        """Read the output until ``count`` workers have started (or fail after 90 s)."""
        deadline = time.monotonic() + 90
        started = 0
        while started < count and time.monotonic() < deadline:
            line = self.process.stdout.readline()
            if not line:
                break
            self.lines.append(line)
            started += bool(re.search(r"Started worker-\d+", line))
        assert started == count, "".join(self.lines)

    def spawned(self) -> int:
        return sum(bool(re.search(r"Spawning worker-\d+", line)) for line in self.lines)

    def stop(self) -> None:
        os.killpg(self.process.pid, signal.SIGTERM)
        self.process.communicate(timeout=30)

    def status(self, path: str, headers: dict[str, str]) -> int:
        request = urllib.request.Request(f"http://127.0.0.1:{self.port}{path}", headers=headers)
        try:
            with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310 - our own server
                return response.status
        except urllib.error.HTTPError as error:
            return error.code


def test_serve_starts_one_worker_per_core_by_default(tmp_path):
    expected = default_workers()
    assert expected == len(os.sched_getaffinity(0))
    server = _Server(tmp_path / "home")
    try:
        server.wait_for_workers(expected)
        assert server.spawned() == expected
    finally:
        server.stop()


def test_workers_option_still_chooses_the_number(tmp_path):
    server = _Server(tmp_path / "home", "--workers", "1")
    try:
        server.wait_for_workers(1)
        time.sleep(0.5)  # a second worker would have been spawned by now
        assert server.spawned() == 1
    finally:
        server.stop()


@pytest.mark.skipif(not _redis_up(), reason="needs Redis on 127.0.0.1:6379")
def test_rater_link_rate_limit_is_shared_by_every_worker(tmp_path):
    limit = 4
    server = _Server(
        tmp_path / "home",
        "--workers",
        "2",
        env={
            "PEOPLECRAFT_REDIS_URL": REDIS_URL,
            "PEOPLECRAFT_FEEDBACK_TOKEN_RATE_LIMIT": str(limit),
        },
    )
    import redis

    redis.Redis.from_url(REDIS_URL).flushdb()  # this test's own database: no counters from earlier runs
    try:
        server.wait_for_workers(2)
        statuses = [server.status(f"/r/{secrets.token_urlsafe(32)}/", {}) for _ in range(limit + 6)]
    finally:
        server.stop()
    assert statuses[:limit] == [404] * limit, statuses  # unknown links, counted
    assert statuses[limit:] == [429] * 6, statuses  # past the limit on whichever worker answers
