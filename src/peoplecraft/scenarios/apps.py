from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ScenariosConfig(AppConfig):
    name = "peoplecraft.scenarios"
    label = "scenarios"
    verbose_name = _("Conversation scenarios")
    # (label, url name, order): read by core.navigation. Pages live under /practice/scenarios/.
    nav_items = ((_("Scenarios"), "scenarios:list", 27),)

    def ready(self) -> None:
        from peoplecraft.core.integrations import defer

        defer("peoplecraft.scenarios.journal_prompts:register")  # registered on first use: keeps start-up fast
