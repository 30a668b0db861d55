"""Production settings: fail fast when a value production needs is missing."""

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import DATABASE_URL_GIVEN, INSECURE_DEVELOPMENT_KEY, SECRET_KEY, env_list

DEBUG = False

if SECRET_KEY == INSECURE_DEVELOPMENT_KEY:
    raise ImproperlyConfigured("Set SECRET_KEY in the environment.")
if not env_list("ALLOWED_HOSTS"):
    raise ImproperlyConfigured("Set ALLOWED_HOSTS in the environment (comma-separated).")
if not DATABASE_URL_GIVEN:
    raise ImproperlyConfigured("Set DATABASE_URL in the environment (postgres://...).")

SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_CONTENT_TYPE_NOSNIFF = True
