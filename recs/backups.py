"""Dated backups of the database and the uploaded files, made and restored together.

django-dbbackup does the work (``pg_dump``/``pg_restore`` on PostgreSQL, SQLite's own
backup API on SQLite); this module names the two files of one backup with one date,
finds the newest complete backup, and keeps the files a restore replaces.
"""

import re
import shutil

from django.conf import settings
from django.core.management import call_command
from django.utils import timezone

NAME = re.compile(r"^recs-(?P<stamp>\d{4}-\d{2}-\d{2}-\d{6})-(?P<part>database|media)\.")
STAMP_FORMAT = "%Y-%m-%d-%H%M%S"


def backup_files():
    """{stamp: {"database": filename, "media": filename}} for every backup in BACKUP_DIR."""
    found = {}
    if settings.BACKUP_DIR.is_dir():
        for path in settings.BACKUP_DIR.iterdir():
            match = NAME.match(path.name)
            if match and not path.name.endswith(".metadata"):  # dbbackup's note beside each dump
                found.setdefault(match["stamp"], {})[match["part"]] = path.name
    return found


def complete_backups():
    """Stamps of the backups that have both parts, oldest first."""
    return sorted(stamp for stamp, parts in backup_files().items() if len(parts) == 2)


def make_backup(keep=None):
    """Write one backup (database and media) and return its stamp; keep only the newest `keep`."""
    settings.BACKUP_DIR.mkdir(parents=True, exist_ok=True)
    settings.MEDIA_ROOT.mkdir(parents=True, exist_ok=True)
    stamp = timezone.now().strftime(STAMP_FORMAT)
    extension = "dump" if settings.DATABASES["default"]["ENGINE"].endswith("postgresql") else "sqlite3"
    call_command("dbbackup", output_filename=f"recs-{stamp}-database.{extension}", verbosity=0)
    call_command("mediabackup", output_filename=f"recs-{stamp}-media.tar.gz", compress=True, verbosity=0)
    if keep:
        for old in complete_backups()[:-keep]:
            for filename in backup_files()[old].values():
                (settings.BACKUP_DIR / filename).unlink()
    return stamp


def restore_backup(stamp=None):
    """Restore the backup with this stamp (default: the newest complete one).

    The uploaded files present now are moved aside (beside MEDIA_ROOT, with the date),
    never deleted: what the backup does not have can still be recovered by hand.
    Returns (stamp, folder the old media files were moved to, or None).
    """
    stamps = complete_backups()
    if not stamps:
        raise LookupError(f"No complete backup in {settings.BACKUP_DIR}.")
    stamp = stamp or stamps[-1]
    if stamp not in stamps:
        raise LookupError(
            f"No complete backup {stamp!r} in {settings.BACKUP_DIR}; there are: {', '.join(stamps)}."
        )
    parts = backup_files()[stamp]
    call_command("dbrestore", input_filename=parts["database"], interactive=False, verbosity=0)
    moved_to = None
    media = settings.MEDIA_ROOT
    if media.exists() and any(media.iterdir()):
        moved_to = media.with_name(f"{media.name}.before-restore-{timezone.now():%Y-%m-%d-%H%M%S}")
        shutil.move(media, moved_to)
    media.mkdir(parents=True, exist_ok=True)
    call_command(
        "mediarestore",
        input_filename=parts["media"],
        uncompress=True,
        replace=True,
        interactive=False,
        verbosity=0,
    )
    return stamp, moved_to
