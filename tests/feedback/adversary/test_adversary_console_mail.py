"""Attack 4, console part (issue 13): without SMTP, rater e-mails must not appear on the learner's console.

The console backend prints e-mails on standard error: the learner's terminal, or the server's
log. A reminder goes to some raters only, and every rater e-mail carries a working link, so a
message marked ``X-Peoplecraft-Private: rater`` is withheld, leaving one line without recipient,
subject or body. Played in a real process with the installation's own settings.
"""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
import textwrap
from pathlib import Path

RATER = "dana.rater@example.org"
LINK = "http://127.0.0.1:8000/r/Q2hvb3NlIGEgdG9rZW4gdGhhdCBsb29rcyByZWFsIQx/"
SUBJECT = "Reminder: feedback for Alex"

SCRIPT = textwrap.dedent(
    f"""
    import logging, os
    os.environ["DJANGO_SETTINGS_MODULE"] = "peoplecraft.config.settings"
    import django
    django.setup()
    from django.core.mail import EmailMessage, get_connection
    rater = EmailMessage({SUBJECT!r}, "Answer here: {LINK}", to=[{RATER!r}],
                         headers={{"X-Peoplecraft-Private": "rater"}})
    lower = EmailMessage("Another", "Link: {LINK}", to=["lee@example.org"],
                         headers={{"x-peoplecraft-private": "rater"}})
    learner = EmailMessage("Your request is closed", "Results are ready.", to=["alex@example.org"])
    print(get_connection().send_messages([rater, lower, learner]))
    logging.getLogger("django.request").warning("Not Found: %s", "{LINK.removeprefix("http://127.0.0.1:8000")}")
    logging.getLogger("django.request").warning("Bad Request: %s", "{LINK.removeprefix("http://127.0.0.1:8000").rstrip("/")}")
    """
)


def test_rater_mails_are_withheld_from_the_console_and_logs_hold_no_link(tmp_path):
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DATABASE_URL", "PEOPLECRAFT_EMAIL"))}
    env["PEOPLECRAFT_HOME"] = str(tmp_path)
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT], env=env, capture_output=True, text=True, timeout=120, check=False
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout == "3\n"  # all three "sent"; none printed on stdout
    token = LINK.rstrip("/").rsplit("/", 1)[1]
    for secret in (RATER, "lee@example.org", SUBJECT, token, "Answer here"):
        assert secret not in done.stderr, f"{secret!r} reached the console:\n{done.stderr}"
    withheld = "an e-mail to a rater was withheld (configure PEOPLECRAFT_EMAIL_HOST to deliver it)\n"
    assert done.stderr.count(withheld) == 2, done.stderr
    assert "alex@example.org" in done.stderr and "Your request is closed" in done.stderr  # other mail still shows
    assert done.stderr.count("/r/[token]") == 2  # logged paths with and without the trailing slash are redacted


def test_a_live_server_writes_no_rater_token_to_its_output(tmp_path):
    """Through granian: rater links that fail (404, 400) are logged by Django; the path is redacted."""
    import signal
    import socket
    import time
    import urllib.error
    import urllib.request

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"} | {"PEOPLECRAFT_HOME": str(tmp_path)}
    env["PEOPLECRAFT_LOG_LEVEL"] = "INFO"  # as chatty as an operator might make it
    peoplecraft = str(Path(sys.executable).with_name("peoplecraft"))
    server = subprocess.Popen(
        [peoplecraft, "serve", "--port", str(port)],
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    token = "Zk9" + "x" * 40
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                urllib.request.urlopen(f"{base}/healthz", timeout=2).close()  # noqa: S310 - our own server
                break
            except OSError:
                time.sleep(0.2)
        for path in (f"/r/{token}/", f"/r/{token}/decline/", f"/r/{token}"):
            with contextlib.suppress(urllib.error.HTTPError):  # 404 and 400 are what we want logged
                urllib.request.urlopen(base + path, timeout=10).close()  # noqa: S310 - our own server
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        out, err = server.communicate(timeout=30)
    assert "Traceback" not in err, err
    assert "/r/[token]" in err  # Django did log the failed rater paths...
    assert token not in out + err  # ...without the token
