from django.urls import path

from peoplecraft.journal import views

app_name = "journal"
urlpatterns = [
    path("", views.home, name="home"),
    path("new/", views.new, name="new"),
    path("export.zip", views.export_zip, name="export"),
    path("<int:entry_id>/", views.detail, name="entry"),
    path("<int:entry_id>/edit/", views.edit, name="edit"),
    path("<int:entry_id>/delete/", views.delete, name="delete"),
]
