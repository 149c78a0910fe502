from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FeedbackConfig(AppConfig):
    name = "peoplecraft.feedback"
    label = "feedback"
    verbose_name = _("360° feedback")
    # (label, url name, order): read by core.navigation.
    nav_items = ((_("Feedback"), "feedback:home", 40),)

    def ready(self) -> None:
        from peoplecraft.core.integrations import defer

        defer("peoplecraft.feedback.integrations:register")  # registered on first use: keeps start-up fast
