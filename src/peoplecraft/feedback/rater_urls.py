"""The public rater area under /r/: the token link, then token-free pages."""

from django.urls import path

from peoplecraft.feedback import rater_views

app_name = "rater"
urlpatterns = [
    path("", rater_views.form, name="form"),
    path("decline/", rater_views.decline, name="decline"),
    path("done/", rater_views.done, name="done"),
    path("moment/", rater_views.moment, name="moment"),
    path("anonymity/", rater_views.anonymity, name="anonymity"),
    path("<str:token>/", rater_views.start, name="start"),
]
