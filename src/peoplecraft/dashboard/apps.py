from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DashboardConfig(AppConfig):
    """Progress across every step of the method. Owns no models: it reads other apps' selectors."""

    name = "peoplecraft.dashboard"
    label = "dashboard"
    verbose_name = _("Progress")
    nav_items = ((_("Progress"), "dashboard:progress", 60),)
