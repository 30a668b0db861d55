"""Settings shared by every environment.

This is the one module that reads the environment. Its defaults suit a laptop
(SQLite file in the project folder, local-memory cache, e-mail on the console);
``prod.py`` refuses to start when a value production needs was not given.
"""

import datetime
import os
from email.utils import getaddresses
from pathlib import Path

import dj_database_url

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env_bool(name, default):
    value = os.environ.get(name)
    if value is None or value.strip() == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name):
    return [item.strip() for item in os.environ.get(name, "").split(",") if item.strip()]


def env_int(name, default):
    value = os.environ.get(name, "").strip()
    return int(value) if value else default


# --- Values read from the environment -------------------------------------
DEBUG = env_bool("DEBUG", True)
# The fallback key is for local development only: prod.py rejects it.
INSECURE_DEVELOPMENT_KEY = "django-insecure-local-development-only"
SECRET_KEY = os.environ.get("SECRET_KEY") or INSECURE_DEVELOPMENT_KEY
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS") or ["127.0.0.1", "localhost", "[::1]"]
DATABASE_URL_GIVEN = bool(os.environ.get("DATABASE_URL"))
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        # Persistent connections, checked before each request reuses them.
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
}
# Seconds a web request's SQL statement may run before PostgreSQL cancels it (0: no limit).
# manage.py sets it to 0 for commands (migrations, backups) unless it is given.
DATABASE_STATEMENT_TIMEOUT = env_int("DATABASE_STATEMENT_TIMEOUT", 10)
# Redis, when given, is the cache shared by every app instance.
REDIS_URL = os.environ.get("REDIS_URL", "")
# Whole public pages cached for anonymous visitors (recs/common/page_cache.py): on with
# Redis unless CACHE_PAGES=false (for measuring and debugging).
CACHE_PAGES = env_bool("CACHE_PAGES", bool(REDIS_URL))
PAGE_CACHE_SECONDS = env_int("PAGE_CACHE_SECONDS", 600)
#: The association's logo in the header, as a static file's path (e.g. "recs/logo.svg"
#: once the file is in static/): empty, the header shows the name alone.
SITE_LOGO = os.environ.get("SITE_LOGO", "")
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT") or BASE_DIR / "media")
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT") or BASE_DIR / "staticfiles")
# What delivers the mail queue's messages (the queue itself always stands in front).
EMAIL_DELIVERY_BACKEND_GIVEN = os.environ.get("EMAIL_BACKEND", "")
EMAIL_DELIVERY_BACKEND = EMAIL_DELIVERY_BACKEND_GIVEN or "django.core.mail.backends.console.EmailBackend"
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
EMAIL_TIMEOUT = env_int("EMAIL_TIMEOUT", 10)
# People mailed the traceback of every server error: "Name <address>, other@address".
ADMINS = getaddresses(env_list("ADMINS"))
# The association's office is told of every change of a city's adhesion status.
RECS_OFFICE_EMAIL = os.environ.get("RECS_OFFICE_EMAIL", "info@recs.it")
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "RECS – Rete Città Strategiche <info@recs.it>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
# Production only: the site is reached over HTTPS (behind a proxy that sets X-Forwarded-Proto).
HTTPS = env_bool("HTTPS", True)
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31_536_000)
BACKUP_DIR = Path(os.environ.get("BACKUP_DIR") or BASE_DIR / "backups")
LOG_LEVEL = os.environ.get("LOG_LEVEL", "INFO").upper()
# ---------------------------------------------------------------------------

INSTALLED_APPS = [
    # modeltranslation must come before the admin to patch its forms.
    "modeltranslation",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django_countries",
    "post_office",
    "dbbackup",
    "recs.apps.SignInRecordsConfig",  # django-axes
    "csp",
    "django_prose_editor",
    "simple_history",
    "recs.common",
    "recs",
    "recs.pages",
    "recs.mailinglist",
    "cities",
    "events",
    "pressreview",
    "recs.publications",
    "recs.newsletter",
    "recs.site",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "recs.common.importmap_csp.allow_import_maps",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # ETag and Last-Modified answered with 304: feeds, calendars and the sitemap are polled.
    "django.middleware.http.ConditionalGetMiddleware",
    # Anonymous visitors' pages from the shared cache (settings below), before any session.
    "recs.common.page_cache.PageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Who saved each version of the content (recs.common.versions).
    "simple_history.middleware.HistoryRequestMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "recs.outage.DatabaseOutageMiddleware",
    # Last, as django-axes asks: it answers a locked-out login.
    "axes.middleware.AxesMiddleware",
]

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",  # refuses a locked-out login before checking it
    "django.contrib.auth.backends.ModelBackend",
]

ROOT_URLCONF = "recs.urls"
WSGI_APPLICATION = "recs.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "recs.pages.context_processors.site",
                "recs.site.menu.main_menu",
                "recs.site.menu.branding",
            ],
        },
    },
]

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "recs",
            # A cache that does not answer must not hold a request up.
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# Saving or deleting a model of these apps invalidates every cached page.
PAGE_CACHE_CONTENT_APPS = {"pages", "cities", "events", "pressreview", "publications", "newsletter"}
PAGE_CACHE_SKIPPED_PATHS = ("/admin/", "/healthz", "/readyz")

# Languages: Italian first, English second. Names are shown in their own language.
LANGUAGE_CODE = "it"
LANGUAGES = [("it", "Italiano"), ("en", "English")]
# PostgreSQL's text-search configuration (stemming) for each language.
LANGUAGE_TEXT_SEARCH = {"it": "italian", "en": "english"}
LOCALE_PATHS = [BASE_DIR / "locale"]
FORMAT_MODULE_PATH = ["recs.formats"]
USE_I18N = True
TIME_ZONE = "Europe/Rome"
USE_TZ = True

