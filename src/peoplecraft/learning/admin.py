from django.contrib import admin

from peoplecraft.learning.models import ReadingItem


@admin.register(ReadingItem)
class ReadingItemAdmin(admin.ModelAdmin):
    list_display = ("title", "owner", "kind", "status", "added_at")
    list_filter = ("status", "kind")
