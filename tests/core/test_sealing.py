"""The sealing key lives outside the database: from the environment or a 0600 file made once."""

from __future__ import annotations

import base64
import os
import stat
from concurrent.futures import ThreadPoolExecutor

import pytest

from peoplecraft.core import sealing


@pytest.fixture
def home(tmp_path, monkeypatch):
    monkeypatch.setenv("PEOPLECRAFT_HOME", str(tmp_path))
    monkeypatch.delenv(sealing.ENV, raising=False)
    sealing.reset()
    yield tmp_path
    sealing.reset()


def test_the_key_file_is_made_once_with_mode_0600_and_kept(home):
    with ThreadPoolExecutor(max_workers=4) as pool:  # first use from several threads: one key
        markers = set(pool.map(lambda _n: (sealing.reset(), sealing.marker("spent", "invitation:1"))[1], range(8)))
    path = home / sealing.KEY_FILE
    assert len(markers) == 1 and stat.S_IMODE(path.stat().st_mode) == 0o600
    assert len(base64.b64decode(path.read_text())) == 32
    assert [p.name for p in home.iterdir()] == [sealing.KEY_FILE]  # no temporary file left behind
    sealing.reset()
    assert sealing.marker("spent", "invitation:1") in markers  # read back, not made again


def test_seal_opens_only_with_its_purpose_and_context(home):
    sealed = sealing.seal(b"ratings", "response", "request:1")
    assert b"ratings" not in sealed and sealing.unseal(sealed, "response", "request:1") == b"ratings"
    assert sealing.seal(b"ratings", "response", "request:1") != sealed  # a fresh nonce each time
    for purpose, context in [("response", "request:2"), ("moment-response", "request:1")]:
        with pytest.raises(sealing.SealingError):
            sealing.unseal(sealed, purpose, context)


def test_markers_are_stable_per_purpose_and_differ_between_keys(home, monkeypatch):
    first = sealing.marker("spent", "invitation:7")
    assert first == sealing.marker("spent", "invitation:7") != sealing.marker("spent", "invitation:8")
    assert len(first) == 64 and sealing.marker("other", "invitation:7") != first
    monkeypatch.setenv(sealing.ENV, base64.b64encode(os.urandom(32)).decode())
    sealing.reset()
    assert sealing.marker("spent", "invitation:7") != first  # the environment's key wins


@pytest.mark.parametrize("value", ["not base64!", base64.b64encode(b"short").decode()])
def test_a_bad_key_in_the_environment_is_a_clear_error(home, monkeypatch, value):
    monkeypatch.setenv(sealing.ENV, value)
    sealing.reset()
    with pytest.raises(sealing.SealingError, match=sealing.ENV):
        sealing.marker("spent", "invitation:1")
