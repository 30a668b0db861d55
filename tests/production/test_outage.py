"""Outages and errors, as one app instance sees them: 503 for a lost database, health checks, logs."""

import io
import logging

import pytest
from django.core import mail
from django.db import OperationalError
from django.test import RequestFactory
from django.urls import reverse

from recs import outage, views

pytestmark = pytest.mark.django_db


def test_a_lost_database_is_a_503_with_a_bilingual_page(client, monkeypatch, django_assert_num_queries):
    def database_gone(*args, **kwargs):
        raise OperationalError("connection to server at 127.0.0.1, port 5432 failed: timeout expired")

    monkeypatch.setattr(views.ContactListView, "get_queryset", database_gone)
    # Answered without touching the database again (the menu, in every page, needs it).
    with django_assert_num_queries(0):
        response = client.get(reverse("recs:contacts"))
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
    response = client.get(reverse("recs:contacts") + "?ordine=1")
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
