from django.http import HttpRequest

from peoplecraft.core.navigation import nav_items


def navigation(request: HttpRequest) -> dict:
    if not getattr(request, "user", None) or not request.user.is_authenticated:
        return {"nav_items": (), "nav_current": None}
    items = nav_items()
    # The most specific section wins: /practice/scenarios/ is Scenarios, not Practice.
    # Today ("/") is current on the home page only, not as the prefix of every path.
    matches = [item.url for item in items if _within(request.path, item.url)]
    return {"nav_items": items, "nav_current": max(matches, key=len, default=None)}


def _within(path: str, url: str) -> bool:
    return path == url or (url != "/" and path.startswith(url))
