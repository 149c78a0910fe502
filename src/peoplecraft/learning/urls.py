from django.urls import path

from peoplecraft.learning import views

app_name = "learning"
urlpatterns = [
    path("", views.home, name="home"),
    path("catalogue/", views.catalogue, name="catalogue"),
    path("catalogue/<slug:resource_id>/", views.resource, name="resource"),
    path("add/", views.add_from_catalogue, name="add"),
    path("own/", views.add_own, name="own"),
    path("item/<int:item_id>/", views.item_detail, name="item"),
    path("item/<int:item_id>/update/", views.item_update, name="update"),
    path("item/<int:item_id>/remove/", views.item_remove, name="remove"),
]
