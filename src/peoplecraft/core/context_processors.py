from django.http import HttpRequest

from peoplecraft.core.navigation import nav_items


def navigation(request: HttpRequest) -> dict:
    if not getattr(request, "user", None) or not request.user.is_authenticated:
        return {"nav_items": (), "nav_current": None}
    items = nav_items()
    # The most specific section wins: /practice/scenarios/ is Scenarios, not Practice.
    matches = [item.url for item in items if request.path.startswith(item.url)]
    return {"nav_items": items, "nav_current": max(matches, key=len, default=None)}
