from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DashboardConfig(AppConfig):
    """Today (the home page) and progress across every step of the method. Owns no models: it reads
    other apps' selectors and their Today actions (``core.contributions``)."""

    name = "peoplecraft.dashboard"
    label = "dashboard"
    verbose_name = _("Progress")
    nav_items = ((_("Today"), "home", -10), (_("Progress"), "dashboard:progress", 60))
