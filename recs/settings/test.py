"""Test settings: short and fast."""

from .base import *  # noqa: F403

DEBUG = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# Uploaded files written by tests go to a throw-away folder.
import tempfile  # noqa: E402

MEDIA_ROOT = Path(tempfile.mkdtemp(prefix="recs-test-media-"))  # noqa: F405

# Mail goes through the queue as in production and is handed at once to Django's test
# outbox (tests/conftest.py puts the queue back in front of the outbox for every test).
POST_OFFICE = POST_OFFICE | {  # noqa: F405
    "BACKENDS": {"default": "django.core.mail.backends.locmem.EmailBackend"},
    "DEFAULT_PRIORITY": "now",
}
BACKUP_DIR = Path(tempfile.mkdtemp(prefix="recs-test-backups-"))  # noqa: F405
STORAGES = STORAGES | {  # noqa: F405
    "dbbackup": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": BACKUP_DIR},
    }
}
# No collectstatic in tests: WhiteNoise looks files up where they lie.
WHITENOISE_AUTOREFRESH = True
