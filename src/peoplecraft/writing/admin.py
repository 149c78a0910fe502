from django.contrib import admin

from peoplecraft.writing.models import Draft


@admin.register(Draft)
class DraftAdmin(admin.ModelAdmin):
    list_display = ("__str__", "owner", "context", "score", "updated_at")
    list_filter = ("context",)
