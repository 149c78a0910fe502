from django.urls import path

from peoplecraft.feedback import confirm_views, moment_views, views

app_name = "feedback"
urlpatterns = [
    path("", views.home, name="home"),
    path("new/", views.create, name="create"),
    path("<int:request_id>/", views.detail, name="detail"),
    path("<int:request_id>/results/", views.results_page, name="results"),
    path("<int:request_id>/results.json", views.export_json, name="export_json"),
    path("<int:request_id>/results.csv", views.export_csv, name="export_csv"),
    path("<int:request_id>/chart.svg", views.chart, name="chart"),
    path("<int:request_id>/self/", views.self_answers, name="self"),
    path("<int:request_id>/close/", views.close, name="close"),
    path("<int:request_id>/thresholds/", views.thresholds, name="thresholds"),
    path("<int:request_id>/delete/", views.delete, name="delete"),
    path("<int:request_id>/invitations/<int:invitation_id>/resend/", views.resend, name="resend"),
    path("confirm/<int:entry_id>/", confirm_views.confirm, name="confirm"),
    path("moments/new/", moment_views.moment_create, name="moment_create"),
    path("moments/results.json", moment_views.moments_json, name="moments_json"),
    path("moments/<int:moment_id>/", moment_views.moment_detail, name="moment"),
    path("moments/<int:moment_id>/close/", moment_views.moment_close, name="moment_close"),
]
