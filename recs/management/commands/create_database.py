import psycopg
from django.conf import settings
from django.core.management.base import BaseCommand
from psycopg import sql


class Command(BaseCommand):
    help = (
        "Create the PostgreSQL database DATABASE_URL names, if it does not exist yet "
        "(through the server's maintenance database, `postgres`). Nothing to do on SQLite."
    )

    def handle(self, *args, **options):
        db = settings.DATABASES["default"]
        if db["ENGINE"] != "django.db.backends.postgresql":
            self.stdout.write("SQLite: the database file is made by migrate.")
            return
        params = {
            "dbname": "postgres",
            "user": db["USER"] or None,
            "password": db["PASSWORD"] or None,
            "host": db["HOST"] or None,
            "port": db["PORT"] or None,
            "connect_timeout": 3,
        }
        with psycopg.connect(**{k: v for k, v in params.items() if v}, autocommit=True) as connection:
            exists = connection.execute(
                "SELECT 1 FROM pg_database WHERE datname = %s", [db["NAME"]]
            ).fetchone()
            if exists:
                self.stdout.write(f"Database {db['NAME']} already exists.")
                return
            connection.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(db["NAME"])))
            self.stdout.write(f"Database {db['NAME']} created.")
