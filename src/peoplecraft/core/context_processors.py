from django.http import HttpRequest

from peoplecraft.core.navigation import nav_items


def navigation(request: HttpRequest) -> dict:
    if not getattr(request, "user", None) or not request.user.is_authenticated:
        return {"nav_items": ()}
    return {"nav_items": nav_items()}