# Content translation: Italian is required, English falls back to Italian.
MODELTRANSLATION_DEFAULT_LANGUAGE = "it"
MODELTRANSLATION_LANGUAGES = ("it", "en")
MODELTRANSLATION_FALLBACK_LANGUAGES = ("it",)
MODELTRANSLATION_REQUIRED_LANGUAGES = ("it",)
# The admin's language tabs use jQuery UI, served by the site itself (no CDN).
JQUERY_UI_URL = "vendor/jquery-ui/jquery-ui.min.js"

STATIC_URL = "static/"
STATICFILES_DIRS = [
    BASE_DIR / "static",
    # Installed from npm by the Makefile (package.json pins the versions).
    ("vendor/jquery-ui", BASE_DIR / "node_modules" / "jquery-ui" / "dist"),
    ("vendor/bootstrap-italia", BASE_DIR / "node_modules" / "bootstrap-italia" / "dist"),
]
MEDIA_URL = "media/"
# Outside production (no collectstatic), WhiteNoise serves the files where they lie.
WHITENOISE_USE_FINDERS = True

# Uploads: bounded so that no single file can exhaust memory or disk.
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
DATA_UPLOAD_MAX_MEMORY_SIZE = 2_621_440

# --- Database: every outside call has a timeout ---------------------------
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    DATABASES["default"].setdefault("OPTIONS", {})["connect_timeout"] = 3
    # No JIT compilation: it costs a web page's short queries tens of milliseconds and
    # saves nothing on them (the site runs no long analytical queries).
    DATABASES["default"]["OPTIONS"]["options"] = "-c jit=off" + (
        f" -c statement_timeout={DATABASE_STATEMENT_TIMEOUT * 1000}" if DATABASE_STATEMENT_TIMEOUT else ""
    )

# --- Mail: queued in the database with the change that causes it ----------
# django-post-office keeps every message in a table (in the same transaction as the
# change that sends it); `manage.py run_mail_worker` delivers them, retrying for a day.
EMAIL_BACKEND = "post_office.EmailBackend"
MAIL_WORKER_INTERVAL = datetime.timedelta(seconds=10)
POST_OFFICE = {
    "BACKENDS": {"default": EMAIL_DELIVERY_BACKEND},
    # Mail printed on a developer's console cannot fail: show it at once.
    "DEFAULT_PRIORITY": "now" if EMAIL_DELIVERY_BACKEND.endswith(".console.EmailBackend") else "medium",
    "RETRY_INTERVAL": datetime.timedelta(minutes=1),
    "MAX_RETRIES": 24 * 60,
    "LOG_LEVEL": 2,
    "MESSAGE_ID_ENABLED": True,
    "MESSAGE_ID_FQDN": "recs.it",
}

# --- Backups (django-dbbackup): dated files in BACKUP_DIR -------------------
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    "dbbackup": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": BACKUP_DIR},
    },
}
DBBACKUP_CONNECTORS = {
    "default": {
        "CONNECTOR": {
            "django.db.backends.postgresql": "dbbackup.db.postgresql.PgDumpBinaryConnector",
            "django.db.backends.sqlite3": "dbbackup.db.sqlite.SqliteBackupConnector",
        }[DATABASES["default"]["ENGINE"]],
    }
}
DBBACKUP_SEND_EMAIL = False

# --- Logs: to standard error, where the service manager collects them ----
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {
        "request_context": {"()": "recs.log_context.RequestContextFilter"},
        "require_debug_false": {"()": "django.utils.log.RequireDebugFalse"},
    },
    "formatters": {
        "plain": {"format": "%(asctime)s %(levelname)s %(name)s %(request_context)s%(message)s"},
    },
    "handlers": {
        "stderr": {
            "class": "logging.StreamHandler",
            "stream": "ext://sys.stderr",
            "filters": ["request_context"],
            "formatter": "plain",
        },
        # Goes through the mail queue like every other message.
        "mail_admins": {
            "class": "django.utils.log.AdminEmailHandler",
            "level": "ERROR",
            "filters": ["require_debug_false"],
        },
    },
    "root": {"handlers": ["stderr"], "level": LOG_LEVEL},
    "loggers": {
        "django": {"handlers": ["stderr", "mail_admins"], "level": LOG_LEVEL, "propagate": False},
        # The mail queue says only what went wrong (each attempt is also kept in the admin).
        "post_office": {"handlers": ["stderr"], "level": "WARNING", "propagate": False},
    },
}

# --- Login: locked after repeated failures (django-axes) -------------------
# Counted in the database, so every app instance sees the same attempts.
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = datetime.timedelta(minutes=30)
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]  # each counted on its own
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
AXES_IPWARE_META_PRECEDENCE_ORDER = ["REMOTE_ADDR"]

# --- Rate limits (recs.common.ratelimit): name → (uses, in so many seconds) ----
RATE_LIMITS = {
    # Subscribing sends a mail: a few per connection an hour, and per mailbox a day.
    "subscribe-client": (5, 60 * 60),
    "subscribe-mailbox": (3, 24 * 60 * 60),
    "search": (60, 60),
}

# --- Content-Security-Policy (django-csp): only the site's own scripts run ----------
# No inline script anywhere, public pages and back office alike. Inline styles stay
# allowed: Bootstrap Italia's components and the server-drawn SVG charts use them.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'", "data:"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}
