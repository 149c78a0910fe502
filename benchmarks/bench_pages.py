"""Page load benchmark (issue 12, item 5): every main page against a minimal view, at c=1 and c=8.

Run: ``.venv/bin/python benchmarks/bench_pages.py [--size year] [--seconds 5] [--workers 1 2]``

1. ``peoplecraft demo --size year`` seeds a heavy user's year in a fresh data directory (SQLite;
   with ``--database-url postgres://…`` the demo goes into that database instead, which must be a
   scratch database: it is written with ``--into-current --yes``).
2. For each ``--workers`` value, the real ``peoplecraft serve`` starts on a free port; the
   benchmark signs in through the one-time link it prints (GET the confirm page, POST it).
3. Each page is driven for ``--seconds`` at concurrency 1 and 8 by a closed-loop client: that many
   threads, each with one keep-alive ``http.client`` connection, each sending its next request when
   the previous answer has been read. Every answer must be 200.
4. Printed per page: requests/s, p50 and p99 latency, and the ratio of its requests/s to the
   minimal signed-in view (``/ping``: every middleware, session and user, no template) measured by
   the same server in the same run. Targets (issue 12): ratio >= 0.3 and p99 <= 50 ms at c=8, and
   ``--workers 2`` >= 1.6x the requests/s of one worker.

The client runs on the same machine as the server and takes CPU from it; the ratio to the minimal
view is the comparable number.
"""

from __future__ import annotations

import argparse
import http.client
import json
import math
import os
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlparse

ROOT = Path(__file__).resolve().parents[1]
PEOPLECRAFT = str(Path(sys.executable).with_name("peoplecraft"))
MINIMAL = ("minimal view", "/ping")
PAGES = [
    ("skill map", "/skills/"),
    ("skill page", "/skills/skill/{skill}/"),
    ("area page", "/skills/area/{area}/"),
    ("assess list", "/assess/"),
    ("assess results", "/assess/{assessment}/"),
    ("assess history", "/assess/skill/{skill}/"),
    ("journal list", "/journal/"),
    ("journal search", "/journal/?q=meeting"),
    ("progress", "/progress/"),
    ("weekly review", "/goals/review/"),
    ("practice today", "/practice/"),
    ("practice log", "/practice/log/"),
    ("practice plan", "/practice/plan/"),
    ("goals board", "/goals/board/"),
    ("writing editor", "/write/"),
    ("learn catalogue", "/learn/catalogue/"),
    ("radar chart (svg)", "/assess/{assessment}/radar.svg"),
    ("mood chart (svg)", "/goals/review/mood.svg"),
]


@dataclass
class Result:
    page: str
    concurrency: int
    requests: int
    seconds: float
    p50: float
    p99: float
    errors: int

    @property
    def rate(self) -> float:
        return self.requests / self.seconds


def _env(home: Path, database_url: str | None) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    env |= {"PEOPLECRAFT_HOME": str(home), "PEOPLECRAFT_ALLOWED_HOSTS": "127.0.0.1,localhost"}
    if database_url:
        env["DATABASE_URL"] = database_url
    return env


def seed(home: Path, size: str, database_url: str | None) -> float:
    args = ["--into-current", "--yes"] if database_url else ["--dir", str(home)]
    started = time.perf_counter()
    done = subprocess.run(
        [PEOPLECRAFT, "demo", "--size", size, *args],
        env=_env(home, database_url),
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode:
        sys.exit(f"peoplecraft demo failed:\n{done.stderr}")
    print(done.stdout.strip().splitlines()[0], flush=True)
    return time.perf_counter() - started


def ids(home: Path, database_url: str | None) -> dict[str, int]:
    """The ids the page URLs need, read by a short Django script on the same data."""
    script = (
        "import json, django; django.setup()\n"
        "from peoplecraft.accounts.services import owner_ensure\n"
        "from peoplecraft.assessment.models import Assessment\n"
        "from peoplecraft.skillmap.models import Skill\n"
        "owner = owner_ensure()\n"
        "skill = Skill.objects.filter(area__guide__owner=owner, status='active').order_by('pk').first()\n"
        "latest = Assessment.objects.filter(owner=owner).exclude(completed_at=None).latest('completed_at')\n"
        "print(json.dumps({'skill': skill.pk, 'area': skill.area_id, 'assessment': latest.pk}))\n"
    )
    env = _env(home, database_url) | {"DJANGO_SETTINGS_MODULE": "peoplecraft.config.settings"}
    done = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True, check=True)
    return json.loads(done.stdout)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Server:
    def __init__(self, home: Path, database_url: str | None, workers: int) -> None:
        self.port = free_port()
        self.process = subprocess.Popen(
            [PEOPLECRAFT, "serve", "--port", str(self.port), "--workers", str(workers), "--sign-in-link"],
            env=_env(home, database_url),
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            start_new_session=True,
        )
        self.link = ""
        for _ in range(5):
            line = self.process.stdout.readline()
            found = re.search(r"(https?://\S+/accounts/sign-in/link/\S+/)", line)
            if found:
                self.link = urlparse(found.group(1)).path
                break
        if not self.link:
            self.stop()
            sys.exit(f"serve printed no sign-in link:\n{self.process.stderr.read()}")
        self._wait_healthy()

    def _wait_healthy(self) -> None:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                status, _ = request(self.port, "GET", "/healthz", {})
                if status == 200:
                    return
            except OSError:
                time.sleep(0.2)
        self.stop()
        sys.exit("the server did not answer /healthz within 60 s")

    def sign_in(self) -> str:
        """Spend the one-time link as a browser would; returns the Cookie header of the session."""
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        connection.request("GET", self.link)
        confirm = connection.getresponse()
        confirm.read()
        csrf = re.search(r"csrftoken=([^;]+)", confirm.getheader("Set-Cookie") or "")
        if confirm.status != 200 or csrf is None:
            sys.exit(f"sign-in link answered {confirm.status}")
        headers = {
            "Cookie": f"csrftoken={csrf.group(1)}",
            "X-CSRFToken": csrf.group(1),
            "Content-Type": "application/x-www-form-urlencoded",
        }
        connection.request("POST", self.link, body="", headers=headers)
        signed_in = connection.getresponse()
        signed_in.read()
        session = re.search(r"sessionid=([^;]+)", signed_in.getheader("Set-Cookie") or "")
        if signed_in.status != 302 or session is None:
            sys.exit(f"signing in answered {signed_in.status}")
        connection.close()
        return f"sessionid={session.group(1)}"

    def stop(self) -> None:
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)


