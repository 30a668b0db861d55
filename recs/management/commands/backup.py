from django.conf import settings
from django.core.management.base import BaseCommand

from recs.backups import make_backup


class Command(BaseCommand):
    help = (
        "Back up the database and the uploaded files into BACKUP_DIR, as two files with the "
        "same date (recs-YYYY-MM-DD-HHMMSS-database.* and -media.tar.gz)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--keep", type=int, default=0, help="Then delete all but the newest KEEP backups (0: keep all)."
        )

    def handle(self, *args, keep, **options):
        stamp = make_backup(keep=keep)
        self.stdout.write(f"Backup {stamp} written to {settings.BACKUP_DIR}.")
