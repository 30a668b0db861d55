"""The serving stack as a server runs it: real gunicorn, nginx, PostgreSQL and Redis.

These tests start real processes on a database of their own, so they run in the
PostgreSQL pass of the suite (DATABASE_URL pointing at PostgreSQL), like production.
"""

import os
import secrets
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import psycopg
import pytest
from django.conf import settings

from .http import Browser

ROOT = Path(settings.BASE_DIR)
ON_POSTGRESQL = settings.DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql"
needs_postgresql = pytest.mark.skipif(not ON_POSTGRESQL, reason="the serving stack runs on PostgreSQL")


def free_ports(count):
    """`count` consecutive free ports on the loopback interface."""
    for _ in range(200):
        first = 20000 + secrets.randbelow(30000)
        sockets = []
        try:
            for port in range(first, first + count):
                sock = socket.socket()
                sock.bind(("127.0.0.1", port))
                sockets.append(sock)
            return first
        except OSError:
            continue
        finally:
            for sock in sockets:
                sock.close()
    raise RuntimeError("no free ports")


def port_is_open(port):
    with socket.socket() as sock:
        sock.settimeout(0.5)
        return sock.connect_ex(("127.0.0.1", port)) == 0


def wait_for(condition, seconds=30, step=0.2):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(step)
    return False


@pytest.fixture(scope="session")
def stack_database_url():
    """A PostgreSQL database for the stack's processes (made by the stack, dropped after)."""
    db = settings.DATABASES["default"]
    name = f"recs_stack_test_{os.getpid()}"
    auth = db["USER"] + (f":{db['PASSWORD']}" if db["PASSWORD"] else "")
    yield f"postgres://{auth}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{name}"
    with psycopg.connect(
        dbname="postgres",
        user=db["USER"],
        password=db["PASSWORD"] or None,
        host=db["HOST"] or "127.0.0.1",
        port=db["PORT"] or 5432,
        autocommit=True,
    ) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(scope="session")
def stack_environment(stack_database_url, tmp_path_factory):
    folder = tmp_path_factory.mktemp("stack")
    return {
        **{k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")},
        "DJANGO_SETTINGS_MODULE": "recs.settings.prod",
        "DATABASE_URL": stack_database_url,
        "REDIS_URL": "redis://127.0.0.1:6379/15",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "HTTPS": "false",
        "MEDIA_ROOT": str(folder / "media"),
        "STATIC_ROOT": str(folder / "static"),
        "RUN_DIR": str(folder / "run"),
        "ADMINS": "",
    }


class Stack:
    """`make serve`, started as a person starts it, on ports of its own."""

    def __init__(self, environment, log_path):
        self.port = free_ports(3)
        self.url = f"http://127.0.0.1:{self.port}"
        self.instances = [f"http://127.0.0.1:{self.port + 1}", f"http://127.0.0.1:{self.port + 2}"]
        self.environment = environment
        self.media_root = Path(environment["MEDIA_ROOT"])
        self.log_path = log_path
        self.process = subprocess.Popen(
            [sys.executable, "deploy/serve.py"],
            cwd=ROOT,
            env=environment | {"PORT": str(self.port)},
            stdout=open(log_path, "wb"),
            stderr=subprocess.STDOUT,
        )
        if not wait_for(lambda: "Serving on" in self.log() or self.process.poll() is not None, 240, 0.5):
            raise RuntimeError(f"make serve did not start:\n{self.log()[-3000:]}")
        if self.process.poll() is not None:
            raise RuntimeError(f"make serve stopped:\n{self.log()[-3000:]}")

    def log(self):
        return self.log_path.read_text(errors="replace")

    def stop(self):
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGINT)  # Ctrl-C
        return self.process.wait(timeout=60)


@pytest.fixture(scope="session")
def stack(stack_environment, tmp_path_factory):
    if not Path("/usr/sbin/nginx").exists():
        pytest.fail("nginx is missing: `make test` installs it")
    running = Stack(stack_environment, tmp_path_factory.mktemp("stack-log") / "serve.log")
    yield running
    running.stop()


@pytest.fixture
def browser_client():
    return Browser()
