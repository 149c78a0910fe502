from django.contrib import admin
from django.urls import include, path

from peoplecraft.core import trash_views
from peoplecraft.core import views as core_views
from peoplecraft.dashboard import views as dashboard_views

urlpatterns = [
    path("", dashboard_views.today, name="home"),  # Today: the next actions, the skill map one click further
    path("healthz", core_views.healthz, name="healthz"),
    path("ping", core_views.ping, name="ping"),
    path("undo/<int:item_id>/", trash_views.undo, name="undo"),
    path("accounts/", include("peoplecraft.accounts.urls")),
    path("skills/", include("peoplecraft.skillmap.urls")),
    path("assess/", include("peoplecraft.assessment.urls")),
    path("write/", include("peoplecraft.writing.urls")),
    # Scenarios live under practice/: keep this before any other "practice/" include.
    path("practice/scenarios/", include("peoplecraft.scenarios.urls")),
    # Reflection journal and goals (issue 7)
    path("journal/", include("peoplecraft.journal.urls")),
    path("goals/", include("peoplecraft.goals.urls")),
    # Learn and practice (issue 6)
    path("learn/", include("peoplecraft.learning.urls")),
    path("practice/", include("peoplecraft.practice.urls")),
    path("feedback/", include("peoplecraft.feedback.urls")),
    path("r/", include("peoplecraft.feedback.rater_urls")),
    path("progress/", include("peoplecraft.dashboard.urls")),
    path("admin/", admin.site.urls),
]

handler400 = "peoplecraft.core.views.bad_request"
handler403 = "peoplecraft.core.views.permission_denied"
handler404 = "peoplecraft.core.views.page_not_found"
handler500 = "peoplecraft.core.views.server_error"
