"""PostgreSQL full-text search documents, built one way for the site search and the admin.

A document is a model's fields as a language shows them (``localized``): the first field
weighted A, the others B, with that language's stemming (settings.LANGUAGE_TEXT_SEARCH).
The GIN indexes of the events and cities (their apps' migrations) are exactly these
expressions, and the clippings store theirs in generated columns (``stored``): change
both together (tests check with EXPLAIN that they are used).
"""

from django.conf import settings
from django.db.models import Q

from .languages import codes, localized


def config(language):
    return settings.LANGUAGE_TEXT_SEARCH.get(language, "simple")


def document(fields, language, plain=()):
    """The search document of translated ``fields`` (the first weighted A, the others B)
    and of ``plain`` untranslated ones, such as a PDF's text (weighted C)."""
    from django.contrib.postgres.search import SearchVector

    vector = SearchVector(localized(fields[0], language), weight="A", config=config(language))
    for field in fields[1:]:
        vector += SearchVector(localized(field, language), weight="B", config=config(language))
    for field in plain:
        vector += SearchVector(field, weight="C", config=config(language))
    return vector


def stored(column):
    """A search document stored in ``column``, a generated column of PostgreSQL that the
    model does not declare (pressreview's migration 0009): read, not computed. Named
    without its table, so that it reads the same in a subquery."""
    from django.contrib.postgres.search import SearchVectorField
    from django.db import connection
    from django.db.models.expressions import RawSQL

    return RawSQL(connection.ops.quote_name(column), [], output_field=SearchVectorField())


def query(text, language):
    from django.contrib.postgres.search import SearchQuery

    return SearchQuery(text, config=config(language), search_type="websearch")


def in_any_language(queryset, fields, text, stored_as=""):
    """``queryset`` narrowed to what matches ``text`` in any language's document (stored
    in the columns ``stored_as`` names, e.g. "search_{language}", if it is)."""
    annotations = {
        f"document_{code}": stored(stored_as.format(language=code)) if stored_as else document(fields, code)
        for code in codes()
    }
    condition = Q()
    for code in codes():
        condition |= Q(**{f"document_{code}": query(text, code)})
    return queryset.annotate(**annotations).filter(condition)


def gin_indexes(table, indexes):
    """A migration operation making ``indexes`` ({name: SQL expression}) GIN indexes of
    ``table`` on PostgreSQL; elsewhere (SQLite) the search is a plain match and needs none."""
    from django.db import migrations

    def create(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            for name, expression in indexes.items():
                schema_editor.execute(
                    f"CREATE INDEX IF NOT EXISTS {name} ON {table} USING gin (({expression}))"
                )

    def drop(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            for name in indexes:
                schema_editor.execute(f"DROP INDEX IF EXISTS {name}")

    return migrations.RunPython(create, drop)
