from django.urls import path

from peoplecraft.scenarios import views

app_name = "scenarios"
urlpatterns = [
    path("", views.scenario_list, name="list"),
    path("<slug:scenario_id>/", views.scenario_detail, name="detail"),
    path("<slug:scenario_id>/start/", views.play_start, name="start"),
    path("play/<int:play_id>/", views.play, name="play"),
    path("play/<int:play_id>/debrief/", views.debrief, name="debrief"),
]
