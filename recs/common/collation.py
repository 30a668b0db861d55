"""How the site puts names in order: case-folded, then character by character (a space
and an apostrophe before any letter: "La Spezia" before "Lamezia", "L'Aquila" before
"La Spezia"), the same in Python and in either database, so that a list sorted by the
database and one sorted in Python agree."""

from django.db.backends.signals import connection_created
from django.db.models import Func, TextField


def folded(text):
    """A name's sort key in Python."""
    return text.casefold()


class Folded(Func):
    """A name's sort key in SQL: PostgreSQL lowers it and compares the code points
    (``COLLATE "C"``, whatever the database's locale); SQLite calls ``folded`` above,
    its own LOWER knowing only ASCII."""

    function = "LOWER"
    output_field = TextField()

    def as_postgresql(self, compiler, connection, **extra_context):
        sql, params = self.as_sql(compiler, connection, **extra_context)
        return f'({sql}) COLLATE "C"', params

    def as_sqlite(self, compiler, connection, **extra_context):
        return self.as_sql(compiler, connection, function="RECS_FOLDED", **extra_context)


def register_on_sqlite(sender, connection, **kwargs):
    if connection.vendor == "sqlite":
        connection.connection.create_function(
            "RECS_FOLDED", 1, lambda text: None if text is None else folded(text), deterministic=True
        )


connection_created.connect(register_on_sqlite, dispatch_uid="recs-folded-on-sqlite")
