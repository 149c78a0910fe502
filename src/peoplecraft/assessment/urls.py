from django.urls import path

from peoplecraft.assessment import views

app_name = "assessment"
urlpatterns = [
    path("", views.home, name="home"),
    path("start/", views.start, name="start"),
    path("<int:assessment_id>/retest/", views.retest_start, name="retest"),
    path("<int:assessment_id>/page/<int:page>/", views.take, name="take"),
    path("<int:assessment_id>/", views.results, name="results"),
    path("<int:assessment_id>/radar.svg", views.radar, name="radar"),
    path("self-scores.svg", views.self_scores_chart, name="self_scores_chart"),
    path("skill/<int:skill_id>/", views.skill_history, name="skill"),
    path("skill/<int:skill_id>/trend.svg", views.skill_trend, name="trend"),
    path("validity/", views.validity, name="validity"),
    path("focus/<int:skill_id>/", views.focus, name="focus"),
]