def request(port: int, method: str, path: str, headers: dict[str, str]) -> tuple[int, bytes]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        connection.request(method, path, headers=headers)
        response = connection.getresponse()
        return response.status, response.read()
    finally:
        connection.close()


def drive(port: int, path: str, cookie: str, concurrency: int, seconds: float) -> tuple[list[float], int]:
    """``concurrency`` closed-loop clients for ``seconds``: latencies of the answers and the count of non-200s."""
    latencies: list[float] = []
    errors = [0]
    lock = threading.Lock()
    start = threading.Barrier(concurrency + 1)
    deadline = [0.0]

    def client() -> None:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        mine: list[float] = []
        bad = 0
        start.wait()
        while time.perf_counter() < deadline[0]:
            sent = time.perf_counter()
            connection.request("GET", path, headers={"Cookie": cookie})
            response = connection.getresponse()
            response.read()
            mine.append(time.perf_counter() - sent)
            bad += response.status != 200
        connection.close()
        with lock:
            latencies.extend(mine)
            errors[0] += bad

    threads = [threading.Thread(target=client) for _ in range(concurrency)]
    for thread in threads:
        thread.start()
    deadline[0] = time.perf_counter() + seconds
    start.wait()
    for thread in threads:
        thread.join()
    return latencies, errors[0]


def measure(port: int, name: str, path: str, cookie: str, concurrency: int, seconds: float) -> Result:
    drive(port, path, cookie, 1, min(0.5, seconds))  # warm: first-use loading, caches
    began = time.perf_counter()
    latencies, errors = drive(port, path, cookie, concurrency, seconds)
    elapsed = time.perf_counter() - began
    latencies.sort()
    p99 = latencies[max(0, math.ceil(0.99 * len(latencies)) - 1)] if latencies else float("nan")  # nearest rank
    return Result(name, concurrency, len(latencies), elapsed, statistics.median(latencies), p99, errors)


def run(home: Path, database_url: str | None, workers: int, seconds: float, levels: list[int]) -> list[Result]:
    page_ids = ids(home, database_url)
    server = Server(home, database_url, workers)
    try:
        cookie = server.sign_in()
        results = []
        for name, path in [MINIMAL, *PAGES]:
            url = path.format(**page_ids)
            status, body = request(server.port, "GET", url, {"Cookie": cookie})
            if status != 200:
                sys.exit(f"{name} {url} answered {status}: {body[:200]!r}")
            for concurrency in levels:
                results.append(measure(server.port, name, url, cookie, concurrency, seconds))
        return results
    finally:
        server.stop()


def table(results: list[Result], workers: int) -> None:
    minimal = {r.concurrency: r.rate for r in results if r.page == MINIMAL[0]}
    print(f"\n### {workers} worker{'s' if workers > 1 else ''}\n")
    print("| page | c | requests/s | p50 | p99 | ratio to minimal view |")
    print("|---|---|---|---|---|---|")
    for r in results:
        errors = f" ({r.errors} errors)" if r.errors else ""
        print(
            f"| {r.page} | {r.concurrency} | {r.rate:.1f}{errors} | {r.p50 * 1000:.1f} ms | {r.p99 * 1000:.1f} ms "
            f"| {r.rate / minimal[r.concurrency]:.2f} |"
        )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", default="year", choices=["small", "year"], help="Demo size to seed.")
    parser.add_argument("--seconds", type=float, default=5.0, help="Seconds per page and concurrency.")
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2], help="Server worker counts to run.")
    parser.add_argument("--concurrency", type=int, nargs="+", default=[1, 8], help="Client concurrency levels.")
    parser.add_argument("--database-url", default=None, help="A scratch PostgreSQL database instead of SQLite.")
    options = parser.parse_args()
    home = Path(tempfile.mkdtemp(prefix="bench-pages-")) / "home"
    try:
        print(f"seeding a '{options.size}' demo took {seed(home, options.size, options.database_url):.1f} s")
        by_workers = {}
        for workers in options.workers:
            results = run(home, options.database_url, workers, options.seconds, options.concurrency)
            by_workers[workers] = results
            table(results, workers)
        if 1 in by_workers and 2 in by_workers:
            top = max(options.concurrency)
            one = {r.page: r.rate for r in by_workers[1] if r.concurrency == top}
            two = {r.page: r.rate for r in by_workers[2] if r.concurrency == top}
            print(f"\n### 2 workers / 1 worker at c={top}\n")
            print("| page | speed-up |\n|---|---|")
            for page in one:
                print(f"| {page} | {two[page] / one[page]:.2f}x |")
    finally:
        shutil.rmtree(home.parent, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
