"""Production settings: fail fast when a value production needs is missing."""

from django.core.exceptions import ImproperlyConfigured

from recs.static_headers import cache_hashed_files_for_a_year

from .base import *  # noqa: F403
from .base import (
    DATABASE_URL_GIVEN,
    EMAIL_DELIVERY_BACKEND_GIVEN,
    HTTPS,
    INSECURE_DEVELOPMENT_KEY,
    POST_OFFICE,
    SECRET_KEY,
    SECURE_HSTS_SECONDS,
    STORAGES,
    env_list,
)

DEBUG = False

if SECRET_KEY == INSECURE_DEVELOPMENT_KEY:
    raise ImproperlyConfigured("Set SECRET_KEY in the environment.")
if len(SECRET_KEY) < 50:
    raise ImproperlyConfigured("SECRET_KEY is too short: use at least 50 random characters.")
if not env_list("ALLOWED_HOSTS"):
    raise ImproperlyConfigured("Set ALLOWED_HOSTS in the environment (comma-separated).")
if not DATABASE_URL_GIVEN:
    raise ImproperlyConfigured("Set DATABASE_URL in the environment (postgres://...).")

# The mail queue delivers through SMTP unless told otherwise.
if not EMAIL_DELIVERY_BACKEND_GIVEN:
    POST_OFFICE["BACKENDS"]["default"] = "django.core.mail.backends.smtp.EmailBackend"
    POST_OFFICE["DEFAULT_PRIORITY"] = "medium"

# Static files: hashed names and compressed copies, served by WhiteNoise.
STORAGES["staticfiles"] = {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"}
WHITENOISE_ADD_HEADERS_FUNCTION = cache_hashed_files_for_a_year
WHITENOISE_USE_FINDERS = False  # only what collectstatic gathered, hashed

# The visitor's address, as nginx (the one proxy in front) passes it on.
AXES_IPWARE_PROXY_COUNT = 1
AXES_IPWARE_META_PRECEDENCE_ORDER = ["HTTP_X_FORWARDED_FOR", "REMOTE_ADDR"]

# HTTPS: the proxy in front (nginx) tells Django how the visitor reached it.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_SSL_REDIRECT = HTTPS
# Load balancers and the service manager ask these over plain HTTP.
SECURE_REDIRECT_EXEMPT = [r"^healthz$", r"^readyz$"]
SESSION_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SECURE = HTTPS
SECURE_HSTS_SECONDS = SECURE_HSTS_SECONDS if HTTPS else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
