from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PracticeConfig(AppConfig):
    name = "peoplecraft.practice"
    label = "practice"
    verbose_name = _("Practice")
    nav_items = ((_("Practice"), "practice:today", 25),)

    def ready(self) -> None:
        from peoplecraft.core.integrations import defer

        defer("peoplecraft.practice.integrations:register")  # registered on first use: keeps start-up fast
