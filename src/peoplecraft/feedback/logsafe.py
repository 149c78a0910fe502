"""A logging filter that removes rater tokens from log records (Django logs every 4xx path)."""

from __future__ import annotations

import logging
import re

# A rater token (43 URL-safe characters) after /r/, with or without the trailing slash; the
# rater area's own pages (decline/, done/, moment/) are shorter and stay readable.
_RATER_PATH = re.compile(r"/r/[A-Za-z0-9_\-]{16,}")


def redact(text: str) -> str:
    return _RATER_PATH.sub("/r/[token]", text)


class RedactRaterTokens(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # a broken record is not ours to fix; let it through unchanged
            return True
        if "/r/" in message:
            record.msg, record.args = redact(message), None
        return True
