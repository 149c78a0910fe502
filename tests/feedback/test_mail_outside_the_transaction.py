"""A slow or dead mail server never holds the write lock, never fails another request, never loses
or duplicates an e-mail (issue 12, item 6).

Real processes against a real (deliberately slow) SMTP server on a local port: ``feedback create``
e-mails six raters through a server that takes 2 s per message (12 s in all, longer than SQLite's
5 s busy timeout) while a second process saves a journal entry; then the mail server is down for a
request and comes back for ``feedback remind``.
"""

from __future__ import annotations

import os
import re
import socket
import socketserver
import subprocess
import sys
import threading
import time
from datetime import date, timedelta
from email import message_from_bytes
from pathlib import Path

PEOPLECRAFT = str(Path(sys.executable).with_name("peoplecraft"))
RATERS = [f"peer:peer{n}@example.org" for n in range(1, 6)] + ["mentor:mentor@example.org"]


class _SMTPHandler(socketserver.StreamRequestHandler):
    """Just enough SMTP for Django's backend; every reply after the greeting waits ``server.delay``."""

    def reply(self, line: str) -> None:
        self.wfile.write(line.encode() + b"\r\n")

    def handle(self) -> None:
        self.reply("220 slow.test ESMTP")
        sender, recipients = "", []
        while line := self.rfile.readline():
            command = line.decode().strip()
            verb = command[:4].upper()
            if verb in ("EHLO", "HELO"):
                self.reply("250 slow.test")
            elif verb == "MAIL":
                sender, recipients = command, []
                self.reply("250 OK")
            elif verb == "RCPT":
                recipients.append(re.search(r"<(.*)>", command).group(1))
                self.reply("250 OK")
            elif verb == "DATA":
                self.reply("354 go ahead")
                body = b""
                while (chunk := self.rfile.readline()) not in (b".\r\n", b""):
                    body += chunk
                time.sleep(self.server.delay)  # a slow server: accepting a message takes a while
                self.server.received.append((recipients, message_from_bytes(body)))
                self.reply("250 queued")
            elif verb == "QUIT":
                self.reply("221 bye")
                return
            else:
                self.reply("250 OK")
        del sender


class SlowSMTP(socketserver.ThreadingTCPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, port: int = 0, delay: float = 0.6) -> None:
        super().__init__(("127.0.0.1", port), _SMTPHandler)
        self.delay = delay
        self.received: list[tuple[list[str], object]] = []
        threading.Thread(target=self.serve_forever, daemon=True).start()

    @property
    def port(self) -> int:
        return self.server_address[1]

    def stop(self) -> None:
        self.shutdown()
        self.server_close()


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _env(home: Path, smtp_port: int) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    return env | {
        "PEOPLECRAFT_HOME": str(home),
        "PEOPLECRAFT_EMAIL_HOST": "127.0.0.1",
        "PEOPLECRAFT_EMAIL_PORT": str(smtp_port),
        "PEOPLECRAFT_EMAIL_USE_TLS": "false",
        "PEOPLECRAFT_EMAIL_TIMEOUT": "5",
        "COLUMNS": "200",
    }


def _run(home: Path, smtp_port: int, *args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [PEOPLECRAFT, *args],
        env=_env(home, smtp_port),
        input=stdin,
        stdin=None if stdin is not None else subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=180,
    )


def _create_args() -> list[str]:
    deadline = (date.today() + timedelta(days=14)).isoformat()
    return ["feedback", "create", "--skill", "Written Communication", "--deadline", deadline] + [
        arg for rater in RATERS for arg in ("--rater", rater)
    ]


def _links(received) -> dict[str, str]:
    links = {}
    for recipients, message in received:
        found = re.search(r"http://\S+/r/[A-Za-z0-9_\-]+/", message.get_payload(decode=True).decode())
        links[recipients[0]] = found.group(0)
    return links


def test_a_slow_mail_server_does_not_block_a_journal_entry_saved_meanwhile(tmp_path, guide_path):
    home = tmp_path / "home"
    smtp = SlowSMTP(delay=2.0)
    try:
        assert _run(home, smtp.port, "guide", "import", str(guide_path)).returncode == 0
        creating = subprocess.Popen(
            [PEOPLECRAFT, *_create_args()],
            env=_env(home, smtp.port),
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        deadline = time.monotonic() + 120
        while not smtp.received and time.monotonic() < deadline:  # sending has started
            time.sleep(0.05)
        saved = _run(home, smtp.port, "journal", "add", "--title", "Meanwhile", stdin="Saved while mail goes out.\n")
        still_sending = creating.poll() is None and len(smtp.received) < len(RATERS)
        out, err = creating.communicate(timeout=120)
    finally:
        smtp.stop()
    assert creating.returncode == 0, err
    assert saved.returncode == 0, saved.stderr  # before: "database is locked" after the 5 s busy timeout
    assert "locked" not in saved.stderr
    assert "e-mailed a personal link to 6 of 6 raters" in out, out
    recipients = sorted(r for rs, _m in smtp.received for r in rs)
    assert recipients == sorted(rater.split(":")[1] for rater in RATERS)  # each exactly once
    assert still_sending, "the journal entry was saved only after every e-mail had gone"


def test_a_dead_mail_server_loses_nothing_and_remind_sends_each_once_later(tmp_path, guide_path):
    home = tmp_path / "home"
    port = _free_port()  # nothing listens: the mail server is down
    assert _run(home, port, "guide", "import", str(guide_path)).returncode == 0
    created = _run(home, port, *_create_args(), "--format", "json")
    assert created.returncode == 0, created.stderr
    assert '"mail_waiting": 6' in created.stdout, created.stdout
    assert "could not be sent yet" in created.stderr and "Traceback" not in created.stderr

    smtp = SlowSMTP(port=port, delay=0)
    try:
        first = _run(home, port, "feedback", "remind")
        second = _run(home, port, "feedback", "remind")
    finally:
        smtp.stop()
    assert first.returncode == 0, first.stderr
    assert "Sent 6 invitation e-mail(s) that were waiting; 0 still waiting." in first.stdout, first.stdout
    assert "invitation e-mail" not in second.stdout  # nothing was waiting any more: no duplicates
    links = _links(smtp.received)
    assert sorted(links) == sorted(rater.split(":")[1] for rater in RATERS)
    assert len(set(links.values())) == 6

    # The e-mailed links work: each opens the rater form (checked in-process on the same database).
    check = subprocess.run(
        [sys.executable, "-c", _OPEN_LINKS, *links.values()],
        env=_env(home, port) | {"DJANGO_SETTINGS_MODULE": "peoplecraft.config.settings"},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert check.returncode == 0, check.stderr
    assert check.stdout.split() == ["usable"] * 6, check.stdout


_OPEN_LINKS = """
import sys, django
django.setup()
from peoplecraft.feedback import selectors
for url in sys.argv[1:]:
    token = url.rstrip("/").rsplit("/", 1)[1]
    print("usable" if selectors.invitation_by_token(raw_token=token) is not None else "dead")
"""
