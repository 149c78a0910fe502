from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AssessmentConfig(AppConfig):
    name = "peoplecraft.assessment"
    label = "assessment"
    verbose_name = _("Self-assessment")
    # (label, url name, order): read by core.navigation.
    nav_items = ((_("Assess"), "assessment:home", 10),)

    def ready(self) -> None:
        from peoplecraft.core.integrations import defer

        defer("peoplecraft.assessment.integrations:register")  # registered on first use: keeps start-up fast
