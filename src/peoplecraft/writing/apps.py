from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WritingConfig(AppConfig):
    name = "peoplecraft.writing"
    label = "writing"
    verbose_name = _("Writing coach")
    nav_items = ((_("Write"), "writing:editor", 30),)
