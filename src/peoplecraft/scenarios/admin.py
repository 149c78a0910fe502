from django.contrib import admin

from peoplecraft.scenarios.models import ScenarioPlay


@admin.register(ScenarioPlay)
class ScenarioPlayAdmin(admin.ModelAdmin):
    list_display = ("scenario_id", "owner", "started_at", "finished_at", "total_score")
    list_filter = ("scenario_id",)
    readonly_fields = ("path", "result")
