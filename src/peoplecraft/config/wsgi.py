"""WSGI entry point used by the production server (granian) and ``peoplecraft serve``."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "peoplecraft.config.settings")
application = get_wsgi_application()
