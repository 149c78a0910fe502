from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AssessmentConfig(AppConfig):
    name = "peoplecraft.assessment"
    label = "assessment"
    verbose_name = _("Self-assessment")
    # (label, url name, order): read by core.navigation.
    nav_items = ((_("Assess"), "assessment:home", 10),)
