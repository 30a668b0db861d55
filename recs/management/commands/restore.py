import sys

from django.core.management.base import BaseCommand, CommandError

from recs.backups import complete_backups, restore_backup
from recs.common import page_cache


class Command(BaseCommand):
    help = (
        "Restore the database and the uploaded files from a backup in BACKUP_DIR: the newest "
        "one, or the one named with --backup (its date, as in recs-2026-12-01-030000-...)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--backup", default="", help="The backup's date, e.g. 2026-12-01-030000.")
        parser.add_argument("--noinput", "--no-input", action="store_false", dest="interactive")

    def handle(self, *args, backup, interactive, **options):
        backup = backup.removeprefix("recs-").split("-database")[0].split("-media")[0]
        stamps = complete_backups()
        target = backup or (stamps[-1] if stamps else "")
        if interactive and sys.stdin.isatty():
            answer = input(
                f"This replaces ALL the data and uploaded files with backup {target}. Type 'yes': "
            )
            if answer.strip().lower() != "yes":
                raise CommandError("Nothing was restored.")
        try:
            stamp, moved_to = restore_backup(target or None)
        except LookupError as error:
            raise CommandError(str(error)) from error
        page_cache.invalidate()
        self.stdout.write(f"Restored backup {stamp}.")
        if moved_to:
            self.stdout.write(f"The uploaded files that were there before are kept in {moved_to}.")
