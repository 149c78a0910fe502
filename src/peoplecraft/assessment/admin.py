from django.contrib import admin

from peoplecraft.assessment.models import Assessment, SkillResult


@admin.register(Assessment)
class AssessmentAdmin(admin.ModelAdmin):
    list_display = ["owner", "guide", "scope", "started_at", "completed_at"]
    list_filter = ["scope", "source"]


@admin.register(SkillResult)
class SkillResultAdmin(admin.ModelAdmin):
    list_display = ["assessment", "skill", "score", "answered", "items", "status"]
