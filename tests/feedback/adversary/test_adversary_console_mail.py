"""Attack 4, console part (issue 13): without SMTP, rater e-mails must not appear on the learner's console.

The console backend prints e-mails on standard error: the learner's terminal, or the server's
log. A reminder goes to some raters only, and every rater e-mail carries a working link, so a
message marked ``X-Peoplecraft-Private: rater`` is withheld, leaving one line without recipient,
subject or body. Played in a real process with the installation's own settings.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

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
