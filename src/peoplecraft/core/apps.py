from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "peoplecraft.core"
    label = "core"
