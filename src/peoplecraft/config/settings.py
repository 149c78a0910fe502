"""Peoplecraft settings: one module, configured by ``PEOPLECRAFT_*`` variables and ``DATABASE_URL``.

Every variable is listed in ``.env.example``; ``docs/deploy.md`` explains the team set-up.
"""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF

from peoplecraft.core.env import env_bool, env_int, env_list, env_str
from peoplecraft.core.paths import DATABASE_FILE, data_dir, secret_key

PACKAGE_DIR = Path(__file__).resolve().parent.parent
HOME = data_dir()

SECRET_KEY = env_str("PEOPLECRAFT_SECRET_KEY", "") or secret_key(HOME)
DEBUG = env_bool("PEOPLECRAFT_DEBUG", False)
ALLOWED_HOSTS = env_list("PEOPLECRAFT_ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]"])
CSRF_TRUSTED_ORIGINS = env_list("PEOPLECRAFT_CSRF_TRUSTED_ORIGINS", [])
# The address printed in sign-in links and e-mails (scheme://host:port, no trailing slash).
BASE_URL = env_str("PEOPLECRAFT_BASE_URL", "").rstrip("/")

INSTALLED_APPS = [
    "peoplecraft.core.admin_site.PeoplecraftAdminConfig",  # django.contrib.admin, declared lookups only
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "csp",
    "django_htmx",
    "template_partials",
    "axes",
    "peoplecraft.core",
    "peoplecraft.accounts",
    "peoplecraft.skillmap",
    "peoplecraft.assessment",
    "peoplecraft.writing",
    "peoplecraft.scenarios",
    # Reflection journal and goals (issue 7)
    "peoplecraft.journal",
    "peoplecraft.goals",
    # Learn and practice (issue 6)
    "peoplecraft.learning",
    "peoplecraft.practice",
    # 360° feedback and its background tasks (reminders), run by `peoplecraft worker`.
    "django_tasks",
    "django_tasks_db",
    "peoplecraft.feedback",
    "peoplecraft.exchange",
    "peoplecraft.dashboard",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "peoplecraft.core.middleware.PrivateCacheMiddleware",
    "peoplecraft.core.middleware.ReadOnlyDataMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "peoplecraft.config.urls"
WSGI_APPLICATION = "peoplecraft.config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PACKAGE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "peoplecraft.core.context_processors.navigation",
            ],
        },
    },
]

# --- Database: SQLite in the data directory unless DATABASE_URL says otherwise -------------
_SQLITE_INIT = ";".join(
    [
        "PRAGMA journal_mode=WAL",
        "PRAGMA synchronous=NORMAL",
        "PRAGMA foreign_keys=ON",
        "PRAGMA busy_timeout=5000",
        # Deleted rows (drafts, answers, sign-in tokens) are overwritten with zeros, not left in free pages.
        "PRAGMA secure_delete=ON",
    ]
)
if env_str("DATABASE_URL", ""):
    DATABASES = {"default": dj_database_url.config(conn_max_age=60, conn_health_checks=True)}
else:
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": HOME / DATABASE_FILE,
            # IMMEDIATE takes the write lock at BEGIN, so concurrent writers wait on the
            # busy timeout instead of failing with "database is locked" mid-transaction.
            "OPTIONS": {"transaction_mode": "IMMEDIATE", "timeout": 5, "init_command": _SQLITE_INIT},
        }
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Caches -------------------------------------------------------------------------------------
# "default" holds rate-limit counters and memoised pools. `peoplecraft serve` runs one worker
# process per core, so with PEOPLECRAFT_REDIS_URL set (a team server) it lives in Redis, shared by
# every worker. Without Redis it stays in each process's memory: the rater-link limit is then
# counted per worker (the tokens are unguessable; the limit is a second line). Counters keyed by a
# client address are never written to disk or the database, where the learner could read them.
# "charts" keeps rendered charts by a hash of their inputs (core/chart_cache.py): files under the
# data directory, shared by every worker, or Redis (needs the ``redis`` package).
REDIS_URL = env_str("PEOPLECRAFT_REDIS_URL", "")
CHART_CACHE_SECONDS = env_int("PEOPLECRAFT_CHART_CACHE_SECONDS", 30 * 24 * 60 * 60)
CACHES = {
    "default": (
        {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "peoplecraft-shared",
        }
        if REDIS_URL
        else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    ),
    "charts": (
        {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "peoplecraft",
            "TIMEOUT": CHART_CACHE_SECONDS,
        }
        if REDIS_URL
        else {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": str(HOME / "cache" / "charts"),
            "TIMEOUT": CHART_CACHE_SECONDS,
            "OPTIONS": {"MAX_ENTRIES": 5000},
        }
    ),
}

# --- Accounts and sign-in -------------------------------------------------------------------
AUTH_USER_MODEL = "accounts.User"
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "/"
SIGN_IN_LINK_MINUTES = env_int("PEOPLECRAFT_SIGN_IN_LINK_MINUTES", 60 * 24)

# Throttle per (username, address) pair: an attacker elsewhere cannot lock the owner out...
AXES_FAILURE_LIMIT = env_int("PEOPLECRAFT_LOGIN_FAILURE_LIMIT", 5)
# ...and per account across all addresses (accounts/throttle.py): many addresses cannot guess without end.
AXES_HANDLER = "peoplecraft.accounts.throttle.AccountThrottleHandler"
LOGIN_ACCOUNT_FAILURE_LIMIT = env_int("PEOPLECRAFT_LOGIN_ACCOUNT_FAILURE_LIMIT", 20)
AXES_COOLOFF_TIME = timedelta(minutes=env_int("PEOPLECRAFT_LOGIN_COOLOFF_MINUTES", 15))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "accounts/locked_out.html"
AXES_IPWARE_PROXY_COUNT = env_int("PEOPLECRAFT_PROXY_COUNT", 0)
AXES_VERBOSE = False

