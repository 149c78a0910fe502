from django.contrib import admin
from django.contrib.auth.admin import UserAdmin

from peoplecraft.accounts.models import User


@admin.register(User)
class PeoplecraftUserAdmin(UserAdmin):
    fieldsets = (*UserAdmin.fieldsets, ("Peoplecraft", {"fields": ("public_name", "role", "is_owner")}))
    list_display = ("username", "email", "role", "is_owner", "is_active")
