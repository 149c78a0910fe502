from django.urls import path

from peoplecraft.accounts import views

app_name = "accounts"
urlpatterns = [
    path("sign-in/", views.SignInView.as_view(), name="login"),
    path("sign-out/", views.SignOutView.as_view(), name="logout"),
    path("settings/", views.settings_page, name="settings"),
    path("settings/name/", views.display_name_set, name="display_name"),
    path("sign-in/link/<str:token>/", views.sign_in_link, name="sign_in_link"),
]