# --- Security headers -----------------------------------------------------------------------
HTTPS = env_bool("PEOPLECRAFT_HTTPS", False)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
# HSTS is always configured; Django sends it on HTTPS responses only (browsers ignore it on HTTP).
SECURE_HSTS_SECONDS = env_int("PEOPLECRAFT_HSTS_SECONDS", 31_536_000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = env_bool("PEOPLECRAFT_HSTS_PRELOAD", True)
if HTTPS:
    SECURE_SSL_REDIRECT = True
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_REDIRECT_EXEMPT = [r"^healthz$"]

CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
        "base-uri": [NONE],
        "object-src": [NONE],
    }
}

# --- Static files (vendored, served by WhiteNoise) -------------------------------------------
STATIC_URL = "/static/"
STATICFILES_DIRS = [PACKAGE_DIR / "static"]
STATIC_ROOT = env_str("PEOPLECRAFT_STATIC_ROOT", "") or None  # only for collectstatic deployments
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = DEBUG

# --- E-mail: printed to stderr locally, SMTP when PEOPLECRAFT_EMAIL_HOST is set ---------------
# The console backend is ours, on stderr: a command's stdout carries only its output.
EMAIL_HOST = env_str("PEOPLECRAFT_EMAIL_HOST", "")
EMAIL_BACKEND = env_str(
    "PEOPLECRAFT_EMAIL_BACKEND",
    "django.core.mail.backends.smtp.EmailBackend" if EMAIL_HOST else "peoplecraft.core.mail.ConsoleEmailBackend",
)
if EMAIL_BACKEND == "django.core.mail.backends.console.EmailBackend":
    EMAIL_BACKEND = "peoplecraft.core.mail.ConsoleEmailBackend"
EMAIL_PORT = env_int("PEOPLECRAFT_EMAIL_PORT", 587)
EMAIL_HOST_USER = env_str("PEOPLECRAFT_EMAIL_USER", "")
EMAIL_HOST_PASSWORD = env_str("PEOPLECRAFT_EMAIL_PASSWORD", "")
EMAIL_USE_TLS = env_bool("PEOPLECRAFT_EMAIL_USE_TLS", True)
# A mail server that accepts the connection and then says nothing must not hang a request for ever.
EMAIL_TIMEOUT = env_int("PEOPLECRAFT_EMAIL_TIMEOUT", 20)
DEFAULT_FROM_EMAIL = env_str("PEOPLECRAFT_EMAIL_FROM", "Peoplecraft <peoplecraft@localhost>")

# --- Internationalisation ---------------------------------------------------------------
LANGUAGE_CODE = "en"
TIME_ZONE = env_str("PEOPLECRAFT_TIME_ZONE", "UTC")
USE_I18N = True
USE_TZ = True

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    # Rater links carry their token in the path: never write one to a log.
    "filters": {"rater_tokens": {"()": "peoplecraft.feedback.logsafe.RedactRaterTokens"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "filters": ["rater_tokens"]}},
    "root": {"handlers": ["console"], "level": env_str("PEOPLECRAFT_LOG_LEVEL", "WARNING")},
}

# --- Background tasks (feedback reminders): a database queue, run by `peoplecraft worker` ---
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

# --- 360° feedback ----------------------------------------------------------------------------
# Rater link hits per client address per window before the public token page answers 429.
FEEDBACK_TOKEN_RATE_LIMIT = env_int("PEOPLECRAFT_FEEDBACK_TOKEN_RATE_LIMIT", 30)
FEEDBACK_TOKEN_RATE_WINDOW = env_int("PEOPLECRAFT_FEEDBACK_TOKEN_RATE_WINDOW", 600)  # seconds
# How long the cookie that replaces a rater's token lasts.
FEEDBACK_RATER_COOKIE_SECONDS = env_int("PEOPLECRAFT_FEEDBACK_RATER_COOKIE_SECONDS", 2 * 60 * 60)
# Whether Peoplecraft can e-mail raters (then the learner never sees their links). Backends that
# deliver nothing to a rater -- the console (the learner's own terminal), memory, files, dummy --
# do not count; PEOPLECRAFT_FEEDBACK_EMAIL=on|off overrides the guess (docs/feedback.md).
_NOT_DELIVERING = {
    "peoplecraft.core.mail.ConsoleEmailBackend",
    "django.core.mail.backends.locmem.EmailBackend",
    "django.core.mail.backends.filebased.EmailBackend",
    "django.core.mail.backends.dummy.EmailBackend",
}
FEEDBACK_EMAIL_AVAILABLE = env_bool("PEOPLECRAFT_FEEDBACK_EMAIL", EMAIL_BACKEND not in _NOT_DELIVERING)

# --- Who runs this Peoplecraft (docs/anonymity.md) ----------------------------------------
# Empty: a personal installation, run by the learner themselves (rater pages say so).
# Set: a team server run by this organisation; its owner is not a superuser by default.
ORGANISATION_NAME = env_str("PEOPLECRAFT_ORGANISATION", "").strip()
TEAM_SERVER = bool(ORGANISATION_NAME)
