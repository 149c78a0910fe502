from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ExchangeConfig(AppConfig):
    """Backup and restore of a whole installation (no models of its own)."""

    name = "peoplecraft.exchange"
    label = "exchange"
    verbose_name = _("Backup and restore")
