from django.urls import path

from peoplecraft.skillmap import views

app_name = "skillmap"
urlpatterns = [
    path("", views.skill_map, name="map"),
    path("import/", views.guide_import, name="import"),
    path("guide/<int:guide_id>/activate/", views.guide_activate, name="activate"),
    path("area/<int:area_id>/", views.area_detail, name="area"),
    path("skill/<int:skill_id>/", views.skill_detail, name="skill"),
    path("skill/<int:skill_id>/status/", views.skill_status, name="status"),
]
