import os
import subprocess
import sys
from io import StringIO

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import call_command

pytestmark = pytest.mark.django_db


def test_no_pending_migrations():
    call_command("makemigrations", "--check", "--dry-run", verbosity=0)


def test_italian_first_then_english():
    assert settings.LANGUAGE_CODE == "it"
    assert [code for code, _ in settings.LANGUAGES] == ["it", "en"]
    assert settings.MODELTRANSLATION_FALLBACK_LANGUAGES == ("it",)


def import_prod_settings(**env):
    clean = {k: v for k, v in os.environ.items() if k not in {"SECRET_KEY", "ALLOWED_HOSTS", "DATABASE_URL"}}
    return subprocess.run(
        [sys.executable, "-c", "import recs.settings.prod"],
        env=clean | env,
        capture_output=True,
        text=True,
        cwd=settings.BASE_DIR,
    )


A_KEY = "k3y-" + "0123456789abcdefghij" * 3


@pytest.mark.parametrize(
    "env, missing",
    [
        ({}, "Set SECRET_KEY"),
        ({"SECRET_KEY": "s3cret-value"}, "SECRET_KEY is too short"),
        ({"SECRET_KEY": A_KEY}, "Set ALLOWED_HOSTS"),
        ({"SECRET_KEY": A_KEY, "ALLOWED_HOSTS": "recs.it"}, "Set DATABASE_URL"),
    ],
)
def test_production_refuses_to_start_without_its_settings(env, missing):
    result = import_prod_settings(**env)
    assert result.returncode != 0
    assert missing in result.stderr


def test_production_starts_with_its_settings():
    result = import_prod_settings(
        SECRET_KEY=A_KEY, ALLOWED_HOSTS="recs.it", DATABASE_URL="postgres://u@db/recs"
    )
    assert result.returncode == 0, result.stderr


def test_local_admin_is_created_once_with_a_password_shown_once(monkeypatch):
    monkeypatch.setattr(sys.stdin, "isatty", lambda: False, raising=False)
    out = StringIO()
    call_command("create_local_admin", stdout=out)
    password = next(
        line.split(":", 1)[1].strip() for line in out.getvalue().splitlines() if "password:" in line
    )
    admin = get_user_model().objects.get(username="admin")
    assert admin.is_superuser and admin.check_password(password)

    again = StringIO()
    call_command("create_local_admin", stdout=again)
    assert "already exists" in again.getvalue()
    assert password not in again.getvalue()
    assert get_user_model().objects.count() == 1
