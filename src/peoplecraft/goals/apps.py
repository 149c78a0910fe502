from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GoalsConfig(AppConfig):
    name = "peoplecraft.goals"
    label = "goals"
    verbose_name = _("Goals")
    nav_items = ((_("Goals"), "goals:home", 55),)

    def ready(self) -> None:
        from peoplecraft.core.integrations import defer

        defer("peoplecraft.goals.practice_sources:register_builtins")  # registered on first use: keeps start-up fast
        defer("peoplecraft.goals.integrations:register")
