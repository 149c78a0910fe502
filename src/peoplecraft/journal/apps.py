from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class JournalConfig(AppConfig):
    name = "peoplecraft.journal"
    label = "journal"
    verbose_name = _("Reflection journal")
    nav_items = ((_("Reflect"), "journal:home", 50),)

    def ready(self) -> None:
        from peoplecraft.core.integrations import defer

        defer("peoplecraft.journal.providers:register_builtins")  # registered on first use: keeps start-up fast
