"""SQL expressions the site's queries share."""

from django.db.models import BooleanField, F, Func


class OneOf(Func):
    """A filter: ``field``'s value is one of ``values``. On PostgreSQL the values go as one
    array (``= ANY(%s)``): a list of hundreds costs the database and Django what one
    value costs, where ``field__in`` sends, adapts and plans each of them."""

    output_field = BooleanField()

    def __init__(self, field, values):
        super().__init__(F(field))
        self.values = list(values)

    def as_sql(self, compiler, connection, **extra_context):
        column, params = compiler.compile(self.source_expressions[0])
        placeholders = ", ".join(["%s"] * len(self.values))
        return f"{column} IN ({placeholders})", [*params, *self.values]

    def as_postgresql(self, compiler, connection, **extra_context):
        column, params = compiler.compile(self.source_expressions[0])
        return f"{column} = ANY(%s)", [*params, self.values]
