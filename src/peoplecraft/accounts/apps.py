from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "peoplecraft.accounts"
    label = "accounts"
