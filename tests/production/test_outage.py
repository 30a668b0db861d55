"""Outages and errors, as one app instance sees them: 503 for a lost database, health checks, logs."""

import io
import logging
import os
import subprocess
import sys

import pytest
from django.core import mail
from django.db import OperationalError, connection
from django.test import RequestFactory
from django.urls import reverse

from recs import outage
from recs.pages import views

from .conftest import ROOT, needs_postgresql

pytestmark = pytest.mark.django_db


def test_a_lost_database_is_a_503_with_a_bilingual_page(client, monkeypatch, django_assert_num_queries):
    def database_gone(*args, **kwargs):
        raise OperationalError("connection to server at 127.0.0.1, port 5432 failed: timeout expired")

    monkeypatch.setattr(views.ContactListView, "get_queryset", database_gone)
    # Answered without touching the database again (the menu, in every page, needs it).
    with django_assert_num_queries(0):
        response = client.get(reverse("pages:contacts"))
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert response["Cache-Control"] == "no-store"
    assert "Servizio momentaneamente non disponibile" in response.text
    assert "Service temporarily unavailable" in response.text
    assert "I dati del sito sono al sicuro" in response.text


def test_a_lost_database_met_outside_a_view_is_a_503_too():
    request = RequestFactory().get("/it/")
    try:
        raise OperationalError("server closed the connection unexpectedly")
    except OperationalError:
        response = outage.server_error(request)
    assert response.status_code == 503
    try:
        raise ValueError("a bug")
    except ValueError:
        response = outage.server_error(request)
    assert response.status_code == 500
    assert "Something went wrong" in response.content.decode()


def test_health_checks(client, django_assert_num_queries, settings):
    with django_assert_num_queries(0):
        alive = client.get("/healthz")
    assert (alive.status_code, alive.text) == (200, "ok\n")
    ready = client.get("/readyz")
    assert ready.status_code == 200
    assert ready.json() == {"status": "ready", "checks": {"database": "ok", "cache": "ok"}}
    assert "no-cache" in ready["Cache-Control"]
    # A cache that does not answer (nothing listens on port 9) makes the instance not ready.
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:9/0",
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
        }
    }
    not_ready = client.get("/readyz")
    assert not_ready.status_code == 503
    assert not_ready.json()["checks"] == {"database": "ok", "cache": "failing"}
    assert not_ready["Retry-After"] == "10"


@pytest.fixture
def error_log():
    """What the site writes to standard error, in the configured format."""
    [handler] = [h for h in logging.getLogger("django").handlers if h.name == "stderr"]
    stream = io.StringIO()
    original = handler.setStream(stream)
    yield stream
    handler.setStream(original)


def test_a_server_error_is_logged_with_its_traceback_and_mailed_to_the_admins(
    client, superuser, monkeypatch, error_log, settings
):
    settings.ADMINS = [("Webmaster", "webmaster@recs.example")]

    def broken(*args, **kwargs):
        raise RuntimeError("a bug in the contacts page")

    monkeypatch.setattr(views.ContactListView, "get_queryset", broken)
    client.raise_request_exception = False
    client.force_login(superuser)
    response = client.get(reverse("pages:contacts") + "?ordine=1")
    assert response.status_code == 500
    assert "Something went wrong" in response.text
    log = error_log.getvalue()
    assert "ERROR django.request [GET /it/contatti/?ordine=1 user=boss] Internal Server Error" in log
    assert "Traceback (most recent call last)" in log
    assert "RuntimeError: a bug in the contacts page" in log
    # The admins' mail goes through the queue like every other message.
    [message] = mail.outbox
    assert message.to == ["webmaster@recs.example"]
    assert "RuntimeError" in message.subject or "RuntimeError" in message.body


@needs_postgresql
def test_web_requests_have_a_statement_timeout_and_commands_do_not():
    with connection.cursor() as cursor:
        cursor.execute("SHOW statement_timeout")
        assert cursor.fetchone() == ("10s",)
    assert connection.settings_dict["OPTIONS"]["connect_timeout"] == 3
    assert connection.settings_dict["CONN_HEALTH_CHECKS"] is True
    command = subprocess.run(
        [sys.executable, "manage.py", "dbshell", "--", "-tAc", "SHOW statement_timeout"],
        cwd=ROOT,
        env={k: v for k, v in os.environ.items() if k != "DATABASE_STATEMENT_TIMEOUT"},
        capture_output=True,
        text=True,
        check=True,
    )
    assert command.stdout.strip() == "0"


def test_production_settings_pass_the_deployment_checks():
    # As on a server: without the test run's own switches (DJANGO_ALLOW_ASYNC_UNSAFE).
    environment = {
        **{k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")},
        "DJANGO_SETTINGS_MODULE": "recs.settings.prod",
        "SECRET_KEY": "k3y-" + "0123456789abcdefghij" * 3,
        "ALLOWED_HOSTS": "recs.it",
        "DATABASE_URL": "postgres://recs@127.0.0.1:5432/recs",
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    assert "System check identified no issues" in result.stdout
