from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SkillmapConfig(AppConfig):
    name = "peoplecraft.skillmap"
    label = "skillmap"
    verbose_name = _("Skill map")
    # (label, url name, order): read by core.navigation; the skill map always has content.
    nav_items = ((_("Skill map"), "skillmap:map", 0),)
