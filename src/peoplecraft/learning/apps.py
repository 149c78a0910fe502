from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LearningConfig(AppConfig):
    name = "peoplecraft.learning"
    label = "learning"
    verbose_name = _("Learn")
    nav_items = ((_("Learn"), "learning:home", 20),)

    def ready(self) -> None:
        from peoplecraft.core.integrations import defer

        defer("peoplecraft.learning.integrations:register")  # registered on first use: keeps start-up fast
