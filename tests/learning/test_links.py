"""Links the learner types: http/https only, with a host, no spaces, bounded length."""

from __future__ import annotations

import pytest

from peoplecraft.learning.links import MAX_URL_LENGTH, LinkError, clean_url


@pytest.mark.parametrize("url", ["https://example.org/book", "http://example.org", "  https://a.example/x?y=1#z  "])
def test_good_links_are_kept(url):
    assert clean_url(url) == url.strip()


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("javascript:alert(1)", "Only http"),
        ("ftp://example.org/file", "Only http"),
        ("file:///etc/passwd", "Only http"),
        ("https://", "host name"),
        ("https://nodot", "host name"),
        ("https://example.org/a b", "spaces"),
        ("https://example.org:99999/", "not a valid"),
        ("", "Enter a link"),
        ("https://example.org/" + "a" * MAX_URL_LENGTH, "longer than"),
    ],
)
def test_bad_links_are_refused_with_a_reason(url, message):
    with pytest.raises(LinkError, match=message):
        clean_url(url)
