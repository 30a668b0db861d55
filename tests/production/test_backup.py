"""The backup drill: back up, damage the data, restore, and find every row and file as it was."""

import datetime
import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.db import connection
from django.utils import timezone

from cities.models import City, Status
from cities.workflow import record_status_change
from recs.backups import complete_backups
from recs.roles import COORDINATORS
from tests.factories import ArticleFactory, UserFactory
from tests.recs.test_uploads import png_bytes

from .conftest import ON_POSTGRESQL, ROOT, needs_postgresql


def media_files(root):
    root = Path(root)
    return {
        str(path.relative_to(root)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(root.rglob("*"))
        if path.is_file()
    }


def every_row():
    """Every table's rows, in a stable order."""
    rows = {}
    with connection.cursor() as cursor:
        for table in sorted(connection.introspection.table_names()):
            cursor.execute(f'SELECT * FROM "{table}" ORDER BY 1')
            rows[table] = cursor.fetchall()
    return rows


@pytest.fixture
def empty_backup_dir():
    for path in settings.BACKUP_DIR.iterdir():
        path.unlink()
    yield settings.BACKUP_DIR
    for path in settings.BACKUP_DIR.iterdir():
        path.unlink()


@needs_postgresql
def test_backup_and_restore_drill_on_postgresql(transactional_db, seeded, empty_backup_dir):
    coordinator = UserFactory(role=COORDINATORS)
    record_status_change(
        City.objects.filter(name_it__in=["Catania", "Cuneo"]),
        status=Status.MEMBER,
        effective_date=datetime.date(2007, 3, 1),
        user=coordinator,
        opened_at=timezone.now(),
        reference_it="Assemblea del 1° marzo 2007",
    )
    article = ArticleFactory(clipping_image=SimpleUploadedFile("ritaglio.png", png_bytes()))
    article.cities.add(City.objects.get(name_it="Torino"))
    rows_before, files_before = every_row(), media_files(settings.MEDIA_ROOT)
    assert rows_before["cities_statuschange"] and files_before

    call_command("backup")
    [stamp] = complete_backups()
    assert stamp.startswith(timezone.now().strftime("%Y-%m-%d"))

    # Damage: rows lost and changed, a file lost, a stray file added.
    with connection.cursor() as cursor:
        cursor.execute("TRUNCATE pressreview_article CASCADE")
        cursor.execute("UPDATE cities_city SET name_it = 'Danneggiata'")
    article_image = Path(settings.MEDIA_ROOT) / article.clipping_image.name
    article_image.unlink()
    (Path(settings.MEDIA_ROOT) / "estraneo.txt").write_text("non dovrebbe esserci")
    assert every_row() != rows_before

    call_command("restore", "--noinput")
    assert every_row() == rows_before
    assert media_files(settings.MEDIA_ROOT) == files_before
    # What the restore replaced is kept aside, not deleted.
    [kept] = Path(settings.MEDIA_ROOT).parent.glob(f"{Path(settings.MEDIA_ROOT).name}.before-restore-*")
    assert (kept / "estraneo.txt").exists()
    subprocess.run(["rm", "-rf", str(kept)], check=True)


SETUP = """
import datetime
from django.core.files.base import ContentFile
from django.utils import timezone
from cities.models import City, Status
from cities.workflow import record_status_change
from pressreview.models import Article, Outlet
from django.contrib.auth.models import User
user = User.objects.create_user("coordinatrice")
record_status_change(City.objects.filter(name_it="Catania"), status=Status.MEMBER,
    effective_date=datetime.date(2007, 3, 1), user=user, opened_at=timezone.now())
outlet = Outlet.objects.create(name="La Stampa")
article = Article(headline_it="Le città strategiche", outlet=outlet, published_on=datetime.date(2006, 5, 11))
article.clipping_image.save("ritaglio.png", ContentFile(PNG), save=False)
article.save()
"""
DAMAGE = """
from pressreview.models import Article
from cities.models import City
Article.objects.all().delete()
City.objects.update(name_it="Danneggiata")
"""


@pytest.mark.skipif(ON_POSTGRESQL, reason="the PostgreSQL drill runs in the PostgreSQL pass")
def test_make_backup_and_make_restore_on_sqlite(tmp_path):
    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "recs.settings.base",
        "DEBUG": "false",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
        "MEDIA_ROOT": str(tmp_path / "media"),
        "BACKUP_DIR": str(tmp_path / "backups"),
    }

    def manage(*args, **kwargs):
        return subprocess.run(
            [sys.executable, "manage.py", *args],
            cwd=ROOT,
            env=environment,
            check=True,
            capture_output=True,
            text=True,
            **kwargs,
        ).stdout

    def snapshot():
        data = json.loads(manage("dumpdata", "--exclude", "sessions", "--indent", "0"))
        return sorted(json.dumps(item, sort_keys=True) for item in data), media_files(tmp_path / "media")

    manage("migrate", "--noinput")
    manage("load_seed")
    manage("shell", "-c", f"PNG = {png_bytes()!r}\n{SETUP}")
    before = snapshot()
    assert any('"pressreview.article"' in row for row in before[0]) and before[1]

    subprocess.run(["make", "-s", "backup"], cwd=ROOT, env=environment, check=True, capture_output=True)
    manage("shell", "-c", DAMAGE)
    for path in (tmp_path / "media").rglob("*.png"):
        path.unlink()
    assert snapshot() != before

    subprocess.run(
        ["make", "-s", "restore"],
        cwd=ROOT,
        env=environment,
        check=True,
        capture_output=True,
        stdin=subprocess.DEVNULL,
    )
    assert snapshot() == before
