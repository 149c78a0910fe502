from django.urls import path

from peoplecraft.writing import views

app_name = "writing"
urlpatterns = [
    path("", views.editor, name="editor"),
    path("analyze/", views.analyze_text, name="analyze"),
    path("save/", views.save, name="save"),
    path("progress.svg", views.progress_chart, name="progress_chart"),
    path("<int:draft_id>/", views.editor, name="draft"),
    path("<int:draft_id>/save/", views.save, name="save_draft"),
    path("<int:draft_id>/delete/", views.delete, name="delete"),
]
