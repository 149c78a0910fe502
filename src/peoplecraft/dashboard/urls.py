from django.urls import path

from peoplecraft.dashboard import views

app_name = "dashboard"
urlpatterns = [path("", views.progress, name="progress")]
