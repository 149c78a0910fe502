"""``{% practice_reminder_settings %}``: the practice reminder opt-in, for the account settings page.

A tag, so the accounts app does not import practice: the settings page only loads it.
"""

from django import template

from peoplecraft.practice.models import PracticeReminder

register = template.Library()


@register.inclusion_tag("practice/_reminder_settings.html", takes_context=True)
def practice_reminder_settings(context) -> dict:
    user = context["request"].user
    enabled = PracticeReminder.objects.filter(owner=user, enabled=True).exists()
    return {"enabled": enabled, "user": user, "csrf_token": context.get("csrf_token")}
