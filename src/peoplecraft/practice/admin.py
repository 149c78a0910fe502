from django.contrib import admin

from peoplecraft.practice.models import CardState, PracticeEntry


@admin.register(PracticeEntry)
class PracticeEntryAdmin(admin.ModelAdmin):
    list_display = ("occurred_on", "owner", "skill", "source", "self_rating")
    list_filter = ("source",)


@admin.register(CardState)
class CardStateAdmin(admin.ModelAdmin):
    list_display = ("card_id", "owner", "due", "reviews", "last_grade")
