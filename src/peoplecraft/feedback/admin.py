"""Admin: requests and invitations only, without anything that tells who answered or what.

Rater responses and releases are not registered at all; an invitation shows its e-mail and group
but never its state, draft or token hash. Nothing can be deleted here either: Django's delete
confirmation lists related objects, which would count responses and reminders. Learners delete
their requests in the app. The owner of an installation is usually also its admin.
"""

from django.contrib import admin

from peoplecraft.feedback.models import FeedbackRequest, Invitation


class InvitationInline(admin.TabularInline):
    model = Invitation
    fields = ["email", "group"]
    readonly_fields = ["email", "group"]
    can_delete = False
    extra = 0
    max_num = 0


@admin.register(FeedbackRequest)
class FeedbackRequestAdmin(admin.ModelAdmin):
    list_display = ["pk", "owner", "deadline", "created_at", "closed_at"]
    fields = ["owner", "guide", "message", "deadline", "reminder_days", "attribute_manager", "thresholds", "closed_at"]
    readonly_fields = fields
    inlines = [InvitationInline]

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False  # its confirmation page would count responses and reminders


@admin.register(Invitation)
class InvitationAdmin(admin.ModelAdmin):
    list_display = ["email", "group", "request"]
    fields = ["request", "email", "group"]
    readonly_fields = fields
    list_filter = []  # no filter by state: it would list who answered

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False  # its confirmation page would count responses and reminders
